// Refusals shared by the proposal's commands: the proposal must exist, the act must be the
// author's, its status and the cycle's phase must allow it.
import { refuse } from '../../shared/errors.ts';
import { requirePhase, type CycleState, type PublishedCycle } from '../../cycle/state.ts';
import { proposalStatusText } from '../describe.ts';
import type { ProposalStatus } from '../status.ts';
import type { Proposal, ProposalState } from '../state.ts';

/** Statuses in which a proposal is still alive (can be co-signed, withdrawn, merged into). */
export const openStatuses: readonly ProposalStatus[] = [
  'submitted',
  'survey',
  'returned',
  'resubmitted',
  'pool',
];
/** Statuses awaiting a screening decision (a worker's or the round-table's). */
export const screenableStatuses: readonly ProposalStatus[] = ['submitted', 'survey', 'resubmitted'];

export function requireProposal(state: ProposalState, proposalId: string): Proposal {
  if (state.status === 'none') {
    return refuse(
      'not_found',
      'proposal_not_found',
      `找不到建议（编号 ${proposalId}）。`,
      `There is no proposal with id ${proposalId}.`,
    );
  }
  return state;
}

export function requireAuthor(proposal: Proposal, residentId: string): void {
  if (residentId !== proposal.authorResidentId) {
    refuse(
      'forbidden',
      'not_author',
      '只有提议人本人（或其代办人、代录的社区工作者）才能这样做。',
      'Only the author (or their proxy, or a worker on their behalf) can do this.',
    );
  }
}

export function requireOpen(proposal: Proposal): void {
  if (!openStatuses.includes(proposal.status)) refuseStatus(proposal, 'proposal_closed');
}

/** Refuses an act the proposal's status does not allow, saying what the status is. */
export function refuseStatus(proposal: Proposal, code: string): never {
  const status = proposalStatusText[proposal.status];
  return refuse(
    'conflict',
    code,
    `建议「${proposal.content.title}」目前的状态是「${status['zh-CN']}」，不能这样操作。`,
    `The proposal “${proposal.content.title}” is ${status.en}; this cannot be done now.`,
  );
}

export const requireScreening = (cycle: CycleState, proposal: Proposal): PublishedCycle =>
  requirePhase(cycle, proposal.cycleId, ['screening'], {
    code: 'not_screening',
    zh: '筛选、踏勘和圆桌会决定只能在筛选共议阶段进行',
    en: 'screening, surveys and round-table decisions happen only during screening',
  });
