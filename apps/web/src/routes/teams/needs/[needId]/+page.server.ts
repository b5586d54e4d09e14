import { fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { loadPlaces, orNotFound } from '$lib/server/cycles';
import { formText, itemBlank, itemRefusal, itemSuccess, refusal, success } from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { requireSignIn } from '$lib/server/sign-in';
import { claimForm } from '$lib/team/forms';
import type { Actions, PageServerLoad } from './$types';

// One service need: what, where, when, how many, which skills, where it came from, and the teams'
// claims (a declined team reads why). A leader claims it for a team they lead; staff of its
// community accept one claim, telling the other teams why not.
const claimFormId = 'claim';

export const load: PageServerLoad = async ({ locals, cookies, params }) => {
  const minPosition = lastWrite(cookies);
  const [page, places] = await Promise.all([
    orNotFound(locals.api.team.need.query({ needId: params.needId, minPosition })),
    loadPlaces(locals.api, minPosition),
  ]);
  const form = await superValidate(zod4(claimForm), { id: claimFormId });
  if (page.mayClaimFor.length === 1) form.data.teamId = page.mayClaimFor[0]!.teamId;
  return { ...page, places, claimForm: form };
};

export const actions: Actions = {
  claim: async ({ request, locals, cookies, params, url }) => {
    if (!locals.user) requireSignIn(url, 'staff');
    const form = await superValidate(request, zod4(claimForm), { id: claimFormId });
    if (form.data.teamId === '') {
      form.errors.teamId = [m.team_need_claim_team_choose()];
      return fail(400, { form });
    }
    const note = form.data.note.trim();
    try {
      const result = await locals.api.team.claimNeed.mutate({
        needId: params.needId,
        teamId: form.data.teamId,
        ...(note ? { note } : {}),
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return refusal(form, error);
    }
    return success(form, m.team_need_claimed());
  },

  accept: async ({ request, locals, cookies, params }) => {
    const data = await request.formData();
    const teamId = formText(data, 'teamId');
    const reason = formText(data, 'reason');
    if (reason === '' && formText(data, 'others') === 'yes') return itemBlank(teamId);
    try {
      const result = await locals.api.team.acceptClaim.mutate({
        needId: params.needId,
        teamId,
        ...(reason ? { reason } : {}),
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal(teamId, error);
    }
    return itemSuccess(teamId, m.team_need_accepted());
  },
};
