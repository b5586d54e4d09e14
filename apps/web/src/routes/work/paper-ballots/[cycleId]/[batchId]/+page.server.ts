import { isApiError } from '@gongzhi/api/client';
import { m } from '$lib/paraglide/messages';
import { paperRefusal } from '$lib/server/paper';
import { rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

// One batch (loaded by the layout): where it stands, what the worker may do next (enter it,
// resolve it, finish its count), and how it was resolved and counted.
export const load: PageServerLoad = ({ url }) => {
  const notice = url.searchParams.has('resolved')
    ? m.paper_resolved()
    : url.searchParams.has('saved')
      ? m.paper_saved()
      : null;
  return { notice };
};

export const actions: Actions = {
  count: async ({ locals, cookies, params, url }) => {
    try {
      const result = await locals.api.ballot.paperBatches.count.mutate({
        cycleId: params.cycleId,
        communityId: url.searchParams.get('community') ?? '',
        batchId: params.batchId,
      });
      rememberWrite(cookies, result.position);
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      return paperRefusal(cause, { text: cause.message });
    }
    return { text: m.paper_resolved(), kind: 'success' as const };
  },
};
