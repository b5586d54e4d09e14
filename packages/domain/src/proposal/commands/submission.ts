// The author's and residents' acts on a proposal: submit it, edit it while proposing is open,
// withdraw it, co-sign it, resubmit it once the round-table returned it.
//
// Author-only acts name the resident they are done for (`byResidentId`): the author online, or
// a proxy or a worker on their behalf (the API checks the proxy or the worker's scope, and the
// event metadata records who acted and on whose behalf). `author` / `cosigner` is the resident
// folded from their stream, judged by the cycle's eligibility rule (the one that lets them vote).
import { refuse } from '../../shared/errors.ts';
import { checkEligibility, type EligibilitySubject } from '../../resident/eligibility.ts';
import { requirePhase, type CycleState } from '../../cycle/state.ts';
import type { ProposalChanges, ProposalEventData, ProposalEventOf } from '../events.ts';
import type { ProposalState } from '../state.ts';
import { changed, checkContent } from './content.ts';
import {
  refuseStatus,
  requireAuthor,
  requireOpen,
  requireProposal,
  requireScreening,
} from './rules.ts';

type Subject = EligibilitySubject | { status: 'none' };

export interface SubmitProposal {
  type: 'SubmitProposal';
  data: Omit<ProposalEventData<'ProposalSubmitted'>, 'streetId'>;
  cycle: CycleState;
  author: Subject;
  /** YYYY-MM-DD (China time), the day the author's age is counted on. */
  today: string;
  /** A proposal carried forward from an earlier cycle (commands/feedback.ts). */
  carriedFrom?: { proposalId: string; cycleId: string };
}

export interface EditProposal {
  type: 'EditProposal';
  data: { proposalId: string; byResidentId: string; changes: ProposalChanges };
  cycle: CycleState;
}

export interface WithdrawProposal {
  type: 'WithdrawProposal';
  data: { proposalId: string; byResidentId: string; reason?: string | undefined };
  cycle: CycleState;
}

export interface CoSignProposal {
  type: 'CoSignProposal';
  data: { proposalId: string; residentId: string };
  cycle: CycleState;
  cosigner: Subject;
  today: string;
}

export interface ResubmitProposal {
  type: 'ResubmitProposal';
  data: { proposalId: string; byResidentId: string; changes: ProposalChanges };
  cycle: CycleState;
}

export function submitProposal(
  command: SubmitProposal,
  state: ProposalState,
): ProposalEventOf<'ProposalSubmitted' | 'ProposalCarriedFrom'>[] {
  const { data, today } = command;
  if (state.status !== 'none') {
    return refuse(
      'conflict',
      'proposal_exists',
      `建议「${state.content.title}」已经提交过了。`,
      `The proposal “${state.content.title}” has already been submitted.`,
    );
  }
  const cycle = requirePhase(command.cycle, data.cycleId, ['proposing'], {
    code: 'not_proposing',
    zh: '只有在建议征集阶段才能提交建议',
    en: 'proposals can be submitted only while proposing is open',
  });
  const definition = cycle.definition;
  if (!definition.communities.some((c) => c.communityId === data.communityId)) {
    return refuse(
      'invalid',
      'community_not_in_cycle',
      '所选社区不在本项目周期内，请选择参加本周期的社区。',
      'The community chosen is not part of this cycle; choose one that takes part.',
    );
  }
  checkContent(data, definition);
  const eligibility = checkEligibility(command.author, {
    communityId: data.communityId,
    tieKinds: definition.eligibility.tieKinds,
    minAge: definition.eligibility.minAge,
    on: today,
  });
  if (!eligibility.eligible) {
    return refuse(
      'forbidden',
      'author_not_eligible',
      `不能在该社区提出建议：${eligibility.text['zh-CN']}`,
      `Cannot propose in this community: ${eligibility.text.en}`,
    );
  }
  const { carriedFrom } = command;
  return [
    { type: 'ProposalSubmitted', data: { ...data, streetId: cycle.streetId } },
    ...(carriedFrom === undefined
      ? []
      : [
          {
            type: 'ProposalCarriedFrom' as const,
            data: {
              proposalId: data.proposalId,
              fromProposalId: carriedFrom.proposalId,
              fromCycleId: carriedFrom.cycleId,
            },
          },
        ]),
  ];
}

