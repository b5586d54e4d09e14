// Paper ballot commands as the API runs them. Entries are sealed sheet by sheet (the choices and
// the receipt; the serial and voter stay readable) on the batch stream. Reviewing a batch opens
// both entries and gathers what the domain checks read: each voter's eligibility (as for an online
// ballot), whether the voter has a ballot already (their ballot stream, or another resolved
// batch), whether a serial is used by another batch (its claim stream, or another resolved batch),
// whether a receipt is used (on the bulletin, or claimed by another batch), and the pool.
//
// Counting a resolved batch claims each accepted sheet's serial and receipt, then appends its
// ballot to the voter's stream, each with no_stream and idempotent for the same batch and serial,
// then records the count. A count cut short (a crash) is finished by counting again: what was
// written is found and not written twice. A race lost since the resolution (the voter cast
// online, another batch took the serial or the receipt) sets that sheet aside, said in the count. Resolving and counting happen while
// no vote is being closed (whileCasting), like an online ballot; the vote does not close while a
// resolved batch is not fully counted (uncountedPaperBatches), since counting needs voting open.
import {
  ballotStreams,
  DomainError,
  paperBallotDecider,
  paperBatchDecider,
  paperReceiptDecider,
  paperSerialDecider,
  requirePaperVoting,
  reviewPaperBatch,
  type BallotEvent,
  type BallotEventData,
  type EligibilitySubject,
  type LocalizedText,
  type OpenedSheet,
  type PaperBatchState,
  type PaperDecision,
  type PaperReviewItem,
} from '@gongzhi/domain';
import {
  findReceipt,
  listUncountedPaperBatches,
  newReceipt,
  paperUsedElsewhere,
  type BallotSeal,
} from '@gongzhi/projections/ballot';
import { listProjectPool } from '@gongzhi/projections/proposal';
import { executeCommand, readState, type CommandResult, type Writer } from '../commands.ts';
import { cycleRecord } from '../cycle/commands.ts';
import { caughtUpToHead } from '../positions.ts';
import { ballotCodec, voterOf, whileCasting } from './commands.ts';

type OpenBatch = Extract<PaperBatchState, { status: 'open' }>;

const batchSubject = (state: PaperBatchState): LocalizedText =>
  state.status === 'open'
    ? { 'zh-CN': `纸质选票批次「${state.label}」`, en: `The paper ballot batch “${state.label}”` }
    : { 'zh-CN': '纸质选票批次', en: 'The paper ballot batch' };

const batchNotFound = (batchId: string) =>
  new DomainError('not_found', 'batch_not_found', {
    'zh-CN': `找不到纸质选票批次（编号 ${batchId}）。`,
    en: `There is no paper ballot batch with id ${batchId}.`,
  });

/** A paper batch's stream, `paper-batch-<cycleId>-<batchId>`. */
export const paperBatchRecord = (cycleId: string, batchId: string) => ({
  stream: ballotStreams.paperBatch(cycleId, batchId),
  decider: paperBatchDecider,
  codec: ballotCodec,
});

/** The batch if it is of `communityId`; a batch of another community is not found. */
function inCommunity(state: PaperBatchState, communityId: string, batchId: string): OpenBatch {
  if (state.status !== 'open' || state.communityId !== communityId) throw batchNotFound(batchId);
  return state;
}

export async function openPaperBatch(w: Writer, data: BallotEventData<'PaperBatchOpened'>) {
  const { state: cycle } = await readState(w.store, cycleRecord(data.cycleId));
  return executeCommand(w.store, {
    ...paperBatchRecord(data.cycleId, data.batchId),
    command: () => ({ type: 'OpenPaperBatch' as const, data, cycle }),
    subject: batchSubject,
    metadata: w.metadata,
  });
}

export interface EnterData {
  cycleId: string;
  communityId: string;
  batchId: string;
  enteredBy: string;
  sheets: readonly OpenedSheet[];
}

/**
 * Records one worker's entry of the batch. After the second, a batch whose entries agree and
 * have no problems counts at once; otherwise (or when the read models are too far behind to
 * check it now) it waits for a third worker.
 */
export async function enterPaperBatch(w: Writer, seal: BallotSeal, data: EnterData) {
  const { cycleId, communityId, batchId, enteredBy } = data;
  const { state: cycle } = await readState(w.store, cycleRecord(cycleId));
  const place = { cycleId, communityId };
  const sheets = data.sheets.map((s) => ({
    serial: s.serial,
    voterId: s.voterId,
    choices: seal.sealEntry(place, {
      choices: s.choices,
      ...(s.receipt !== undefined && { receipt: s.receipt }),
    }),
  }));
  const result = await executeCommand(w.store, {
    ...paperBatchRecord(cycleId, batchId),
    command: (state) => {
      inCommunity(state, communityId, batchId);
      return {
        type: 'EnterPaperBatch' as const,
        data: { cycleId, batchId, enteredBy, sheets },
        cycle,
      };
    },
    subject: batchSubject,
    metadata: w.metadata,
  });
  if (result.events[0]?.type === 'PaperBatchEntered' && result.events[0].data.entry === 2) {
    try {
      return await resolvePaperBatch(w, seal, { cycleId, communityId, batchId, decisions: [] });
    } catch (error) {
      const waits = ['mismatches_to_resolve', 'read_models_behind'];
      if (!(error instanceof DomainError) || !waits.includes(error.code)) throw error;
    }
  }
  return result;
}

