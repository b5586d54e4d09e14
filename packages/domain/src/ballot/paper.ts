// Paper ballots (纸质选票), entered by community workers in batches against the signed voter
// register: stream `paperbatch-<cycleId>-<batchId>`.
//
// A batch is opened, entered in full by one worker, then again by a different worker. The two
// entries are compared sheet by sheet (by serial number) and every sheet is checked as an online
// ballot would be (the voter eligible and without another ballot, the serial not used by another
// batch, the receipt printed on the sheet not used by another ballot or sheet, the choices within
// the cycle's rule). Sheets read alike and without problems are
// accepted; the others wait for a third worker, who picks the right reading of each or rejects the
// sheet with a reason. Then the batch counts: each accepted sheet claims its serial
// (`paperserial-<cycleId>-<serial>`, no_stream) and its receipt (`paperreceipt-…`, no_stream),
// and becomes its voter's ballot
// (`ballot-<cycleId>-<voterId>`, no_stream), so one ballot per voter holds across online and
// paper. The command handler opens the sealed choices and gathers what the checks read; the
// decisions are taken here.
import type { Decider } from '../shared/decider.ts';
import { DomainError, refuse, say, type LocalizedText } from '../shared/errors.ts';
import type { CycleState } from '../cycle/state.ts';
import { checkEligibility, type EligibilitySubject } from '../resident/eligibility.ts';
import {
  ballotDecider,
  checkChoices,
  requireVoting,
  votingRule,
  type BallotState,
  type PoolProject,
} from './ballot.ts';
import type { BallotEvent, BallotEventData, PaperDecision, PaperSheet } from './events.ts';

type PublishedCycle = Extract<CycleState, { status: 'published' }>;

export interface PaperEntry {
  enteredBy: string;
  sheets: PaperSheet[];
}

export type PaperBatchState =
  | { status: 'none' }
  | {
      status: 'open';
      cycleId: string;
      communityId: string;
      batchId: string;
      label: string;
      openedBy: string;
      /** The first and second entries, in order. */
      entries: PaperEntry[];
      resolved?: BallotEventData<'PaperBatchResolved'>;
      counted?: BallotEventData<'PaperBatchCounted'>;
    };

/** A sheet as one entry read it, its choices and receipt opened by the command handler. */
export interface OpenedSheet {
  serial: string;
  voterId: string;
  choices: string[];
  /** The receipt printed on the sheet, as typed; absent on sheets printed without one. */
  receipt?: string;
}

export interface PaperProblem {
  code:
    | 'not_eligible'
    | 'voted_online'
    | 'voted_on_paper'
    | 'serial_taken'
    | 'receipt_taken'
    | 'receipt_repeated'
    | 'voter_repeated'
    | 'choices_break_rule';
  text: LocalizedText;
}

export interface PaperReading extends OpenedSheet {
  problems: PaperProblem[];
}

/** One serial number of the batch as the two entries read it. */
export interface PaperReviewItem {
  serial: string;
  first?: PaperReading;
  second?: PaperReading;
  /** How the two readings differ, if they do. */
  mismatch?: 'only_first' | 'only_second' | 'voter' | 'receipt' | 'choices';
  /** A mismatch or a problem: the third worker decides. */
  needsDecision: boolean;
}

/** What the checks of a batch read, gathered by the command handler. */
export interface PaperContext {
  cycle: PublishedCycle;
  communityId: string;
  pool: readonly PoolProject[];
  /** Every voter the entries name, as eligibility sees them. */
  voters: ReadonlyMap<string, EligibilitySubject | { status: 'none' }>;
  /** Voters who have a ballot already: online, or on paper in another batch. */
  voted: ReadonlyMap<string, 'online' | 'paper'>;
  /** Serial numbers another batch of the cycle has used. */
  serialsTaken: ReadonlySet<string>;
  /** Receipts (of those the entries name) on the bulletin or claimed by another batch. */
  receiptsTaken: ReadonlySet<string>;
}

const sameChoices = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ');

