import { receiptSchema } from '@gongzhi/domain';
import { orNotFound } from '$lib/server/cycles';
import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

// The public bulletin of a community, a receipt search (GET), and the files to recount from. What
// it shows depends on the API's disclosure: during voting the number of ballots, once voting has
// closed every ballot by receipt, or the votes per project in a community with too few ballots.
export const load: PageServerLoad = async ({ locals, cookies, url }) => {
  const minPosition = lastWrite(cookies);
  const cycleId = url.searchParams.get('cycleId') ?? '';
  const cycle = await orNotFound(locals.api.cycle.get.query({ cycleId, minPosition }));
  const community =
    cycle.budgets.find((b) => b.communityId === url.searchParams.get('communityId')) ??
    cycle.budgets[0];
  if (!community) return { cycle, community: undefined };
  const place = { cycleId: cycle.cycleId, communityId: community.communityId };
  const [paper, bulletin] = await Promise.all([
    locals.api.ballot.paper.query(place),
    locals.api.ballot.bulletin.query({ ...place, minPosition }),
  ]);
  const typed = url.searchParams.get('receipt')?.trim() ?? '';
  const receipt = receiptSchema.safeParse(typed);
  const search =
    typed === ''
      ? undefined
      : receipt.success
        ? {
            receipt: receipt.data,
            found: await locals.api.ballot.findReceipt.query({
              cycleId: cycle.cycleId,
              receipt: receipt.data,
              minPosition,
            }),
          }
        : { receipt: typed, malformed: true as const };
  const titles = Object.fromEntries(paper.projects.map((p) => [p.proposalId, p.title]));
  return { cycle, community, bulletin, titles, search };
};
