// Screening (筛选共议), the cycle's second phase: a worker marks a proposal infeasible or sends it
// to a site survey, the survey is recorded, and the neighbourhood round-table admits it to the
// project pool, rejects it, or returns it to its author for revision. `roundTable` is the
// meeting folded from `roundtable-<roundTableId>` (roundtable.ts).
import { refuse } from '../../shared/errors.ts';
import type { CycleState, PublishedCycle } from '../../cycle/state.ts';
import type { ProposalEventData, ProposalEventOf } from '../events.ts';
import type { RoundTableState } from '../roundtable.ts';
import { effectiveCost, type Proposal, type ProposalState } from '../state.ts';
import { checkPhotos, costAboveCap, refuseAboveCap } from './content.ts';
import { refuseStatus, requireProposal, requireScreening, screenableStatuses } from './rules.ts';

export interface MarkProposalInfeasible {
  type: 'MarkProposalInfeasible';
  data: { proposalId: string; excludedCode?: string | undefined; note?: string | undefined };
  cycle: CycleState;
}

export interface SendProposalToSurvey {
  type: 'SendProposalToSurvey';
  data: ProposalEventData<'ProposalSentToSurvey'>;
  cycle: CycleState;
}

export interface RecordSiteSurvey {
  type: 'RecordSiteSurvey';
  data: ProposalEventData<'SiteSurveyRecorded'>;
  cycle: CycleState;
}

export interface AdmitProposalToPool {
  type: 'AdmitProposalToPool';
  data: { proposalId: string; roundTableId: string; note?: string | undefined };
  cycle: CycleState;
  roundTable: RoundTableState;
}

export interface RejectProposalAtRoundTable {
  type: 'RejectProposalAtRoundTable';
  data: ProposalEventData<'ProposalRejectedAtRoundTable'>;
  cycle: CycleState;
  roundTable: RoundTableState;
}

export interface ReturnProposalForRevision {
  type: 'ReturnProposalForRevision';
  data: ProposalEventData<'ProposalReturnedForRevision'>;
  cycle: CycleState;
  roundTable: RoundTableState;
}

export function markProposalInfeasible(
  command: MarkProposalInfeasible,
  state: ProposalState,
): ProposalEventOf<'ProposalMarkedInfeasible'>[] {
  const { excludedCode, note } = command.data;
  const proposal = requireProposal(state, command.data.proposalId);
  const cycle = requireScreening(command.cycle, proposal);
  if (!screenableStatuses.includes(proposal.status)) refuseStatus(proposal, 'not_screenable');
  let excluded;
  if (excludedCode !== undefined) {
    excluded = cycle.definition.excluded.find((item) => item.code === excludedCode);
    if (!excluded) {
      return refuse(
        'invalid',
        'unknown_excluded_code',
        `本周期的负面清单中没有编号「${excludedCode}」。`,
        `The cycle’s excluded list has no item “${excludedCode}”.`,
      );
    }
  } else if (note === undefined) {
    return refuse(
      'invalid',
      'reason_required',
      '请从负面清单中选择理由，或填写理由。',
      'Choose a reason from the excluded list or write one.',
    );
  }
  return [
    {
      type: 'ProposalMarkedInfeasible',
      data: {
        proposalId: proposal.proposalId,
        ...(excluded === undefined ? {} : { excluded }),
        ...(note === undefined ? {} : { note }),
      },
    },
  ];
}

export function sendProposalToSurvey(
  command: SendProposalToSurvey,
  state: ProposalState,
): ProposalEventOf<'ProposalSentToSurvey'>[] {
  const proposal = requireProposal(state, command.data.proposalId);
  requireScreening(command.cycle, proposal);
  if (proposal.status !== 'submitted' && proposal.status !== 'resubmitted') {
    refuseStatus(proposal, 'not_screenable');
  }
  return [{ type: 'ProposalSentToSurvey', data: command.data }];
}

export function recordSiteSurvey(
  command: RecordSiteSurvey,
  state: ProposalState,
): ProposalEventOf<'SiteSurveyRecorded'>[] {
  const { data } = command;
  const proposal = requireProposal(state, data.proposalId);
  requireScreening(command.cycle, proposal);
  if (proposal.status !== 'survey') refuseStatus(proposal, 'not_in_survey');
  checkPhotos(data.photos);
  if (data.opinion === 'conditional' && data.conditions === undefined) {
    return refuse(
      'invalid',
      'conditions_required',
      '“有条件可行”的意见须写明条件。',
      'A conditional opinion needs its conditions written down.',
    );
  }
  return [{ type: 'SiteSurveyRecorded', data }];
}

export function admitProposalToPool(
  command: AdmitProposalToPool,
  state: ProposalState,
): ProposalEventOf<'ProposalAdmittedToPool'>[] {
  const { roundTableId, note } = command.data;
  const { proposal, cycle } = requireRoundTableDecision(command, state);
  const cost = effectiveCost(proposal);
  const aboveCap = costAboveCap(cost, proposal.content.category, cycle.definition.caps);
  if (aboveCap) refuseAboveCap(aboveCap);
  return [
    {
      type: 'ProposalAdmittedToPool',
      data: {
        proposalId: proposal.proposalId,
        roundTableId,
        cost,
        ...(note === undefined ? {} : { note }),
      },
    },
  ];
}

export function rejectProposalAtRoundTable(
  command: RejectProposalAtRoundTable,
  state: ProposalState,
): ProposalEventOf<'ProposalRejectedAtRoundTable'>[] {
  requireRoundTableDecision(command, state);
  return [{ type: 'ProposalRejectedAtRoundTable', data: command.data }];
}

export function returnProposalForRevision(
  command: ReturnProposalForRevision,
  state: ProposalState,
): ProposalEventOf<'ProposalReturnedForRevision'>[] {
  requireRoundTableDecision(command, state);
  return [{ type: 'ProposalReturnedForRevision', data: command.data }];
}

/** The proposal and its cycle, if the round-table named may decide on it now. */
function requireRoundTableDecision(
  command: AdmitProposalToPool | RejectProposalAtRoundTable | ReturnProposalForRevision,
  state: ProposalState,
): { proposal: Proposal; cycle: PublishedCycle } {
  const proposal = requireProposal(state, command.data.proposalId);
  const cycle = requireScreening(command.cycle, proposal);
  requireRoundTable(command.roundTable, proposal, command.data.roundTableId);
  if (!screenableStatuses.includes(proposal.status)) refuseStatus(proposal, 'not_screenable');
  return { proposal, cycle };
}

function requireRoundTable(
  roundTable: RoundTableState,
  proposal: Proposal,
  roundTableId: string,
): void {
  if (roundTable.status === 'none') {
    return refuse(
      'not_found',
      'roundtable_not_found',
      `找不到邻里圆桌会记录（编号 ${roundTableId}）。`,
      `There is no round-table with id ${roundTableId}.`,
    );
  }
  if (roundTable.cycleId !== proposal.cycleId || roundTable.communityId !== proposal.communityId) {
    refuse(
      'invalid',
      'roundtable_other_community',
      '这次邻里圆桌会不是为本社区本周期召开的。',
      'That round-table was not held for this community and cycle.',
    );
  }
}