function problemsOf(sheet: OpenedSheet, entry: readonly OpenedSheet[], context: PaperContext) {
  const problems: PaperProblem[] = [];
  const { cycle, communityId } = context;
  const eligibility = checkEligibility(
    context.voters.get(sheet.voterId) ?? { status: 'none' },
    votingRule(cycle, communityId),
  );
  if (!eligibility.eligible) {
    problems.push({
      code: 'not_eligible',
      text: say(
        `选民不能在本社区投票:${eligibility.text['zh-CN']}`,
        `The voter cannot vote in this community: ${eligibility.text.en}`,
      ),
    });
  }
  const voted = context.voted.get(sheet.voterId);
  if (voted === 'online') {
    problems.push({
      code: 'voted_online',
      text: say('该选民已经在线投票。', 'The voter has already voted online.'),
    });
  } else if (voted === 'paper') {
    problems.push({
      code: 'voted_on_paper',
      text: say(
        '该选民已有另一批次的纸质选票。',
        'The voter already has a paper ballot in another batch.',
      ),
    });
  }
  if (context.serialsTaken.has(sheet.serial)) {
    problems.push({
      code: 'serial_taken',
      text: say('该编号已在另一批次中使用。', 'This serial number is used in another batch.'),
    });
  }
  const { receipt } = sheet;
  if (receipt !== undefined && context.receiptsTaken.has(receipt)) {
    problems.push({
      code: 'receipt_taken',
      text: say('该回执码已被另一张选票使用。', 'This receipt code is used by another ballot.'),
    });
  }
  if (
    receipt !== undefined &&
    entry.some((other) => other.receipt === receipt && other.serial !== sheet.serial)
  ) {
    problems.push({
      code: 'receipt_repeated',
      text: say(
        '同一回执码在本次录入中出现在多张选票上。',
        'The same receipt code is on more than one sheet of this entry.',
      ),
    });
  }
  if (entry.some((other) => other.voterId === sheet.voterId && other.serial !== sheet.serial)) {
    problems.push({
      code: 'voter_repeated',
      text: say(
        '同一选民在本次录入中出现在多张选票上。',
        'The same voter is on more than one sheet of this entry.',
      ),
    });
  }
  const budget = cycle.definition.communities.find((c) => c.communityId === communityId)?.budget;
  try {
    checkChoices(sheet.choices, context.pool, cycle.definition.ballot, budget ?? 0);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    problems.push({ code: 'choices_break_rule', text: error.text });
  }
  return problems;
}

