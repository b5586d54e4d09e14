// What the ballot router answers from the read models: the ballot paper a voter chooses from, the
// bulletin as a file, and a community's result beside a recount of its bulletin. What of the
// bulletin the public may see is bulletin.ts.
import { refuse } from '@gongzhi/domain';
import { readTally } from '@gongzhi/projections/ballot';
import { readCycle } from '@gongzhi/projections/cycle';
import { listProjectPool } from '@gongzhi/projections/proposal';
import type { Context } from '../context.ts';
import { publishedCycle } from '../cycle/commands.ts';
import { bulletinMinimumOf, disclosureOf, requireFilesAllowed } from './bulletin.ts';
import { countInput } from './commands.ts';
import { bulletinCsv, bulletinPb, recountPb } from './count.ts';

type Place = { cycleId: string; communityId: string };

/** The ballot paper: the rule, the budget (fen) and the pool, from the read models. */
export async function ballotPaper(ctx: Context, place: Place) {
  const cycle = await readCycle(ctx.services.readModels.db, place.cycleId);
  const budget = cycle?.budgets.find((c) => c.communityId === place.communityId)?.budget;
  if (!cycle || cycle.status !== 'published' || budget === undefined) {
    return refuse(
      'not_found',
      'ballot_paper_not_found',
      '找不到该社区在本项目周期的选票。',
      'There is no ballot for this community in this cycle.',
    );
  }
  return {
    phase: cycle.phase,
    rule: cycle.rules.ballot,
    budget,
    projects: await listProjectPool(ctx.services.readModels.db, place),
  };
}

/** The cycle and what counting the community reads (its pool and bulletin). */
async function bulletinInput(ctx: Context, { cycleId, communityId }: Place) {
  const cycle = await publishedCycle(ctx.services.store, cycleId);
  const input = await countInput(ctx.services.readModels.db, cycle, communityId);
  if (!input) {
    return refuse(
      'not_found',
      'community_not_in_cycle',
      `社区（编号 ${communityId}）不在本项目周期内。`,
      `The community ${communityId} is not part of this cycle.`,
    );
  }
  return { cycle, input };
}

/** The bulletin as a CSV or pabulib .pb file, to whom requireFilesAllowed lets have it. */
export async function bulletinFile(ctx: Context, query: Place & { format: 'csv' | 'pb' }) {
  const { cycle, input: count } = await bulletinInput(ctx, query);
  requireFilesAllowed(ctx, cycle, count.bulletin.length);
  const name = `ballots-${query.cycleId}-${query.communityId}`;
  return query.format === 'csv'
    ? { filename: `${name}.csv`, contentType: 'text/csv; charset=utf-8', text: bulletinCsv(count) }
    : { filename: `${name}.pb`, contentType: 'text/plain; charset=utf-8', text: bulletinPb(count) };
}

/** The recorded count of a community beside a recount of its bulletin as published now. */
export async function ballotResult(ctx: Context, place: Place) {
  const recorded = await readTally(ctx.services.readModels.db, place);
  if (!recorded) return null;
  const { cycle, input: count } = await bulletinInput(ctx, place);
  const recount = recountPb(bulletinPb(count));
  const { tally } = recorded;
  return {
    ...recorded,
    disclosure: disclosureOf(cycle, count.bulletin.length),
    bulletinMinimum: bulletinMinimumOf(cycle),
    recount: {
      ...recount,
      matches:
        recount.inputDigest === tally.inputDigest &&
        recount.winners.join(' ') === tally.winners.join(' '),
    },
  };
}
