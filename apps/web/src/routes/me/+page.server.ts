import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { declareTieForm, isTieKind } from '$lib/resident/forms';
import { m } from '$lib/paraglide/messages';
import {
  blankRequired,
  formText,
  incomplete,
  itemBlank,
  itemRefusal,
  itemSuccess,
  refusal,
  success,
} from '$lib/server/forms';
import { communitiesById, loadOverview, placeChoices } from '$lib/server/places';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

const declareFormId = 'declare-tie';

export const load: PageServerLoad = async ({ locals, cookies, url }) => {
  const [profile, overview] = await Promise.all([
    locals.api.resident.me.query({ minPosition: lastWrite(cookies) }),
    loadOverview(locals.api, cookies),
  ]);
  const byId = communitiesById(overview);
  // Only the communities the page names: those of the resident's ties.
  const communities: Record<string, { name: string; nameEn: string | null }> = {};
  for (const { communityId } of profile.ties) {
    const community = byId[communityId];
    if (community) communities[communityId] = { name: community.name, nameEn: community.nameEn };
  }
  return {
    profile,
    streets: placeChoices(overview),
    communities,
    welcome: url.searchParams.has('welcome'),
    passwordSet: url.searchParams.has('password'),
    declareForm: await superValidate(zod4(declareTieForm), { id: declareFormId }),
  };
};

export const actions: Actions = {
  declareTie: async ({ request, locals, cookies }) => {
    const form = await superValidate(request, zod4(declareTieForm), { id: declareFormId });
    if (blankRequired(form, ['communityId'])) return incomplete(form);
    const { communityId, kind } = form.data;
    try {
      const result = await locals.api.resident.declareTie.mutate({
        communityId,
        // Checked by the API, which names the field if it is none of the three.
        kind: isTieKind(kind) ? kind : 'lives',
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return refusal(form, error);
    }
    const fresh = await superValidate(zod4(declareTieForm), { id: declareFormId });
    return success(fresh, m.me_tie_declared());
  },

  /** A tie a community worker declared for me: I confirm it, or decline it. */
  answerTie: async ({ request, locals, cookies }) => {
    const data = await request.formData();
    const tieId = formText(data, 'tieId');
    const confirm = formText(data, 'answer') === 'confirm';
    try {
      const procedure = confirm ? locals.api.resident.confirmTie : locals.api.resident.declineTie;
      const result = await procedure.mutate({ tieId });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal(tieId, error);
    }
    return itemSuccess(tieId, confirm ? m.me_tie_confirmed() : m.me_tie_declined());
  },

  /** I stop an erasure of my data a worker requested. */
  stopErasure: async ({ request, locals, cookies }) => {
    const data = await request.formData();
    const reason = formText(data, 'reason');
    if (reason === '') return itemBlank('erasure');
    try {
      const result = await locals.api.resident.stopMyErasure.mutate({
        erasureId: formText(data, 'erasureId'),
        reason,
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal('erasure', error);
    }
    return itemSuccess('erasure', m.me_erasure_stopped());
  },
};