/**
 * Both entries of a batch compared and checked now, its choices opened. Some checks read the read
 * models (a receipt cast online is only on the bulletin): they are read once the read models hold
 * every event written before, or a ballot cast a moment ago would go unnoticed.
 */
export async function reviewBatch(
  w: Writer,
  seal: BallotSeal,
  state: OpenBatch,
): Promise<PaperReviewItem[]> {
  const [first, second] = state.entries;
  if (!first || !second) return [];
  const { cycleId, communityId, batchId } = state;
  const cycle = requirePaperVoting((await readState(w.store, cycleRecord(cycleId))).state, cycleId);
  await caughtUpToHead(w);
  const place = { cycleId, communityId };
  const open = (sheets: typeof first.sheets): OpenedSheet[] =>
    sheets.map((s) => ({
      serial: s.serial,
      voterId: s.voterId,
      ...seal.openEntry(place, s.choices),
    }));
  const [a, b] = [open(first.sheets), open(second.sheets)];
  const voterIds = [...new Set([...a, ...b].map((s) => s.voterId))];
  const serials = [...new Set([...a, ...b].map((s) => s.serial))];
  const receipts = [...new Set([...a, ...b].flatMap((s) => (s.receipt ? [s.receipt] : [])))];
  const db = w.readModels.db;
  const [elsewhere, pool, voters, ballots, claims, onBulletin, receiptClaims] = await Promise.all([
    paperUsedElsewhere(db, { cycleId, batchId, serials, voterIds }),
    listProjectPool(db, place),
    Promise.all(voterIds.map((id) => voterOf(w, id, cycle, communityId))),
    Promise.all(
      voterIds.map((id) =>
        w.store.readStream(ballotStreams.ballot(cycleId, id), {
          direction: 'backwards',
          maxCount: 1,
        }),
      ),
    ),
    Promise.all(
      serials.map((serial) =>
        w.store.readStream(ballotStreams.paperSerial(cycleId, serial), { maxCount: 1 }),
      ),
    ),
    Promise.all(receipts.map((receipt) => findReceipt(db, { cycleId, receipt }))),
    Promise.all(
      receipts.map((receipt) =>
        w.store.readStream(ballotStreams.paperReceipt(cycleId, seal.receiptKey(cycleId, receipt)), {
          maxCount: 1,
        }),
      ),
    ),
  ]);
  const voted = new Map<string, 'online' | 'paper'>();
  voterIds.forEach((id, i) => {
    const last = ballots[i]![0];
    if (last) voted.set(id, last.type === 'PaperBallotCounted' ? 'paper' : 'online');
    else if (elsewhere.voterIds.has(id)) voted.set(id, 'paper');
  });
  const serialsTaken = new Set(elsewhere.serials);
  serials.forEach((serial, i) => {
    const claim = claims[i]![0];
    const event = claim && ballotCodec.read(claim);
    if (event?.type === 'PaperSerialClaimed' && event.data.batchId !== batchId) {
      serialsTaken.add(serial);
    }
  });
  // Reviewed before it is resolved, the batch has claimed no receipt yet: any claim is another's.
  const receiptsTaken = new Set(receipts.filter((_, i) => receiptClaims[i]![0] || onBulletin[i]));
  return reviewPaperBatch(a, b, {
    cycle,
    communityId,
    pool: pool.map((p) => ({ proposalId: p.proposalId, cost: p.cost })),
    voters: new Map<string, EligibilitySubject | { status: 'none' }>(
      voterIds.map((id, i) => [id, voters[i]!]),
    ),
    voted,
    serialsTaken,
    receiptsTaken,
  });
}

export interface ResolveData {
  cycleId: string;
  communityId: string;
  batchId: string;
  /** The third worker; absent when the entries agree and nothing needs deciding. */
  resolvedBy?: string;
  decisions: PaperDecision[];
}

