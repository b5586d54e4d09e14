// What the cycle router answers from the read models beyond a list: one cycle as the caller may
// see it, with its communities' names.
import { hasGrant } from '@gongzhi/auth';
import { readCycle, type CycleView } from '@gongzhi/projections/cycle';
import { listCommunities } from '@gongzhi/projections/organisation';
import { cycleNotFound, STREET_ROLES } from '../access.ts';
import type { Context } from '../context.ts';

/** Drafts are seen by the staff who may change them; everyone else sees published cycles only. */
const maySeeDraft = (ctx: Context, streetId: string) =>
  hasGrant(ctx.account?.grants ?? [], STREET_ROLES, { type: 'street', streetId });

/** A cycle with the names of its communities, for pages. */
async function withCommunityNames(ctx: Context, cycle: CycleView) {
  const communities = new Map(
    (await listCommunities(ctx.services.readModels.db, cycle.streetId)).map((c) => [
      c.communityId,
      c,
    ]),
  );
  return {
    ...cycle,
    budgets: cycle.budgets.map((b) => ({
      ...b,
      name: communities.get(b.communityId)?.name ?? b.communityId,
      nameEn: communities.get(b.communityId)?.nameEn ?? null,
    })),
  };
}

/** The cycle with its communities' names; a draft only for its street's officers (else 404). */
export async function readVisibleCycle(ctx: Context, cycleId: string) {
  const cycle = await readCycle(ctx.services.readModels.db, cycleId);
  if (!cycle || (cycle.status === 'draft' && !maySeeDraft(ctx, cycle.streetId))) {
    return cycleNotFound(cycleId);
  }
  return withCommunityNames(ctx, cycle);
}
