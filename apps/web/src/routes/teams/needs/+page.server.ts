import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { needCommunities } from '$lib/permissions';
import { loadPlaces } from '$lib/server/cycles';
import { addFieldError, blankFields, invalid, refusal } from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { requireSignIn } from '$lib/server/sign-in';
import { chinaInstant, needForm, skillsOf } from '$lib/team/forms';
import type { Actions, PageServerLoad } from './$types';

// Service needs (服务需求) of every community, newest first: public. Staff of a community post
// one here — their own, a resident's proposal turned into a need (?proposal=…), or a
// micro-project's implementation offered to teams whole or in part (?project=…).
const needFormId = 'need';

export const load: PageServerLoad = async ({ locals, cookies, url }) => {
  const minPosition = lastWrite(cookies);
  const [{ needs }, places] = await Promise.all([
    locals.api.team.needs.query({ minPosition }),
    loadPlaces(locals.api, minPosition),
  ]);
  const communities = Object.entries(places.communities).map(([communityId, c]) => ({
    communityId,
    ...c,
  }));
  const postable = locals.user ? needCommunities(locals.user.grants, communities) : [];
  const proposal = url.searchParams.get('proposal');
  const project = url.searchParams.get('project');
  const form = await superValidate(zod4(needForm), { id: needFormId });
  if (postable.length === 1) form.data.communityId = postable[0]!.communityId;
  if (proposal) Object.assign(form.data, { source: 'request', sourceId: proposal });
  if (project) Object.assign(form.data, { source: 'project_whole', sourceId: project });
  return { needs, places, postable, needForm: form };
};

function sourceOf(source: string, id: string) {
  switch (source) {
    case 'request':
      return { kind: 'request' as const, proposalId: id };
    case 'project_whole':
    case 'project_part':
      return {
        kind: 'project' as const,
        projectId: id,
        part: source === 'project_whole' ? ('whole' as const) : ('part' as const),
      };
    default:
      return { kind: 'community' as const };
  }
}

export const actions: Actions = {
  post: async ({ request, locals, cookies, url }) => {
    if (!locals.user) requireSignIn(url, 'staff');
    const form = await superValidate(request, zod4(needForm), { id: needFormId });
    const required = ['communityId', 'title', 'place', 'date', 'from', 'until', 'people'];
    if (form.data.source !== 'community') required.push('sourceId');
    if (blankFields(form, required)) return invalid(form);
    const { communityId, title, description, place, date, from, until, source, sourceId } =
      form.data;
    const startsAt = chinaInstant(date, from);
    const endsAt = chinaInstant(date, until);
    const people = Number(form.data.people);
    if (!startsAt) addFieldError(form, 'from', m.team_time_invalid());
    if (!endsAt) addFieldError(form, 'until', m.team_time_invalid());
    if (!Number.isInteger(people) || people < 1) {
      addFieldError(form, 'people', m.team_slots_invalid());
    }
    if (!form.valid) return fail(400, { form });
    let needId: string;
    try {
      const result = await locals.api.team.postNeed.mutate({
        communityId,
        title,
        description: description.trim() || title,
        place,
        startsAt,
        endsAt,
        people,
        skills: skillsOf(form.data.skills),
        source: sourceOf(source, sourceId.trim()),
      });
      rememberWrite(cookies, result.position);
      needId = result.needId;
    } catch (error) {
      return refusal(form, error, [], (path) =>
        path === 'startsAt'
          ? 'from'
          : path === 'endsAt'
            ? 'until'
            : path.startsWith('source.')
              ? 'sourceId'
              : path.startsWith('skills')
                ? 'skills'
                : path,
      );
    }
    redirect(303, `/teams/needs/${encodeURIComponent(needId)}`);
  },
};
