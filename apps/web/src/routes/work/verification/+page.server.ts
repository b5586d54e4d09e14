import { m } from '$lib/paraglide/messages';
import { itemBlank, itemRefusal, itemSuccess } from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, cookies, parent }) => {
  const { community } = await parent();
  const { ties } = await locals.api.resident.verificationQueue.query({
    communityId: community.communityId,
    minPosition: lastWrite(cookies),
  });
  return { queue: ties };
};

/** The fields every decision names; the community is the one the page is about. */
async function decision(request: Request, text: 'note' | 'reason') {
  const data = await request.formData();
  const field = (name: string) => String(data.get(name) ?? '');
  return {
    communityId: field('communityId'),
    residentId: field('residentId'),
    tieId: field('tieId'),
    text: field(text).trim(),
    name: field('name'),
  };
}

export const actions: Actions = {
  verify: async ({ request, locals, cookies }) => {
    const { text, name, ...tie } = await decision(request, 'note');
    if (text === '') return itemBlank(tie.tieId);
    try {
      const result = await locals.api.resident.verifyTie.mutate({ ...tie, note: text });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal(tie.tieId, error);
    }
    return itemSuccess('decided', m.work_tie_verified({ name }));
  },

  reject: async ({ request, locals, cookies }) => {
    const { text, name, ...tie } = await decision(request, 'reason');
    if (text === '') return itemBlank(tie.tieId);
    try {
      const result = await locals.api.resident.rejectTie.mutate({ ...tie, reason: text });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal(tie.tieId, error);
    }
    return itemSuccess('decided', m.work_tie_rejected({ name }));
  },
};