/** Resolves the batch on a fresh review, then counts it. */
export async function resolvePaperBatch(
  w: Writer,
  seal: BallotSeal,
  data: ResolveData,
): Promise<CommandResult<BallotEvent>> {
  const { cycleId, communityId, batchId } = data;
  const place = { cycleId, communityId };
  return whileCasting(w, cycleId, async () => {
    await executeCommand(w.store, {
      ...paperBatchRecord(cycleId, batchId),
      command: async (state) => {
        const batch = inCommunity(state, communityId, batchId);
        return {
          type: 'ResolvePaperBatch' as const,
          data: {
            cycleId,
            batchId,
            ...(data.resolvedBy !== undefined && { resolvedBy: data.resolvedBy }),
            decisions: data.decisions,
          },
          cycle: (await readState(w.store, cycleRecord(cycleId))).state,
          review: await reviewBatch(w, seal, batch),
          seal: (sheet: OpenedSheet) =>
            seal.seal(place, { receipt: sheet.receipt ?? newReceipt(), choices: sheet.choices }),
        };
      },
      subject: batchSubject,
      metadata: w.metadata,
    });
    return countResolved(w, seal, data);
  });
}

/** Counts a resolved batch, or finishes counting it; nothing new once it is counted. */
export async function countPaperBatch(
  w: Writer,
  seal: BallotSeal,
  data: { cycleId: string; communityId: string; batchId: string },
): Promise<CommandResult<BallotEvent>> {
  return whileCasting(w, data.cycleId, () => countResolved(w, seal, data));
}

/**
 * The labels of the cycle's batches resolved but not fully counted, once the read models hold
 * every event written so far (closing the vote is refused while there are any).
 */
export async function uncountedPaperBatches(w: Writer, cycleId: string): Promise<string[]> {
  await caughtUpToHead(w);
  const rows = await listUncountedPaperBatches(w.readModels.db, cycleId);
  return rows.map((row) => row.label);
}

async function countResolved(
  w: Writer,
  seal: BallotSeal,
  { cycleId, communityId, batchId }: { cycleId: string; communityId: string; batchId: string },
): Promise<CommandResult<BallotEvent>> {
  const { state } = await readState(w.store, paperBatchRecord(cycleId, batchId));
  const batch = inCommunity(state, communityId, batchId);
  if (!batch.resolved) {
    throw new DomainError('conflict', 'batch_not_resolved', {
      'zh-CN': '该批次还没有核定，不能计入。',
      en: 'This batch has not been resolved yet; it cannot be counted.',
    });
  }
  const { state: cycle } = await readState(w.store, cycleRecord(cycleId));
  let counted = 0;
  const setAside: BallotEventData<'PaperBatchCounted'>['setAside'] = [];
  if (!batch.counted) {
    for (const sheet of batch.resolved.accepted) {
      const { serial, voterId, sealed } = sheet;
      // Every counted receipt is claimed, generated ones too: one claim check for all.
      const { receipt } = seal.open({ cycleId, communityId }, sealed);
      try {
        await executeCommand(w.store, {
          decider: paperSerialDecider,
          codec: ballotCodec,
          stream: ballotStreams.paperSerial(cycleId, serial),
          command: () => ({
            type: 'ClaimPaperSerial' as const,
            data: { cycleId, batchId, serial },
          }),
          subject: () => ({ 'zh-CN': `选票编号 ${serial}`, en: `Serial number ${serial}` }),
          metadata: w.metadata,
        });
        await executeCommand(w.store, {
          decider: paperReceiptDecider,
          codec: ballotCodec,
          stream: ballotStreams.paperReceipt(cycleId, seal.receiptKey(cycleId, receipt)),
          command: () => ({
            type: 'ClaimPaperReceipt' as const,
            data: { cycleId, batchId, serial },
          }),
          subject: () => ({ 'zh-CN': '选票回执码', en: 'The receipt code' }),
          metadata: w.metadata,
        });
        await executeCommand(w.store, {
          decider: paperBallotDecider,
          codec: ballotCodec,
          stream: ballotStreams.ballot(cycleId, voterId),
          command: () => ({
            type: 'CountPaperBallot' as const,
            data: { cycleId, communityId, voterId, sealed, batchId, serial },
            cycle,
          }),
          subject: () => ({ 'zh-CN': '选民的选票', en: 'The voter’s ballot' }),
          // A worker enters the ballot the voter marked on paper.
          metadata: { ...w.metadata, onBehalfOf: voterId, channel: 'paper' },
        });
        counted++;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === 'serial_taken') setAside.push({ serial, reason: 'serial_taken' });
        else if (error.code === 'receipt_taken') setAside.push({ serial, reason: 'receipt_taken' });
        else if (error.code === 'already_voted') setAside.push({ serial, reason: 'already_voted' });
        else throw error;
      }
    }
  }
  return executeCommand(w.store, {
    ...paperBatchRecord(cycleId, batchId),
    command: () => ({
      type: 'RecordPaperCount' as const,
      data: { cycleId, batchId, counted, setAside },
    }),
    subject: batchSubject,
    metadata: w.metadata,
  });
}
