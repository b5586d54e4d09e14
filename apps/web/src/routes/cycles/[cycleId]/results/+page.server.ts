import { orNotFound } from '$lib/server/cycles';
import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

// The recorded count of every community of the cycle beside the recount of its bulletin.
export const load: PageServerLoad = async ({ locals, cookies, params }) => {
  const minPosition = lastWrite(cookies);
  const cycle = await orNotFound(
    locals.api.cycle.get.query({ cycleId: params.cycleId, minPosition }),
  );
  const communities = await Promise.all(
    cycle.budgets.map(async (community) => {
      const place = { cycleId: cycle.cycleId, communityId: community.communityId };
      const [paper, result] = await Promise.all([
        locals.api.ballot.paper.query(place),
        locals.api.ballot.result.query({ ...place, minPosition }),
      ]);
      const titles = Object.fromEntries(paper.projects.map((p) => [p.proposalId, p.title]));
      return { community, titles, result };
    }),
  );
  return { cycle, communities };
};
