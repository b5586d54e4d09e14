import { fail } from '@sveltejs/kit';
import { isApiError } from '@gongzhi/api/client';
import { m } from '$lib/paraglide/messages';
import { orNotFound } from '$lib/server/micro';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

// One batch: where it stands, what the worker may do next (enter it, resolve it, finish its
// count), and how it was resolved and counted.
export const load: PageServerLoad = async ({ locals, cookies, params, parent, url }) => {
  const { community } = await parent();
  const batch = await orNotFound(
    locals.api.ballot.paperBatches.get.query({
      cycleId: params.cycleId,
      communityId: community.communityId,
      batchId: params.batchId,
      minPosition: lastWrite(cookies),
    }),
  );
  const notice = url.searchParams.has('resolved')
    ? m.paper_resolved()
    : url.searchParams.has('saved')
      ? m.paper_saved()
      : null;
  return { batch, cycleId: params.cycleId, notice };
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
      const status = cause.data?.httpStatus ?? 500;
      return fail(status >= 400 && status < 600 ? status : 500, {
        text: cause.message,
        kind: status === 409 ? ('conflict' as const) : ('error' as const),
      });
    }
    return { text: m.paper_resolved(), kind: 'success' as const };
  },
};