export function editProposal(
  command: EditProposal,
  state: ProposalState,
): ProposalEventOf<'ProposalEdited'>[] {
  const proposal = requireProposal(state, command.data.proposalId);
  requireAuthor(proposal, command.data.byResidentId);
  const cycle = requirePhase(command.cycle, proposal.cycleId, ['proposing'], {
    code: 'editing_closed',
    zh: '筛选开始后建议不能再修改',
    en: 'proposals cannot be edited once screening has begun',
  });
  if (proposal.status !== 'submitted') refuseStatus(proposal, 'not_editable');
  return changed(proposal, command.data.changes, cycle.definition, 'ProposalEdited');
}

export function withdrawProposal(
  command: WithdrawProposal,
  state: ProposalState,
): ProposalEventOf<'ProposalWithdrawn'>[] {
  const { byResidentId, reason } = command.data;
  const proposal = requireProposal(state, command.data.proposalId);
  requireAuthor(proposal, byResidentId);
  requireOpen(proposal);
  requirePhase(command.cycle, proposal.cycleId, ['proposing', 'screening'], {
    code: 'withdrawal_closed',
    zh: '投票开始后建议不能再撤回',
    en: 'proposals cannot be withdrawn once voting has begun',
  });
  return [
    {
      type: 'ProposalWithdrawn',
      data: { proposalId: proposal.proposalId, ...(reason === undefined ? {} : { reason }) },
    },
  ];
}

export function coSignProposal(
  command: CoSignProposal,
  state: ProposalState,
): ProposalEventOf<'ProposalCoSigned'>[] {
  const { residentId } = command.data;
  const proposal = requireProposal(state, command.data.proposalId);
  requireOpen(proposal);
  const cycle = requirePhase(command.cycle, proposal.cycleId, ['proposing', 'screening'], {
    code: 'cosigning_closed',
    zh: '附议在筛选结束时截止',
    en: 'co-signing ends with screening',
  });
  if (proposal.authors.includes(residentId)) {
    return refuse(
      'invalid',
      'author_cannot_cosign',
      '提议人不能附议自己的建议。',
      'An author cannot co-sign their own proposal.',
    );
  }
  if (proposal.coSigners.includes(residentId)) {
    return refuse(
      'conflict',
      'already_cosigned',
      '您已经附议过这条建议。',
      'You have already co-signed this proposal.',
    );
  }
  const eligibility = checkEligibility(command.cosigner, {
    communityId: proposal.communityId,
    tieKinds: cycle.definition.eligibility.tieKinds,
    minAge: cycle.definition.eligibility.minAge,
    on: command.today,
  });
  if (!eligibility.eligible) {
    return refuse(
      'forbidden',
      'cosigner_not_eligible',
      `不能附议该社区的建议：${eligibility.text['zh-CN']}`,
      `Cannot co-sign proposals of this community: ${eligibility.text.en}`,
    );
  }
  return [{ type: 'ProposalCoSigned', data: { proposalId: proposal.proposalId, residentId } }];
}

export function resubmitProposal(
  command: ResubmitProposal,
  state: ProposalState,
): ProposalEventOf<'ProposalResubmitted'>[] {
  const proposal = requireProposal(state, command.data.proposalId);
  requireAuthor(proposal, command.data.byResidentId);
  const cycle = requireScreening(command.cycle, proposal);
  if (proposal.status !== 'returned') refuseStatus(proposal, 'not_returned');
  const [edited] = changed(proposal, command.data.changes, cycle.definition, 'ProposalResubmitted');
  // Resubmitting as it is (the revision was agreed in person) is still a resubmission.
  return [
    edited ?? {
      type: 'ProposalResubmitted',
      data: { proposalId: proposal.proposalId, changes: {}, previous: {} },
    },
  ];
}
