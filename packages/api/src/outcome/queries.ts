// What the outcome procedures read: the public notice of a cycle's selection, per community.
import { noticePeriod } from '@gongzhi/domain';
import { readTally } from '@gongzhi/projections/ballot';
import { listCommunities } from '@gongzhi/projections/organisation';
import { listObjections } from '@gongzhi/projections/outcome';
import { listProjectPool } from '@gongzhi/projections/proposal';
import { today as todayOf, type Context } from '../context.ts';
import { publishedCycle } from '../cycle/commands.ts';

/**
 * The notice of a cycle's selection: its dates (and whether objections are taken today), and
 * per community the last count (votes, winners, budget used), the pool with what upheld
 * objections took out, and every objection with its answer, oldest first. `mine` marks the
 * caller's own objections; who filed the others is not shown.
 */
export async function readNotice(ctx: Context, cycleId: string) {
  const cycle = await publishedCycle(ctx.services.store, cycleId);
  const db = ctx.services.readModels.db;
  const period = noticePeriod(cycle);
  const today = todayOf(ctx);
  const names = new Map((await listCommunities(db, cycle.streetId)).map((c) => [c.communityId, c]));
  const objections = await listObjections(db, { cycleId: cycle.cycleId });
  const me = ctx.account?.accountId;
  const communities = await Promise.all(
    cycle.definition.communities.map(async ({ communityId, budget }) => {
      const place = { cycleId: cycle.cycleId, communityId };
      const [pool, tally] = await Promise.all([listProjectPool(db, place), readTally(db, place)]);
      const ofCommunity = objections.filter((o) => o.communityId === communityId);
      const excluded = new Set(
        ofCommunity.flatMap((o) =>
          o.answer?.consequence?.kind === 'project_excluded'
            ? [o.answer.consequence.proposalId]
            : [],
        ),
      );
      const winners = new Set(tally?.tally.winners ?? []);
      const votes = new Map(tally?.tally.projects.map((p) => [p.proposalId, p.votes]));
      const titles = new Map(pool.map((p) => [p.proposalId, p.title]));
      return {
        communityId,
        name: names.get(communityId)?.name ?? communityId,
        nameEn: names.get(communityId)?.nameEn ?? null,
        budget,
        tally: tally && {
          ballotCount: tally.tally.ballotCount,
          budgetUsed: tally.tally.budgetUsed,
          talliedAt: tally.talliedAt,
          tallies: tally.revision + 1,
        },
        projects: pool.map((p) => ({
          proposalId: p.proposalId,
          title: p.title,
          cost: p.cost,
          votes: votes.get(p.proposalId) ?? null,
          selected: winners.has(p.proposalId),
          excluded: excluded.has(p.proposalId),
        })),
        objections: ofCommunity.map(({ filedBy, ...o }) => ({
          ...o,
          projectTitle: o.proposalId === null ? null : (titles.get(o.proposalId) ?? null),
          mine: me !== undefined && filedBy === me,
        })),
      };
    }),
  );
  return {
    cycleId: cycle.cycleId,
    streetId: cycle.streetId,
    title: cycle.definition.title,
    titleEn: cycle.definition.titleEn ?? null,
    phase: cycle.phase,
    period: {
      ...period,
      days: cycle.definition.publicityDays,
      begun: cycle.publicityBegan !== undefined,
    },
    today,
    /** Objections are taken today. */
    open: cycle.phase === 'publicity' && today >= period.from && today <= period.until,
    unanswered: objections.filter((o) => o.status === 'filed').length,
    communities,
  };
}
