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
import { openCommunitiesOf, openStreets } from '$lib/server/places';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

const declareFormId = 'declare-tie';

// The tie form picks a street first (`?street=`, a plain GET form), then one of its communities:
// a city has hundreds of communities, too many for one list and too heavy for every visit.
export const load: PageServerLoad = async ({ locals, cookies, url }) => {
  const minPosition = lastWrite(cookies);
  const [profile, streets] = await Promise.all([
    locals.api.resident.me.query({ minPosition }),
    openStreets(locals.api, minPosition),
  ]);
  const asked = url.searchParams.get('street');
  // Unless one is asked for, the street of the resident's first tie: most ties are near home.
  const streetId = asked ?? profile.ties[0]?.streetId ?? null;
  const street = streets.find((s) => s.streetId === streetId);
  const communities = street
    ? await openCommunitiesOf(locals.api, street.streetId, minPosition)
    : [];
  return {
    profile,
    streets,
    streetId: street?.streetId ?? null,
    streetUnknown: asked !== null && !street,
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
