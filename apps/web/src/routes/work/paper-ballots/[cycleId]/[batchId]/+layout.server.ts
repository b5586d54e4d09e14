import { orNotFound } from '$lib/server/cycles';
import { lastWrite } from '$lib/server/read-your-writes';
import type { LayoutServerLoad } from './$types';

// The batch every page of it (where it stands, entering, resolving) shows, as the worker's last
// write left it.
export const load: LayoutServerLoad = async ({ locals, cookies, params, parent }) => {
  const { community } = await parent();
  const batch = await orNotFound(
    locals.api.ballot.paperBatches.get.query({
      cycleId: params.cycleId,
      communityId: community.communityId,
      batchId: params.batchId,
      minPosition: lastWrite(cookies),
    }),
  );
  return { batch, cycleId: params.cycleId };
};
