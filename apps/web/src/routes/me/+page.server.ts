import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { declareTieForm, isTieKind } from '$lib/forms/schemas';
import { m } from '$lib/paraglide/messages';
import { blankRequired, incomplete, refusal, success } from '$lib/server/forms';
import { communitiesById, loadOverview } from '$lib/server/places';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

const declareFormId = 'declare-tie';

export const load: PageServerLoad = async ({ locals, cookies, url }) => {
  const [profile, overview] = await Promise.all([
    locals.api.resident.me.query({ minPosition: lastWrite(cookies) }),
    loadOverview(locals.api, cookies),
  ]);
  return {
    profile,
    overview,
    communities: communitiesById(overview),
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
};
