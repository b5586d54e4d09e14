// Workers' erasure requests of the community: the second person confirms one, and anyone here
// (the requester, another worker, the street's officer) can stop one with a reason.
import { m } from '$lib/paraglide/messages';
import { refusePage } from '$lib/server/sign-in';
import { formText, itemBlank, itemRefusal, itemSuccess } from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, cookies, parent }) => {
  const { community, mayConfirmErasures, staff } = await parent();
  if (!mayConfirmErasures) refusePage(m.work_need_role(), staff);
  const { erasures } = await locals.api.resident.pendingErasures.query({
    communityId: community.communityId,
    minPosition: lastWrite(cookies),
  });
  return { erasures };
};

/** The fields every form of the page names. */
function erasureOf(data: FormData) {
  return {
    communityId: formText(data, 'communityId'),
    residentId: formText(data, 'residentId'),
    erasureId: formText(data, 'erasureId'),
  };
}

export const actions: Actions = {
  confirm: async ({ request, locals, cookies }) => {
    const erasure = erasureOf(await request.formData());
    try {
      const result = await locals.api.resident.confirmErasure.mutate(erasure);
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal(erasure.erasureId, error);
    }
    return itemSuccess(erasure.erasureId, m.work_erasure_confirmed());
  },

  stop: async ({ request, locals, cookies }) => {
    const data = await request.formData();
    const erasure = erasureOf(data);
    const reason = formText(data, 'reason');
    if (reason === '') return itemBlank(erasure.erasureId);
    try {
      const result = await locals.api.resident.stopErasure.mutate({ ...erasure, reason });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal(erasure.erasureId, error);
    }
    return itemSuccess('stopped', m.erasures_stopped());
  },
};
