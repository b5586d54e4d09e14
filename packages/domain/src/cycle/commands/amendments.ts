// After publishing, budgets and the schedule change only by amendments with a reason, which the
// cycle's public history shows: budgets until voting opens (ballots are cast against them), a
// phase's date until that phase begins.
import { refuse } from '../../shared/errors.ts';
import { cyclePhases } from '../events.ts';
import type { CommunityBudget, CycleEventData, CycleEventOf, CycleSchedule } from '../events.ts';
import { chinaDate, hasReached, type CycleState } from '../state.ts';
import {
  checkBudget,
  checkSchedule,
  mayAmendBudget,
  phaseEn,
  phaseZh,
  requireAmendable,
} from './rules.ts';

export interface AmendCycleBudget {
  type: 'AmendCycleBudget';
  data: { cycleId: string; budgets: CommunityBudget[]; reason: string };
}

export interface AmendCycleSchedule {
  type: 'AmendCycleSchedule';
  data: { cycleId: string; schedule: CycleSchedule; reason: string };
  now: string;
}

export function amendCycleBudget(
  command: AmendCycleBudget,
  state: CycleState,
): CycleEventOf<'CycleBudgetAmended'>[] {
  const cycle = requireAmendable(state, command.data.cycleId);
  if (!mayAmendBudget(cycle.phase)) {
    return refuse(
      'conflict',
      'budget_locked',
      '投票开始后预算不能再调整：选票是按这些预算投出的。',
      'Budgets are fixed once voting opens: ballots are cast against them.',
    );
  }
  const current = new Map(cycle.definition.communities.map((c) => [c.communityId, c.budget]));
  const budgets: CycleEventData<'CycleBudgetAmended'>['budgets'] = [];
  for (const { communityId, budget } of command.data.budgets) {
    const previousBudget = current.get(communityId);
    if (previousBudget === undefined) {
      return refuse(
        'invalid',
        'community_not_in_cycle',
        `社区（编号 ${communityId}）不在本项目周期内。`,
        `The community ${communityId} is not part of this cycle.`,
      );
    }
    checkBudget(communityId, budget, cycle.definition.caps);
    if (budget !== previousBudget) budgets.push({ communityId, budget, previousBudget });
  }
  if (budgets.length === 0) return [];
  return [
    {
      type: 'CycleBudgetAmended',
      data: { cycleId: cycle.cycleId, budgets, reason: command.data.reason },
    },
  ];
}

export function amendCycleSchedule(
  command: AmendCycleSchedule,
  state: CycleState,
): CycleEventOf<'CycleScheduleAmended'>[] {
  const cycle = requireAmendable(state, command.data.cycleId);
  const previousSchedule = cycle.definition.schedule;
  const { schedule, reason } = command.data;
  checkSchedule(schedule, cycle.definition.publicityDays);
  const today = chinaDate(command.now);
  for (const phase of cyclePhases) {
    if (schedule[phase] === previousSchedule[phase]) continue;
    if (hasReached(cycle.phase, phase)) {
      return refuse(
        'conflict',
        'schedule_phase_started',
        `「${phaseZh(phase)}」阶段已经开始，其日期不能再改。`,
        `The ${phaseEn(phase)} phase has already begun; its date can no longer change.`,
      );
    }
    if (schedule[phase] < today) {
      return refuse(
        'invalid',
        'schedule_in_past',
        `「${phaseZh(phase)}」的新日期 ${schedule[phase]} 已经过去。`,
        `The new date of ${phaseEn(phase)}, ${schedule[phase]}, has already passed.`,
      );
    }
  }
  if (cyclePhases.every((phase) => schedule[phase] === previousSchedule[phase])) return [];
  return [
    {
      type: 'CycleScheduleAmended',
      data: { cycleId: cycle.cycleId, schedule, previousSchedule, reason },
    },
  ];
}