/** Compares the two entries of a batch and checks each reading; by serial, in code-point order. */
export function reviewPaperBatch(
  first: readonly OpenedSheet[],
  second: readonly OpenedSheet[],
  context: PaperContext,
): PaperReviewItem[] {
  const reading = (sheet: OpenedSheet | undefined, entry: readonly OpenedSheet[]) =>
    sheet && { ...sheet, problems: problemsOf(sheet, entry, context) };
  const serials = [...new Set([...first, ...second].map((s) => s.serial))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return serials.map((serial) => {
    const a = reading(
      first.find((s) => s.serial === serial),
      first,
    );
    const b = reading(
      second.find((s) => s.serial === serial),
      second,
    );
    const mismatch = !b
      ? 'only_first'
      : !a
        ? 'only_second'
        : a.voterId !== b.voterId
          ? 'voter'
          : a.receipt !== b.receipt
            ? 'receipt'
            : !sameChoices(a.choices, b.choices)
              ? 'choices'
              : undefined;
    const needsDecision =
      mismatch !== undefined || (a?.problems.length ?? 0) + (b?.problems.length ?? 0) > 0;
    return {
      serial,
      ...(a && { first: a }),
      ...(b && { second: b }),
      ...(mismatch && { mismatch }),
      needsDecision,
    };
  });
}

const sheetOf = ({ serial, voterId, choices, receipt }: OpenedSheet): OpenedSheet => ({
  serial,
  voterId,
  choices,
  ...(receipt !== undefined && { receipt }),
});

/**
 * The sheets that count once the resolver has decided: those the entries read alike without
 * problems, and the picked readings. Refuses decisions that leave an item open, pick a reading
 * that is missing or has a problem, or give a voter two ballots or two ballots one receipt.
 */
export function settlePaperBatch(
  review: readonly PaperReviewItem[],
  decisions: readonly PaperDecision[],
): OpenedSheet[] {
  const bySerial = new Map<string, PaperDecision>();
  for (const decision of decisions) {
    const item = review.find((i) => i.serial === decision.serial);
    if (!item?.needsDecision || bySerial.has(decision.serial)) {
      refuse(
        'invalid',
        'decision_not_needed',
        `编号 ${decision.serial} 的选票无需核定,或已核定过一次。`,
        `The sheet with serial ${decision.serial} needs no decision, or was decided twice.`,
      );
    }
    bySerial.set(decision.serial, decision);
  }
  const accepted: OpenedSheet[] = [];
  for (const item of review) {
    if (!item.needsDecision) {
      accepted.push(sheetOf(item.first!));
      continue;
    }
    const decision = bySerial.get(item.serial);
    if (!decision) {
      return refuse(
        'invalid',
        'decision_missing',
        `编号 ${item.serial} 的选票还没有核定:请选定正确的录入,或注明理由作废。`,
        `The sheet with serial ${item.serial} is not decided yet: pick the right reading, or reject it with a reason.`,
      );
    }
    if (decision.outcome === 'rejected') continue;
    const picked = item[decision.outcome];
    if (!picked || picked.problems.length > 0) {
      return refuse(
        'invalid',
        'reading_unusable',
        `编号 ${item.serial} 的这次录入不能计入(缺少或有问题),只能选另一次录入或作废。`,
        `That reading of serial ${item.serial} cannot count (missing or with a problem); pick the other one or reject the sheet.`,
      );
    }
    accepted.push(sheetOf(picked));
  }
  const voters = new Set<string>();
  const receipts = new Set<string>();
  for (const sheet of accepted) {
    if (sheet.receipt !== undefined) {
      if (receipts.has(sheet.receipt)) {
        refuse(
          'invalid',
          'receipt_accepted_twice',
          `两张选票(含编号 ${sheet.serial})的回执码相同,不能都计入,请作废其中一张。`,
          `Two sheets (one is serial ${sheet.serial}) have the same receipt code and cannot both count; reject one of them.`,
        );
      }
      receipts.add(sheet.receipt);
    }
    if (voters.has(sheet.voterId)) {
      refuse(
        'invalid',
        'voter_accepted_twice',
        `同一选民的两张选票(含编号 ${sheet.serial})不能都计入,请作废其中一张。`,
        `Two sheets of the same voter (one is serial ${sheet.serial}) cannot both count; reject one of them.`,
      );
    }
    voters.add(sheet.voterId);
  }
  return accepted;
}

/** The cycle, while paper ballots can be entered (voting); refuses otherwise. */
export const requirePaperVoting = (cycle: CycleState, cycleId: string): PublishedCycle =>
  requireVoting(cycle, cycleId, {
    zh: '只有投票阶段才能录入纸质选票',
    en: 'paper ballots are entered only during voting',
  });

export type PaperBatchCommand =
  | {
      type: 'OpenPaperBatch';
      data: BallotEventData<'PaperBatchOpened'>;
      cycle: CycleState;
    }
  | {
      type: 'EnterPaperBatch';
      data: Omit<BallotEventData<'PaperBatchEntered'>, 'entry'>;
      cycle: CycleState;
    }
  | {
      type: 'ResolvePaperBatch';
      data: { cycleId: string; batchId: string; resolvedBy?: string; decisions: PaperDecision[] };
      cycle: CycleState;
      /** The entries compared and checked now (reviewPaperBatch). */
      review: readonly PaperReviewItem[];
      /** Seals an accepted sheet as its voter's ballot: its receipt (or a new one), the choices. */
      seal: (sheet: OpenedSheet) => string;
    }
  | {
      type: 'RecordPaperCount';
      data: BallotEventData<'PaperBatchCounted'>;
    };

const batchNotFound = (batchId: string): never =>
  refuse(
    'not_found',
    'batch_not_found',
    `找不到纸质选票批次(编号 ${batchId})。`,
    `There is no paper ballot batch with id ${batchId}.`,
  );

const batchResolved = (): never =>
  refuse(
    'conflict',
    'batch_resolved',
    '该批次已经核定并计入,不能再修改。',
    'This batch has been resolved and counted; it cannot change any more.',
  );

export const paperBatchDecider: Decider<PaperBatchCommand, BallotEvent, PaperBatchState> = {
  initialState: () => ({ status: 'none' }),

  evolve(state, event) {
    switch (event.type) {
      case 'PaperBatchOpened': {
        const { cycleId, communityId, batchId, label, openedBy } = event.data;
        return { status: 'open', cycleId, communityId, batchId, label, openedBy, entries: [] };
      }
      case 'PaperBatchEntered':
        if (state.status !== 'open') return state;
        return {
          ...state,
          entries: [
            ...state.entries,
            { enteredBy: event.data.enteredBy, sheets: event.data.sheets },
          ],
        };
      case 'PaperBatchResolved':
        return state.status === 'open' ? { ...state, resolved: event.data } : state;
      case 'PaperBatchCounted':
        return state.status === 'open' ? { ...state, counted: event.data } : state;
      default:
        return state;
    }
  },

  decide(command, state) {
    if (command.type === 'RecordPaperCount') {
      if (state.status !== 'open' || !state.resolved) return batchNotFound(command.data.batchId);
      return state.counted ? [] : [{ type: 'PaperBatchCounted', data: command.data }];
    }
    const cycle = requirePaperVoting(command.cycle, command.data.cycleId);
    switch (command.type) {
      case 'OpenPaperBatch': {
        const { communityId } = command.data;
        if (!cycle.definition.communities.some((c) => c.communityId === communityId)) {
          return refuse(
            'invalid',
            'community_not_in_cycle',
            `社区(编号 ${communityId})不在本项目周期内。`,
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
      case 'EnterPaperBatch': {
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
      case 'ResolvePaperBatch': {
        const { data } = command;
        if (state.status !== 'open') return batchNotFound(data.batchId);
        if (state.resolved) return batchResolved();
        if (state.entries.length < 2) {
          return refuse(
            'conflict',
            'batch_not_entered_twice',
            '该批次还没有由两名工作人员各录入一次,不能核定。',
            'This batch has not been entered twice by two workers yet; it cannot be resolved.',
          );
        }
        if (
          data.resolvedBy !== undefined &&
          state.entries.some((e) => e.enteredBy === data.resolvedBy)
        ) {
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
            '两次录入有不一致或有问题的选票,须由第三名工作人员核定。',
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
    }
  },
};

/** Claiming a serial number for a batch: `paperserial-<cycleId>-<serial>`. */
export type PaperSerialState = { status: 'none' } | { status: 'claimed'; batchId: string };

export type ClaimPaperSerial = {
  type: 'ClaimPaperSerial';
  data: BallotEventData<'PaperSerialClaimed'>;
};

export const paperSerialDecider: Decider<ClaimPaperSerial, BallotEvent, PaperSerialState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) =>
    event.type === 'PaperSerialClaimed'
      ? { status: 'claimed', batchId: event.data.batchId }
      : state,
  decide({ data }, state) {
    if (state.status === 'none') return [{ type: 'PaperSerialClaimed', data }];
    if (state.batchId === data.batchId) return [];
    return refuse(
      'conflict',
      'serial_taken',
      `编号 ${data.serial} 已在另一批次中使用。`,
      `The serial number ${data.serial} is used in another batch.`,
    );
  },
};

/**
 * Claiming a receipt for a batch's sheet: `paperreceipt-<cycleId>-<receiptKey>`. Only the sheet's
 * own batch and serial may claim it again (counting again after a crash).
 */
export type PaperReceiptState =
  { status: 'none' } | { status: 'claimed'; batchId: string; serial: string };

export type ClaimPaperReceipt = {
  type: 'ClaimPaperReceipt';
  data: BallotEventData<'PaperReceiptClaimed'>;
};

export const paperReceiptDecider: Decider<ClaimPaperReceipt, BallotEvent, PaperReceiptState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) =>
    event.type === 'PaperReceiptClaimed'
      ? { status: 'claimed', batchId: event.data.batchId, serial: event.data.serial }
      : state,
  decide({ data }, state) {
    if (state.status === 'none') return [{ type: 'PaperReceiptClaimed', data }];
    if (state.batchId === data.batchId && state.serial === data.serial) return [];
    return refuse(
      'conflict',
      'receipt_taken',
      `编号 ${data.serial} 的选票上的回执码已被另一张选票使用。`,
      `The receipt code on the sheet with serial ${data.serial} is used by another sheet.`,
    );
  },
};

/** Counting an accepted sheet as its voter's ballot, on `ballot-<cycleId>-<voterId>`. */
export type CountPaperBallot = {
  type: 'CountPaperBallot';
  data: BallotEventData<'PaperBallotCounted'>;
  cycle: CycleState;
};

export const paperBallotDecider: Decider<CountPaperBallot, BallotEvent, BallotState> = {
  initialState: ballotDecider.initialState,
  evolve: ballotDecider.evolve,
  decide({ data, cycle }, state) {
    requirePaperVoting(cycle, data.cycleId);
    if (state.status === 'none') return [{ type: 'PaperBallotCounted', data }];
    if (state.paper?.batchId === data.batchId && state.paper.serial === data.serial) return [];
    return refuse(
      'conflict',
      'already_voted',
      '该选民已经有一张选票。',
      'The voter has a ballot already.',
    );
  },
};
