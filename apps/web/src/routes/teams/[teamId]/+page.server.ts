import { fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { loadPlaces, orNotFound } from '$lib/server/cycles';
import { itemRefusal, itemSuccess, refusal, success } from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { requireSignIn } from '$lib/server/sign-in';
import { joinForm } from '$lib/team/forms';
import type { Actions, PageServerLoad } from './$types';

// A team's public page: what it does, who organises it, its skills and the hours it has served
// (never who served most). A resident asks to join here, and a member leaves.
const joinFormId = 'join';

export const load: PageServerLoad = async ({ locals, cookies, params }) => {
  const minPosition = lastWrite(cookies);
  const [team, places] = await Promise.all([
    orNotFound(locals.api.team.page.query({ teamId: params.teamId, minPosition })),
    loadPlaces(locals.api, minPosition),
  ]);
  return {
    team,
    places,
    joinForm: await superValidate(zod4(joinForm), { id: joinFormId }),
  };
};

export const actions: Actions = {
  join: async ({ request, locals, cookies, params, url }) => {
    if (!locals.user) requireSignIn(url, 'resident');
    const form = await superValidate(request, zod4(joinForm), { id: joinFormId });
    if (!form.valid) return fail(400, { form });
    const note = form.data.note.trim();
    try {
      const result = await locals.api.team.requestToJoin.mutate({
        teamId: params.teamId,
        ...(note ? { note } : {}),
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return refusal(form, error);
    }
    return success(form, m.team_join_sent());
  },

  leave: async ({ locals, cookies, params }) => {
    try {
      const result = await locals.api.team.leave.mutate({ teamId: params.teamId });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal('leave', error);
    }
    return itemSuccess('leave', m.team_left());
  },
};
