// Refusals shared by the cycle's commands: the cycle must exist, be published or still a draft,
// not be closed; budgets and schedules follow the same rules in a draft and in an amendment.
import { refuse } from '../../shared/errors.ts';
import { cycleStageText, moneyText } from '../describe.ts';
import { cyclePhases, projectCategories } from '../events.ts';
import type { CycleDefinition, CycleSchedule, CycleStage } from '../events.ts';
import { daysBetween, hasReached, type CycleState, type PublishedCycle } from '../state.ts';

export type DefinedCycle = Exclude<CycleState, { status: 'none' }>;

export const phaseZh = (stage: CycleStage) => cycleStageText[stage]['zh-CN'];
export const phaseEn = (stage: CycleStage) => cycleStageText[stage].en;

export function requireCycle(state: CycleState, cycleId: string): DefinedCycle {
  if (state.status === 'none') {
    return refuse(
      'not_found',
      'cycle_not_found',
      `找不到项目周期（编号 ${cycleId}）。`,
      `There is no cycle with id ${cycleId}.`,
    );
  }
  return state;
}

export function requirePublished(state: CycleState, cycleId: string): PublishedCycle {
  const cycle = requireCycle(state, cycleId);
  if (cycle.status !== 'published') {
    return refuse(
      'conflict',
      'cycle_not_published',
      '项目周期尚未发布；草稿可以直接修改。',
      'The cycle has not been published yet; change the draft itself.',
    );
  }
  return cycle;
}

/** A draft is published once it holds at least one community with its budget. */
export const mayPublish = (definition: { communities: readonly unknown[] }): boolean =>
  definition.communities.length > 0;

/** Published budgets change by amendment until voting opens: ballots are cast against them. */
export const mayAmendBudget = (stage: CycleStage): boolean => !hasReached(stage, 'voting');

/** A published cycle's schedule changes by amendment while a phase has yet to begin. */
export const mayAmendSchedule = (stage: CycleStage): boolean =>
  cyclePhases.some((phase) => !hasReached(stage, phase));

/** After publishing, the schedule and budgets change only by amendments, until the cycle closes. */
export function requireAmendable(state: CycleState, cycleId: string): PublishedCycle {
  const cycle = requirePublished(state, cycleId);
  if (!mayAmendSchedule(cycle.phase)) refuseClosed();
  return cycle;
}

export function refuseClosed(): never {
  return refuse(
    'conflict',
    'cycle_closed',
    '项目周期已经结束，不能再更改。',
    'The cycle is closed; nothing about it can change any more.',
  );
}

export function checkBudget(
  communityId: string,
  budget: number,
  caps: CycleDefinition['caps'],
): void {
  if (budget <= 0) {
    refuse(
      'invalid',
      'budget_not_positive',
      `社区（编号 ${communityId}）的预算须大于零。`,
      `The budget of the community ${communityId} must be above zero.`,
    );
  }
  const highestCap = Math.max(...projectCategories.map((c) => caps[c]));
  if (highestCap > budget) {
    refuse(
      'invalid',
      'cap_above_budget',
      `单个项目的限额（${moneyText(highestCap)['zh-CN']}）高于社区（编号 ${communityId}）的预算（${moneyText(budget)['zh-CN']}）。`,
      `A per-project cap (${moneyText(highestCap).en}) is above the budget of the community ${communityId} (${moneyText(budget).en}).`,
    );
  }
}

export function checkSchedule(schedule: CycleSchedule, publicityDays: number): void {
  for (let i = 1; i < cyclePhases.length; i++) {
    const before = cyclePhases[i - 1]!;
    const phase = cyclePhases[i]!;
    if (schedule[phase] <= schedule[before]) {
      refuse(
        'invalid',
        'schedule_out_of_order',
        `「${phaseZh(phase)}」（${schedule[phase]}）须晚于「${phaseZh(before)}」（${schedule[before]}）。`,
        `${capitalised(phaseEn(phase))} (${schedule[phase]}) must start after ${phaseEn(before)} (${schedule[before]}).`,
      );
    }
  }
  if (daysBetween(schedule.publicity, schedule.implementing) < publicityDays) {
    refuse(
      'invalid',
      'publicity_too_short',
      `公示须满 ${publicityDays} 天，但日程只留了 ${daysBetween(schedule.publicity, schedule.implementing)} 天。`,
      `Publicity must last ${publicityDays} days, but the schedule leaves ${daysBetween(schedule.publicity, schedule.implementing)}.`,
    );
  }
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
