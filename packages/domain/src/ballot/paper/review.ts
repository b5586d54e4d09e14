// Reviewing a batch's two entries: compared sheet by sheet (by serial number), every sheet checked
// as an online ballot would be (the voter eligible and without another ballot, the serial not used
// by another batch, the receipt printed on the sheet not used by another ballot or sheet, the
// choices within the cycle's rule); then settled by the third worker's decisions. The command
// handler gathers the context and calls reviewPaperBatch; ResolvePaperBatch is decided on a fresh
// review.
import { DomainError, refuse, say, type LocalizedText } from '../../shared/errors.ts';
import type { PublishedCycle } from '../../cycle/state.ts';
import { checkEligibility, type EligibilitySubject } from '../../resident/eligibility.ts';
import { checkChoices, votingRule, type PoolProject } from '../ballot.ts';
import type { PaperDecision } from '../events.ts';

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
        `选民不能在本社区投票：${eligibility.text['zh-CN']}`,
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
        `编号 ${decision.serial} 的选票无需核定，或已核定过一次。`,
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
        `编号 ${item.serial} 的选票还没有核定：请选定正确的录入，或注明理由作废。`,
        `The sheet with serial ${item.serial} is not decided yet: pick the right reading, or reject it with a reason.`,
      );
    }
    if (decision.outcome === 'rejected') continue;
    const picked = item[decision.outcome];
    if (!picked || picked.problems.length > 0) {
      return refuse(
        'invalid',
        'reading_unusable',
        `编号 ${item.serial} 的这次录入不能计入（缺少或有问题），只能选另一次录入或作废。`,
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
          `两张选票（含编号 ${sheet.serial}）的回执码相同，不能都计入，请作废其中一张。`,
          `Two sheets (one is serial ${sheet.serial}) have the same receipt code and cannot both count; reject one of them.`,
        );
      }
      receipts.add(sheet.receipt);
    }
    if (voters.has(sheet.voterId)) {
      refuse(
        'invalid',
        'voter_accepted_twice',
        `同一选民的两张选票（含编号 ${sheet.serial}）不能都计入，请作废其中一张。`,
        `Two sheets of the same voter (one is serial ${sheet.serial}) cannot both count; reject one of them.`,
      );
    }
    voters.add(sheet.voterId);
  }
  return accepted;
}
