import { orNotFound } from '$lib/server/cycles';
import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

// The community's pool proposals the vote did not select, those still owed feedback first.
export const load: PageServerLoad = async ({ locals, cookies, parent }) => {
  const { community } = await parent();
  const { proposals, counts } = await orNotFound(
    locals.api.feedback.queue.query({
      communityId: community.communityId,
      minPosition: lastWrite(cookies),
    }),
  );
  return { proposals, counts };
};
