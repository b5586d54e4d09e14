// The public page of a community's deliberation (议事协商): its deliberative bodies and its
// street's own with their rules, the meetings to come (notice: time, place, agenda) and those
// held (results, minutes). Anyone picks a street, then one of its communities (`?street=`,
// `?community=`, a plain GET form: a city has hundreds of communities); a signed-in resident
// starts at their own. A resident follows a body here and is told of each
// meeting it convenes; a visitor is asked to sign in first.
import { m } from '$lib/paraglide/messages';
import { formText, itemWrite } from '$lib/server/forms';
import { openCommunitiesOf, openStreets, streetOfCommunity } from '$lib/server/places';
import { lastWrite } from '$lib/server/read-your-writes';
import { requireSignIn } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

/** The first of `ids` that is given and `ok`. */
const firstOf = (ids: (string | null | undefined)[], ok: (id: string) => boolean) =>
  ids.find((id): id is string => !!id && ok(id));

/** A signed-in resident's own community: their first verified or declared tie. */
async function ownCommunity(locals: App.Locals, minPosition?: string) {
  if (locals.user?.kind !== 'resident') return undefined;
  const { ties } = await locals.api.resident.me.query({ minPosition });
  return ties.find((t) => t.status === 'verified' || t.status === 'declared');
}

export const load: PageServerLoad = async ({ locals, cookies, url }) => {
  const minPosition = lastWrite(cookies);
  const streets = await openStreets(locals.api, minPosition);
  // Where to start: the street and community asked for, else the resident's own community.
  const asked = url.searchParams.get('community');
  const askedAt = asked ? await streetOfCommunity(locals.api, asked, minPosition) : undefined;
  const own = askedAt ? undefined : await ownCommunity(locals, minPosition);
  const streetId = firstOf(
    [url.searchParams.get('street'), askedAt, own?.streetId, streets[0]?.streetId],
    (id) => streets.some((s) => s.streetId === id),
  );
  const empty = { streets, streetId: streetId ?? null, communities: [], communityId: null };
  if (!streetId) return { ...empty, bodies: [], upcoming: [], past: [] };
  const communities = await openCommunitiesOf(locals.api, streetId, minPosition);
  const communityId = firstOf([asked, own?.communityId, communities[0]?.communityId], (id) =>
    communities.some((c) => c.communityId === id),
  );
  if (!communityId) return { ...empty, communities, bodies: [], upcoming: [], past: [] };
  // The community's bodies, then its street's own (a street committee), which residents of every
  // community of the street may follow.
  const [community, street, communityMeetings, streetMeetings] = await Promise.all([
    locals.api.meeting.bodies.query({ communityId, minPosition }),
    locals.api.meeting.bodies.query({ streetId, minPosition }),
    locals.api.meeting.meetings.query({ communityId, minPosition }),
    locals.api.meeting.meetings.query({ streetId, minPosition }),
  ]);
  const bodies = [...community.bodies, ...street.bodies];
  // Latest first, as each list comes.
  const meetings = [...communityMeetings.meetings, ...streetMeetings.meetings].sort((a, b) =>
    b.startsAt.localeCompare(a.startsAt),
  );
  const now = new Date().toISOString();
  const isUpcoming = (mt: (typeof meetings)[number]) =>
    mt.status === 'convened' && mt.startsAt >= now;
  return {
    streets,
    streetId,
    communities,
    communityId,
    bodies,
    upcoming: meetings.filter(isUpcoming).reverse(),
    past: meetings.filter((mt) => !isUpcoming(mt)),
  };
};

export const actions: Actions = {
  follow: async ({ request, locals, cookies, url }) => {
    // Back to the page itself after signing in, not to the action's address.
    if (!locals.user) requireSignIn(new URL(url.pathname, url), 'resident');
    const data = await request.formData();
    const bodyId = formText(data, 'bodyId');
    const follow = formText(data, 'follow') === 'true';
    return itemWrite(
      cookies,
      bodyId,
      () => locals.api.meeting.follow.mutate({ bodyId, follow }),
      follow ? m.meeting_follow_done() : m.meeting_unfollow_done(),
    );
  },
};
