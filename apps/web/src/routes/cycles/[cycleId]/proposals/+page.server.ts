import { error } from '@sveltejs/kit';
import {
  projectCategories,
  proposalStatusText,
  type ProjectCategory,
  type ProposalDisplayStatus,
} from '@gongzhi/domain';
import { m } from '$lib/paraglide/messages';
import { orNotFound } from '$lib/server/cycles';
import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

const isCategory = (value: string | null): value is ProjectCategory =>
  (projectCategories as readonly (string | null)[]).includes(value);
const isStatus = (value: string | null): value is ProposalDisplayStatus =>
  value !== null && Object.hasOwn(proposalStatusText, value);

// Filters are GET parameters, so that the list works, and can be linked to, without JavaScript.
export const load: PageServerLoad = async ({ locals, cookies, params, url }) => {
  const minPosition = lastWrite(cookies);
  const cycle = await orNotFound(
    locals.api.cycle.get.query({ cycleId: params.cycleId, minPosition }),
  );
  if (cycle.status !== 'published') error(404, m.proposal_cycle_not_public());
  const wanted = url.searchParams.get('community');
  const community = cycle.budgets.find((b) => b.communityId === wanted) ?? cycle.budgets[0];
  if (!community) error(404, m.proposal_cycle_not_public());

  const view = url.searchParams.get('view') === 'pool' ? 'pool' : 'all';
  const category = url.searchParams.get('category');
  const status = url.searchParams.get('status');
  const filter = {
    category: isCategory(category) ? category : undefined,
    status: isStatus(status) ? status : undefined,
  };
  const where = { cycleId: cycle.cycleId, communityId: community.communityId, minPosition };
  if (view === 'pool') {
    const { pool } = await locals.api.proposal.pool.query(where);
    return { cycle, community, view, filter, pool, proposals: [], counts: {} };
  }
  const { proposals, counts } = await locals.api.proposal.list.query({ ...where, ...filter });
  return { cycle, community, view, filter, pool: [], proposals, counts };
};
