// Paper ballots (纸质选票), for the community workers of the batch's community: the batches of a
// cycle, opening one, entering it (twice, by two workers, each blind to the other's entry), the
// review of both entries once they are in, resolving it (a third worker) and finishing a count a
// crash cut short. Merged into the ballot router as `ballot.paperBatches`.
import { z } from 'zod';
import {
  choicesSchema,
  DomainError,
  idSchema,
  lineText,
  paperDecisionSchema,
  paperSerialSchema,
  receiptSchema,
  say,
  type LocalizedText,
  type PaperBatchState,
  type PaperReading,
} from '@gongzhi/domain';
import { uuidv7 } from '@gongzhi/eventstore';
import { listPaperBatches, type PaperBatchStatus } from '@gongzhi/projections/ballot';
import { listProjectPool } from '@gongzhi/projections/proposal';
import { readResident } from '@gongzhi/projections/resident';
import { communityStaff } from '../access.ts';
import { readState, writerFor, type Writer } from '../commands.ts';
import type { Context } from '../context.ts';
import { caughtUpTo, minPositionSchema, written } from '../positions.ts';
import { ApiRefusal, procedure, router } from '../trpc.ts';
import {
  countPaperBatch,
  enterPaperBatch,
  openPaperBatch,
  paperBatchRecord,
  resolvePaperBatch,
  reviewBatch,
} from './paper-commands.ts';

/** Community workers of the community the input names. */
const workers = (action: LocalizedText) => communityStaff(['community_worker'], action);

const batchRef = { cycleId: idSchema, communityId: idSchema, batchId: idSchema };

const NO_BALLOT_KEY = say(
  '服务器未配置选票密钥，暂时不能录入纸质选票。',
  'The server has no ballot key configured; paper ballots cannot be entered.',
);

function sealOf(ctx: Context) {
  const seal = ctx.services.ballotSeal;
  if (!seal) {
    throw new ApiRefusal('INTERNAL_SERVER_ERROR', 'no_ballot_key', NO_BALLOT_KEY, ctx.locale);
  }
  return seal;
}

/** A worker's acts on paper ballots are on the paper channel. */
function paperWriter(ctx: Context): Writer {
  const w = writerFor(ctx);
  return { ...w, metadata: { ...w.metadata, channel: 'paper' } };
}

function statusOf(state: Extract<PaperBatchState, { status: 'open' }>): PaperBatchStatus {
  if (state.counted) return 'counted';
  if (state.resolved) return 'counting';
  return (['awaiting_first', 'awaiting_second', 'to_resolve'] as const)[state.entries.length]!;
}

/** The review of a batch, or none once voting has closed (it can no longer be resolved). */
async function reviewWhileVoting(...args: Parameters<typeof reviewBatch>) {
  try {
    return await reviewBatch(...args);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_voting') return undefined;
    throw error;
  }
}

const batchNotFound = say('找不到该纸质选票批次。', 'There is no such paper ballot batch.');

