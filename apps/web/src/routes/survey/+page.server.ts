import { openCyclesOf } from '$lib/server/cycles';
import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

// Proposals out for a site survey in the communities the person surveys for.
export const load: PageServerLoad = async ({ locals, cookies, parent }) => {
  const { communities } = await parent();
  const minPosition = lastWrite(cookies);
  const perCommunity = await Promise.all(
    communities.map(async (community) => {
      const cycles = await openCyclesOf(locals.api, community, minPosition);
      const lists = await Promise.all(
        cycles.map((cycle) =>
          locals.api.proposal.list.query({
            cycleId: cycle.cycleId,
            communityId: community.communityId,
            status: 'survey',
            minPosition,
          }),
        ),
      );
      return { community, proposals: lists.flatMap((list) => list.proposals) };
    }),
  );
  return { perCommunity };
};
