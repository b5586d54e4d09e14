// A project from its opening to its contract: opened when its cycle's selection is confirmed,
// approved by the street (立项) naming its implementer, its budget reviewed (概审), its contract
// awarded (采购). Each is recorded once, in this order.
import { refuse } from '../../shared/errors.ts';
import { hasReached, requirePublishedCycle, type CycleState } from '../../cycle/state.ts';
import { defaultDirectAwardThreshold } from '../../cycle/events.ts';
import type { ProjectEventData, ProjectEventOf } from '../events.ts';
import type { ProjectState } from '../state.ts';
import { money, requireStageBefore } from './rules.ts';

export interface OpenProject {
  type: 'OpenProject';
  data: ProjectEventData<'ProjectOpened'>;
  cycle: CycleState;
  /** The winners of the community's last tally, read by the handler. */
  winners: readonly string[];
}

export interface ApproveProject {
  type: 'ApproveProject';
  data: ProjectEventData<'ProjectApproved'>;
}

export interface ReviewBudget {
  type: 'ReviewBudget';
  data: ProjectEventData<'ProjectBudgetReviewed'>;
}

export interface AwardContract {
  type: 'AwardContract';
  data: ProjectEventData<'ProjectContractAwarded'>;
  cycle: CycleState;
}

/** Opens the project of a winner once the cycle is confirmed; opening it again records nothing. */
export function openProject(
  command: OpenProject,
  state: ProjectState,
): ProjectEventOf<'ProjectOpened'>[] {
  if (state.status !== 'none') return [];
  const { data } = command;
  const cycle = requirePublishedCycle(command.cycle, data.cycleId);
  if (!hasReached(cycle.phase, 'implementing')) {
    return refuse(
      'conflict',
      'selection_not_confirmed',
      '入选项目确认后才能产生实施项目。',
      'Projects are opened once the selection has been confirmed.',
    );
  }
  if (!command.winners.includes(data.proposalId)) {
    return refuse(
      'invalid',
      'not_selected',
      '这项建议没有入选，不能产生实施项目。',
      'This proposal was not selected; it cannot be opened as a project.',
    );
  }
  return [{ type: 'ProjectOpened', data }];
}

export function approveProject(
  command: ApproveProject,
  state: ProjectState,
): ProjectEventOf<'ProjectApproved'>[] {
  requireStageBefore(state, command.data.projectId, 'approved');
  return [{ type: 'ProjectApproved', data: command.data }];
}

/** 概审: a budget above the cost the vote selected needs the street's recorded decision and reason. */
export function reviewBudget(
  command: ReviewBudget,
  state: ProjectState,
): ProjectEventOf<'ProjectBudgetReviewed'>[] {
  const { data } = command;
  const project = requireStageBefore(state, data.projectId, 'budget_reviewed');
  const selected = project.opened.selectedCost;
  if (data.approvedBudget > selected) {
    if (data.decisionRef === undefined) {
      const s = money(selected);
      return refuse(
        'invalid',
        'decision_required',
        `核定预算高于投票选定的 ${s['zh-CN']}，须写明街道的决定文号。`,
        `The budget is above the ${s.en} the vote selected; name the street's decision that allows it.`,
        'decisionRef',
      );
    }
    if (data.reason === undefined) {
      return refuse(
        'invalid',
        'reason_required',
        '核定预算高于投票选定的金额，须说明理由。',
        'The budget is above the amount the vote selected; give the reason.',
        'reason',
      );
    }
  }
  return [{ type: 'ProjectBudgetReviewed', data }];
}

/**
 * 采购: the contractor is one of the bidders, the contract stays within the approved budget, and
 * a direct award stays within the cycle's threshold.
 */
export function awardContract(
  command: AwardContract,
  state: ProjectState,
): ProjectEventOf<'ProjectContractAwarded'>[] {
  const { data } = command;
  const project = requireStageBefore(state, data.projectId, 'contracted');
  const budget = project.approvedBudget!;
  if (data.contractValue > budget) {
    const [c, b] = [money(data.contractValue), money(budget)];
    return refuse(
      'conflict',
      'contract_above_budget',
      `合同金额 ${c['zh-CN']} 超过概审核定的预算 ${b['zh-CN']}，不能定标。`,
      `The contract value ${c.en} is above the approved budget ${b.en}; it cannot be awarded.`,
      'contractValue',
    );
  }
  if (!data.bidders.some((b) => b.name === data.contractor)) {
    return refuse(
      'invalid',
      'contractor_not_bidder',
      '中标单位须是投标（报价）单位之一。',
      'The contractor must be one of the bidders.',
      'contractor',
    );
  }
  if (data.method === 'direct_award') {
    const cycle = requirePublishedCycle(command.cycle, project.opened.cycleId);
    const threshold = cycle.definition.directAwardThreshold ?? defaultDirectAwardThreshold;
    if (data.contractValue > threshold) {
      const t = money(threshold);
      return refuse(
        'invalid',
        'direct_award_above_threshold',
        `直接委托的合同金额不能超过本周期规定的 ${t['zh-CN']}；请采用询价、竞争性谈判或公开招标。`,
        `A direct award may not exceed the cycle's ${t.en}; use an inquiry, negotiation or public tender.`,
        'method',
      );
    }
  }
  return [{ type: 'ProjectContractAwarded', data }];
}
