// The status each proposal event moves its proposal to, as read models show it. The proposal
// read model keeps the status; the feedback read model only whether a proposal is in the pool.
import type { ProposalDisplayStatus, ProposalEvent } from '@gongzhi/domain';

/** The status after `event`; undefined for events that leave the status as it was. */
export function statusSetBy(event: ProposalEvent): ProposalDisplayStatus | undefined {
  switch (event.type) {
    case 'ProposalWithdrawn':
      return 'withdrawn';
    case 'ProposalMerged':
      return 'merged';
    case 'ProposalMarkedInfeasible':
      return 'infeasible';
    case 'ProposalSentToSurvey':
      return 'survey';
    case 'ProposalAdmittedToPool':
      return 'pool';
    case 'ProposalRejectedAtRoundTable':
      return 'rejected';
    case 'ProposalReturnedForRevision':
      return 'returned';
    case 'ProposalResubmitted':
      return 'resubmitted';
    default:
      return undefined;
  }
}