export const paperBatchRouter = router({
  /** The batches of the community in the cycle, newest first, with where each stands. */
  list: procedure(
    workers(say('查看纸质选票批次', 'see the paper ballot batches')),
    z.object({ cycleId: idSchema, communityId: idSchema, minPosition: minPositionSchema }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    const me = ctx.account!.accountId;
    const rows = await listPaperBatches(ctx.services.readModels.db, input);
    return rows.map((row) => ({
      batchId: row.batchId,
      label: row.label,
      status: row.status,
      openedAt: row.openedAt,
      sheets: row.sheets,
      accepted: row.accepted,
      counted: row.counted,
      setAside: row.setAside,
      enteredByMe: row.firstBy === me || row.secondBy === me,
    }));
  }),

  /** Opens a batch (e.g. one ballot box) during voting. */
  open: procedure(
    workers(say('新建纸质选票批次', 'open a paper ballot batch')),
    z.object({
      cycleId: idSchema,
      communityId: idSchema,
      label: lineText({ max: 60 }),
    }),
  ).mutation(async ({ ctx, input }) => {
    const batchId = uuidv7();
    const result = await openPaperBatch(paperWriter(ctx), {
      ...input,
      batchId,
      openedBy: ctx.account!.accountId,
    });
    return { batchId, ...written(result) };
  }),

  /**
   * A batch: where it stands, what the caller may do, and once both entries are in and until it
   * is resolved, the review (every sheet that needs a decision, both readings with their
   * problems). An entry's content is never shown before both are in.
   */
  get: procedure(
    workers(say('查看纸质选票批次', 'see a paper ballot batch')),
    z.object({ ...batchRef, minPosition: minPositionSchema }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    const w = paperWriter(ctx);
    const { state, revision } = await readState(
      w.store,
      paperBatchRecord(input.cycleId, input.batchId),
    );
    if (state.status !== 'open' || state.communityId !== input.communityId) {
      throw new ApiRefusal('NOT_FOUND', 'batch_not_found', batchNotFound, ctx.locale);
    }
    const me = ctx.account!.accountId;
    const status = statusOf(state);
    const enteredByMe = state.entries.some((e) => e.enteredBy === me);
    const review = status === 'to_resolve' ? await reviewWhileVoting(w, sealOf(ctx), state) : [];
    const items = review ?? [];
    const db = ctx.services.readModels.db;
    const names = new Map<string, { name: string | null; phoneMasked: string | null }>();
    for (const item of items.filter((i) => i.needsDecision)) {
      for (const reading of [item.first, item.second]) {
        if (reading && !names.has(reading.voterId)) {
          const row = await readResident(db, reading.voterId);
          names.set(reading.voterId, {
            name: row?.name ?? null,
            phoneMasked: row?.phoneMasked ?? null,
          });
        }
      }
    }
    const view = (reading: PaperReading | undefined) =>
      reading && {
        voterId: reading.voterId,
        voter: names.get(reading.voterId) ?? { name: null, phoneMasked: null },
        receipt: reading.receipt ?? null,
        choices: reading.choices,
        problems: reading.problems,
      };
    const pool = await listProjectPool(db, input);
    return {
      batchId: state.batchId,
      label: state.label,
      status,
      revision: String(revision ?? 0n),
      entries: state.entries.map((e, i) => ({
        entry: i + 1,
        byMe: e.enteredBy === me,
        sheets: e.sheets.length,
      })),
      mayEnter: state.entries.length < 2 && !enteredByMe && !state.resolved,
      mayResolve: review !== undefined && status === 'to_resolve' && !enteredByMe,
      agreed: items.filter((i) => !i.needsDecision).length,
      toDecide: items
        .filter((i) => i.needsDecision)
        .map((i) => ({
          serial: i.serial,
          mismatch: i.mismatch ?? null,
          first: view(i.first) ?? null,
          second: view(i.second) ?? null,
        })),
      resolved: state.resolved
        ? {
            accepted: state.resolved.accepted.length,
            decisions: state.resolved.decisions,
            byMe: state.resolved.resolvedBy === me,
          }
        : null,
      counted: state.counted
        ? { counted: state.counted.counted, setAside: state.counted.setAside }
        : null,
      pool: pool.map((p) => ({ proposalId: p.proposalId, title: p.title })),
    };
  }),

  /**
   * One worker's entry of the whole batch: every sheet with its serial number, its voter (a
   * resident found by the worker search), the choices marked on it and the receipt code printed
   * on it (sheets printed without one get a generated receipt, which nobody is shown). The second entry must
   * come from another worker; when it agrees with the first and nothing is wrong, the batch
   * counts at once.
   */
  enter: procedure(
    workers(say('录入纸质选票', 'enter paper ballots')),
    z.object({
      ...batchRef,
      sheets: z
        .array(
          z.object({
            serial: paperSerialSchema,
            voterId: idSchema,
            choices: choicesSchema,
            receipt: receiptSchema.optional(),
          }),
        )
        .min(1)
        .max(500),
    }),
  ).mutation(async ({ ctx, input }) => {
    const result = await enterPaperBatch(paperWriter(ctx), sealOf(ctx), {
      ...input,
      enteredBy: ctx.account!.accountId,
    });
    return written(result);
  }),

  /**
   * A third worker (who entered neither) settles every sheet the review lists: the right reading,
   * or rejecting the sheet with a reason. The batch then counts.
   */
  resolve: procedure(
    workers(say('核定纸质选票批次', 'resolve a paper ballot batch')),
    z.object({ ...batchRef, decisions: z.array(paperDecisionSchema).max(1_000) }),
  ).mutation(async ({ ctx, input }) => {
    const result = await resolvePaperBatch(paperWriter(ctx), sealOf(ctx), {
      ...input,
      resolvedBy: ctx.account!.accountId,
    });
    return written(result);
  }),

  /** Finishes counting a resolved batch (after a crash); nothing new once it is counted. */
  count: procedure(
    workers(say('计入纸质选票批次', 'count a paper ballot batch')),
    z.object(batchRef),
  ).mutation(async ({ ctx, input }) =>
    written(await countPaperBatch(paperWriter(ctx), sealOf(ctx), input)),
  ),
});
