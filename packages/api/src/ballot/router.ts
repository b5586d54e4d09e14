// Ballots (项目共决). Public: the ballot paper of a community (rule, budget, pool), the bulletin
// (every counted ballot by receipt, never a voter) as rows or as a CSV / pabulib .pb file, a
// receipt look-up, and the result with its recount; during voting the bulletin is the number of
// ballots only, and a community with too few ballots gets totals only (bulletin.ts). A resident, or their proxy, casts and changes
// the ballot and gets a receipt code, shown once. Street officers of the cycle's street (and city
// administrators) count the ballots once voting has closed.
import { z } from 'zod';
import { choicesSchema, idSchema, receiptSchema, say } from '@gongzhi/domain';
import { listUncountedPaperBatches, readVoter } from '@gongzhi/projections/ballot';
import { cycleStaff } from '../access.ts';
import { writerActing, writerFor } from '../commands.ts';
import { caughtUpTo, minPositionSchema, written } from '../positions.ts';
import { actingAsResident } from '../resident/acting.ts';
import { ApiRefusal, procedure, REQUEST_COST_LIMIT, router } from '../trpc.ts';
import { castBallot, tallyCycle } from './commands.ts';
import { ballotOfReceipt, publicBulletin } from './bulletin.ts';
import { paperBatchRouter } from './paper.ts';
import { ballotPaper, ballotResult, bulletinFile } from './queries.ts';

const place = { cycleId: idSchema, communityId: idSchema };

/** The cost of a public call that reads every ballot of a community (a recount costs more). */
const READS_EVERY_BALLOT = { cost: REQUEST_COST_LIMIT / 2 };

const NO_BALLOT_KEY = say(
  '服务器未配置选票密钥，暂时不能投票。',
  'The server has no ballot key configured; ballots cannot be taken.',
);

export const ballotRouter = router({
  /** Paper ballots entered by community workers (paper.ts). */
  paperBatches: paperBatchRouter,

  /** What a voter of the community chooses from: the rule, the budget (fen) and the pool. */
  paper: procedure('public', z.object(place)).query(({ ctx, input }) => ballotPaper(ctx, input)),

  /**
   * Casts the ballot of the signed-in resident (or of `forResidentId`, through a proxy); a later
   * one replaces it until voting closes. The receipt is in this answer only.
   */
  cast: procedure(
    'signed_in',
    z.object({ ...place, choices: choicesSchema, forResidentId: idSchema.optional() }),
  ).mutation(async ({ ctx, input }) => {
    const seal = ctx.services.ballotSeal;
    if (!seal)
      throw new ApiRefusal('INTERNAL_SERVER_ERROR', 'no_ballot_key', NO_BALLOT_KEY, ctx.locale);
    const acting = await actingAsResident(ctx, input.forResidentId, 'vote', input);
    const { result, receipt } = await castBallot(writerActing(ctx, acting), seal, {
      cycleId: input.cycleId,
      communityId: input.communityId,
      voterId: acting.residentId,
      choices: input.choices,
    });
    return {
      receipt,
      changed: result.events[0]?.type === 'BallotChanged',
      ...written(result),
    };
  }),

  /** Whether the signed-in resident has voted in the cycle, where and when; never how. */
  mine: procedure(
    'resident',
    z.object({ cycleId: idSchema, minPosition: minPositionSchema }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    const voter = await readVoter(ctx.services.readModels.db, {
      cycleId: input.cycleId,
      voterId: ctx.account!.accountId,
    });
    return voter ?? null;
  }),

  /**
   * Once voting has closed, the counted ballot a receipt stands for, or null (never cast, or
   * replaced by a change); during voting `published` is false and the receipt is not looked up.
   */
  findReceipt: procedure(
    'public',
    z.object({ cycleId: idSchema, receipt: receiptSchema, minPosition: minPositionSchema }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    return ballotOfReceipt(ctx, input);
  }),

  /**
   * The community's bulletin: during voting the number of ballots; once voting has closed every
   * counted ballot by receipt, or the votes per project below the cycle's minimum of ballots.
   */
  bulletin: procedure(
    'public',
    z.object({ ...place, minPosition: minPositionSchema }),
    READS_EVERY_BALLOT,
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    return publicBulletin(ctx, input);
  }),

  /**
   * The bulletin as a file: CSV (receipt,choices) or pabulib .pb (whose SHA-256 is the digest).
   * Once voting has closed; below the minimum of ballots, to the cycle's officers only.
   */
  bulletinFile: procedure(
    'public',
    z.object({ ...place, format: z.enum(['csv', 'pb']) }),
    READS_EVERY_BALLOT,
  ).query(({ ctx, input }) => bulletinFile(ctx, input)),

  /**
   * Counts every community of the cycle again once voting has closed (closing the vote already
   * counts it), and records each count that differs from the last (nothing new when the bulletin
   * is unchanged). Waits until the read models hold every ballot written.
   */
  tally: procedure(
    cycleStaff(say('计票', 'count the ballots')),
    z.object({ cycleId: idSchema }),
  ).mutation(async ({ ctx, input }) => {
    const results = await tallyCycle(writerFor(ctx), input.cycleId);
    const last = results.at(-1);
    return {
      communities: results.map(({ data, result }) => ({
        communityId: data.communityId,
        ballotCount: data.ballotCount,
        winners: data.winners,
        budgetUsed: data.budgetUsed,
        inputDigest: data.inputDigest,
        recorded: result.events.length > 0,
      })),
      position: String(last?.result.position ?? 0n),
    };
  }),

  /**
   * The cycle's paper batches resolved but not fully counted, for its street officers: the vote
   * does not close while there are any (workflows/advance-cycle-phase.ts), and each is finished
   * on its batch page by the community's workers.
   */
  uncountedPaperBatches: procedure(
    cycleStaff(say('查看尚未计入完毕的纸质选票批次', 'see the paper batches not fully counted')),
    z.object({ cycleId: idSchema, minPosition: minPositionSchema }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    const rows = await listUncountedPaperBatches(ctx.services.readModels.db, input.cycleId);
    return {
      batches: rows.map(({ batchId, communityId, label }) => ({ batchId, communityId, label })),
    };
  }),

  /**
   * The recorded count of a community (votes per project, winners, for MES why each project won
   * or lost) beside a recount of the bulletin as published now: equal digests and winners mean
   * the published tally is the count of the published ballots. `disclosure` says whether the
   * bulletin shows every ballot or, below `bulletinMinimum` ballots, the totals only.
   */
  result: procedure('public', z.object({ ...place, minPosition: minPositionSchema }), {
    cost: REQUEST_COST_LIMIT,
  }).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    return ballotResult(ctx, input);
  }),
});
