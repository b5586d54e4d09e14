import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { orNotFound } from '$lib/server/cycles';
import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

// The public implementation board of a cycle: each project with its stage and its physical and
// financial progress; `?community=` filters (a GET form, so it works without JavaScript).
export const load: PageServerLoad = async ({ locals, cookies, params, url }) => {
  const minPosition = lastWrite(cookies);
  const cycle = await orNotFound(
    locals.api.cycle.get.query({ cycleId: params.cycleId, minPosition }),
  );
  if (cycle.status !== 'published') error(404, m.proposal_cycle_not_public());
  const wanted = url.searchParams.get('community');
  const community = cycle.budgets.find((b) => b.communityId === wanted);
  const { projects } = await locals.api.project.board.query({
    cycleId: cycle.cycleId,
    communityId: community?.communityId,
    minPosition,
  });
  return { cycle, community: community ?? null, projects };
};
