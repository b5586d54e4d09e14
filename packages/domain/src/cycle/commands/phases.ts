// Moving a published cycle to its next phase, one step forward at a time; moving on a day other
// than the scheduled one needs a reason. Some moves wait for work elsewhere, which the command
// handler counts and passes: closing the vote for paper counts, confirming the selection for
// the notice period and answers to objections, closing the cycle for feedback to authors.
import { refuse } from '../../shared/errors.ts';
import { cyclePhases } from '../events.ts';
import type { CycleEventOf, CyclePhase } from '../events.ts';
import {
  chinaDate,
  nextPhase,
  noticePeriod,
  type CycleState,
  type PublishedCycle,
} from '../state.ts';
import { phaseEn, phaseZh, refuseClosed, requirePublished } from './rules.ts';

export interface AdvanceCyclePhase {
  type: 'AdvanceCyclePhase';
  data: { cycleId: string; to: CyclePhase; reason?: string | undefined };
  /** The current instant, ISO-8601 UTC. */
  now: string;
  /**
   * The cycle's objections not yet answered, counted by the handler: confirming the
   * selection (publicity → implementing) needs it, other moves ignore it.
   */
  unansweredObjections?: number;
  /**
   * Labels of the cycle's paper ballot batches resolved during voting whose count was cut
   * short (a crash), listed by the handler: closing the vote (voting → publicity) needs it,
   * other moves ignore it.
   */
  uncountedPaperBatches?: readonly string[];
  /**
   * Titles of the cycle's proposals not selected whose authors still wait for feedback
   * (意见共商), listed by the handler: closing the cycle (to closed) needs it, other moves
   * ignore it.
   */
  feedbackOwed?: readonly string[];
  /**
   * Titles of the cycle's projects neither evaluated nor cancelled, listed by the handler:
   * closing the cycle needs it, other moves ignore it.
   */
  projectsUnfinished?: readonly string[];
}

export function advanceCyclePhase(
  command: AdvanceCyclePhase,
  state: CycleState,
): CycleEventOf<'CyclePhaseAdvanced'>[] {
  const cycle = requirePublished(state, command.data.cycleId);
  const { to, reason } = command.data;
  const next = nextPhase(cycle.phase);
  if (next === undefined) refuseClosed();
  if (to !== next) {
    return cyclePhases.indexOf(to) <= cyclePhases.indexOf(next)
      ? refuse(
          'conflict',
          'phase_backwards',
          `项目周期已处于「${phaseZh(cycle.phase)}」阶段，不能回到「${phaseZh(to)}」。`,
          `The cycle is already ${phaseEn(cycle.phase)}; it cannot go back to ${phaseEn(to)}.`,
        )
      : refuse(
          'invalid',
          'phase_skipped',
          `下一个阶段是「${phaseZh(next)}」，不能跳过。`,
          `The next phase is ${phaseEn(next)}; phases cannot be skipped.`,
        );
  }
  const scheduledFor = cycle.definition.schedule[to];
  const today = chinaDate(command.now);
  if (to === 'publicity') checkPaperCounted(command.uncountedPaperBatches);
  if (to === 'implementing') checkConfirmable(cycle, today, command.unansweredObjections);
  if (to === 'closed') checkFeedbackGiven(command.feedbackOwed);
  if (to === 'closed') checkProjectsFinished(command.projectsUnfinished);
  if (today !== scheduledFor && reason === undefined) {
    return refuse(
      'invalid',
      'reason_required',
      `日程安排「${phaseZh(to)}」于 ${scheduledFor} 开始；提前或推迟须说明理由。`,
      `The schedule starts ${phaseEn(to)} on ${scheduledFor}; moving it earlier or later needs a reason.`,
      'reason',
    );
  }
  return [
    {
      type: 'CyclePhaseAdvanced',
      data: {
        cycleId: cycle.cycleId,
        from: cycle.phase,
        to,
        at: command.now,
        scheduledFor,
        ...(reason === undefined ? {} : { reason }),
      },
    },
  ];
}

/**
 * Confirming the selection (publicity → implementing) waits for the notice period to end and for
 * every objection to be answered; no reason overrides either.
 */
function checkConfirmable(
  cycle: PublishedCycle,
  today: string,
  unanswered: number | undefined,
): void {
  const { until } = noticePeriod(cycle);
  if (today <= until) {
    refuse(
      'conflict',
      'notice_period_open',
      `公示期到 ${until} 结束；公示期满后才能确认入选项目。`,
      `The public notice runs until ${until}; the selection can be confirmed only after it ends.`,
    );
  }
  if (unanswered === undefined)
    throw new Error('Confirming a cycle needs its unanswered objections');
  if (unanswered > 0) {
    refuse(
      'conflict',
      'objections_unanswered',
      `还有 ${unanswered} 条异议尚未答复；每条异议答复后才能确认入选项目。`,
      `${unanswered} objection(s) are not answered yet; the selection can be confirmed only once every objection is answered.`,
    );
  }
}

/**
 * A paper batch resolved during voting counts as ballots cast during voting, and its count can
 * only be finished while voting is open: the vote closes once every such count is finished.
 */
function checkPaperCounted(uncounted: readonly string[] | undefined): void {
  if (uncounted === undefined)
    throw new Error('Closing the vote needs its uncounted paper batches');
  if (uncounted.length > 0) {
    const zh = uncounted.map((label) => `「${label}」`).join('、');
    const en = uncounted.map((label) => `“${label}”`).join(', ');
    const batches = uncounted.length === 1 ? `batch ${en} has` : `batches ${en} have`;
    refuse(
      'conflict',
      'paper_count_unfinished',
      `纸质选票批次${zh}已经核定，但计入没有完成；请先在批次页面完成计入，再结束投票。`,
      `The paper ballot ${batches} been resolved but not fully counted; finish the count on the batch page before closing the vote.`,
    );
  }
}

/** Every author not selected is owed feedback (意见共商): the cycle closes once each has it. */
function checkFeedbackGiven(owed: readonly string[] | undefined): void {
  if (owed === undefined) throw new Error('Closing a cycle needs the feedback still owed');
  if (owed.length > 0) {
    const zh = owed.map((title) => `「${title}」`).join('、');
    const en = owed.map((title) => `“${title}”`).join(', ');
    refuse(
      'conflict',
      'feedback_owed',
      `还有 ${owed.length} 项未入选建议的提议人在等待意见反馈：${zh}；每位提议人都得到反馈后才能结束项目周期。`,
      `${owed.length} author(s) of proposals not selected still wait for feedback: ${en}; the cycle can close once each has had it.`,
    );
  }
}

/** Every project of the cycle is evaluated (成果共享) or cancelled before the cycle closes. */
function checkProjectsFinished(unfinished: readonly string[] | undefined): void {
  if (unfinished === undefined) throw new Error('Closing a cycle needs its unfinished projects');
  if (unfinished.length > 0) {
    const zh = unfinished.map((title) => `「${title}」`).join('、');
    const en = unfinished.map((title) => `“${title}”`).join(', ');
    refuse(
      'conflict',
      'projects_unfinished',
      `还有 ${unfinished.length} 个项目尚未公布评价结果或撤销：${zh}；每个项目评价或撤销后才能结束项目周期。`,
      `${unfinished.length} project(s) are neither evaluated nor cancelled: ${en}; the cycle closes once each is.`,
    );
  }
}
