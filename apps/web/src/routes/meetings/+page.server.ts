// The public page of a community's deliberation (议事协商): its deliberative bodies and its
// street's own with their rules, the meetings to come (notice: time, place, agenda) and those
// held (results, minutes). Anyone picks a community (`?community=`, a plain GET form); a
// signed-in resident starts at their own. A resident follows a body here and is told of each
// meeting it convenes; a visitor is asked to sign in first.
import { m } from '$lib/paraglide/messages';
import { formText, itemWrite } from '$lib/server/forms';
import { loadOverview, placeChoices } from '$lib/server/places';
import { lastWrite } from '$lib/server/read-your-writes';
import { requireSignIn } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, cookies, url }) => {
  const minPosition = lastWrite(cookies);
  const overview = await loadOverview(locals.api, cookies);
  const open = overview.streets
    .filter((s) => s.status === 'open')
    .flatMap((s) => s.communities.filter((c) => c.status === 'open'));
  const isOpen = (id: string | null | undefined) => !!id && open.some((c) => c.communityId === id);
  const asked = url.searchParams.get('community');
  let communityId = isOpen(asked) ? asked! : undefined;
  if (!communityId && locals.user?.kind === 'resident') {
    const { ties } = await locals.api.resident.me.query({ minPosition });
    communityId = ties.find(
      (tie) => (tie.status === 'verified' || tie.status === 'declared') && isOpen(tie.communityId),
    )?.communityId;
  }
  communityId ??= open[0]?.communityId;
  const places = placeChoices(overview);
  if (!communityId) return { places, communityId: null, bodies: [], upcoming: [], past: [] };
  // The community's bodies, then its street's own (a street committee), which residents of every
  // community of the street may follow.
  const streetId = overview.streets.find((s) =>
    s.communities.some((c) => c.communityId === communityId),
  )!.streetId;
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
    places,
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
