import { mayScreen } from '$lib/permissions';
import { orNotFound } from '$lib/server/cycles';
import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

// The community's proposals awaiting a screening act, oldest first, with their authors (for the
// worker only) and how they came in.
export const load: PageServerLoad = async ({ locals, cookies, parent }) => {
  const { community, staff } = await parent();
  const { proposals } = await orNotFound(
    locals.api.proposal.intakeQueue.query({
      communityId: community.communityId,
      minPosition: lastWrite(cookies),
    }),
  );
  return { queue: proposals, mayScreen: mayScreen(staff.grants, community) };
};
