// A paper batch's commands: open it, enter it (twice, by two workers), resolve it (a third worker
// decides what the entries disagree on), record that its count finished.
import { refuse } from '../../shared/errors.ts';
import type { CycleState, PublishedCycle } from '../../cycle/state.ts';
import { requireVoting } from '../ballot.ts';
import type { BallotEventData, BallotEventOf, PaperDecision } from '../events.ts';
import { settlePaperBatch, type OpenedSheet, type PaperReviewItem } from './review.ts';
import type { PaperBatchState } from './state.ts';

export interface OpenPaperBatch {
  type: 'OpenPaperBatch';
  data: BallotEventData<'PaperBatchOpened'>;
  cycle: CycleState;
}

export interface EnterPaperBatch {
  type: 'EnterPaperBatch';
  data: Omit<BallotEventData<'PaperBatchEntered'>, 'entry'>;
  cycle: CycleState;
}

export interface ResolvePaperBatch {
  type: 'ResolvePaperBatch';
  data: { cycleId: string; batchId: string; resolvedBy?: string; decisions: PaperDecision[] };
  cycle: CycleState;
  /** The entries compared and checked now (reviewPaperBatch). */
  review: readonly PaperReviewItem[];
  /** Seals an accepted sheet as its voter's ballot: its receipt (or a new one), the choices. */
  seal: (sheet: OpenedSheet) => string;
}

export interface RecordPaperCount {
  type: 'RecordPaperCount';
  data: BallotEventData<'PaperBatchCounted'>;
}

/** The cycle, while paper ballots can be entered (voting); refuses otherwise. */
export const requirePaperVoting = (cycle: CycleState, cycleId: string): PublishedCycle =>
  requireVoting(cycle, cycleId, {
    zh: '只有投票阶段才能录入纸质选票',
    en: 'paper ballots are entered only during voting',
  });

export function openPaperBatch(
  command: OpenPaperBatch,
  state: PaperBatchState,
): BallotEventOf<'PaperBatchOpened'>[] {
  const cycle = requirePaperVoting(command.cycle, command.data.cycleId);
  const { communityId } = command.data;
  if (!cycle.definition.communities.some((c) => c.communityId === communityId)) {
    return refuse(
      'invalid',
      'community_not_in_cycle',
      `社区（编号 ${communityId}）不在本项目周期内。`,
      `The community ${communityId} is not part of this cycle.`,
    );
  }
  if (state.status !== 'none') {
    return refuse(
      'conflict',
      'batch_exists',
      '该纸质选票批次已经建立。',
      'This paper ballot batch exists already.',
    );
  }
  return [{ type: 'PaperBatchOpened', data: command.data }];
}

export function enterPaperBatch(
  command: EnterPaperBatch,
  state: PaperBatchState,
): BallotEventOf<'PaperBatchEntered'>[] {
  requirePaperVoting(command.cycle, command.data.cycleId);
  const { data } = command;
  if (state.status !== 'open') return batchNotFound(data.batchId);
  if (state.resolved) return batchResolved();
  if (state.entries.length >= 2) {
    return refuse(
      'conflict',
      'batch_entered_twice',
      '该批次已由两名工作人员各录入一次。',
      'This batch has been entered twice already, by two workers.',
    );
  }
  if (state.entries[0]?.enteredBy === data.enteredBy) {
    return refuse(
      'forbidden',
      'same_worker_entry',
      '第二次录入须由另一名工作人员完成。',
      'The second entry must be made by a different worker.',
    );
  }
  const serials = new Set<string>();
  for (const sheet of data.sheets) {
    if (serials.has(sheet.serial)) {
      refuse(
        'invalid',
        'serial_repeated',
        `编号 ${sheet.serial} 在本次录入中出现了两次。`,
        `The serial number ${sheet.serial} appears twice in this entry.`,
      );
    }
    serials.add(sheet.serial);
  }
  const entry = state.entries.length === 0 ? 1 : 2;
  return [{ type: 'PaperBatchEntered', data: { ...data, entry } }];
}

export function resolvePaperBatch(
  command: ResolvePaperBatch,
  state: PaperBatchState,
): BallotEventOf<'PaperBatchResolved'>[] {
  requirePaperVoting(command.cycle, command.data.cycleId);
  const { data } = command;
  if (state.status !== 'open') return batchNotFound(data.batchId);
  if (state.resolved) return batchResolved();
  if (state.entries.length < 2) {
    return refuse(
      'conflict',
      'batch_not_entered_twice',
      '该批次还没有由两名工作人员各录入一次，不能核定。',
      'This batch has not been entered twice by two workers yet; it cannot be resolved.',
    );
  }
  if (data.resolvedBy !== undefined && state.entries.some((e) => e.enteredBy === data.resolvedBy)) {
    return refuse(
      'forbidden',
      'resolver_entered',
      '核定须由两次录入之外的第三名工作人员完成。',
      'The batch must be resolved by a third worker, not by one who entered it.',
    );
  }
  if (data.resolvedBy === undefined && command.review.some((i) => i.needsDecision)) {
    return refuse(
      'conflict',
      'mismatches_to_resolve',
      '两次录入有不一致或有问题的选票，须由第三名工作人员核定。',
      'The entries differ or have problems; a third worker must resolve them.',
    );
  }
  const accepted = settlePaperBatch(command.review, data.decisions);
  return [
    {
      type: 'PaperBatchResolved',
      data: {
        cycleId: data.cycleId,
        batchId: data.batchId,
        ...(data.resolvedBy !== undefined && { resolvedBy: data.resolvedBy }),
        decisions: data.decisions,
        accepted: accepted.map((sheet) => ({
          serial: sheet.serial,
          voterId: sheet.voterId,
          sealed: command.seal(sheet),
        })),
      },
    },
  ];
}

export function recordPaperCount(
  command: RecordPaperCount,
  state: PaperBatchState,
): BallotEventOf<'PaperBatchCounted'>[] {
  if (state.status !== 'open' || !state.resolved) return batchNotFound(command.data.batchId);
  return state.counted ? [] : [{ type: 'PaperBatchCounted', data: command.data }];
}

const batchNotFound = (batchId: string): never =>
  refuse(
    'not_found',
    'batch_not_found',
    `找不到纸质选票批次（编号 ${batchId}）。`,
    `There is no paper ballot batch with id ${batchId}.`,
  );

const batchResolved = (): never =>
  refuse(
    'conflict',
    'batch_resolved',
    '该批次已经核定并计入，不能再修改。',
    'This batch has been resolved and counted; it cannot change any more.',
  );
