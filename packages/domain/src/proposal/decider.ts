// The proposal stream's deciders: `decide` only says which command function decides a command.
// The decider does no I/O: the command handler passes what other streams say (the cycle, the
// residents, the round-table, the other proposal of a merge, the tally), folded from them.
//
// Two deciders share the stream and its state: `proposalDecider` until the vote,
// `feedbackDecider` after it (feedback to authors not selected, carrying a proposal forward).
import type { Decider } from '../shared/decider.ts';
import {
  carryProposalForward,
  giveFeedback,
  postFeedbackMessage,
  type CarryProposalForward,
  type GiveFeedback,
  type PostFeedbackMessage,
} from './commands/feedback.ts';
import {
  absorbProposal,
  mergeProposal,
  type AbsorbProposal,
  type MergeProposal,
} from './commands/merging.ts';
import {
  admitProposalToPool,
  markProposalInfeasible,
  recordSiteSurvey,
  rejectProposalAtRoundTable,
  returnProposalForRevision,
  sendProposalToSurvey,
  type AdmitProposalToPool,
  type MarkProposalInfeasible,
  type RecordSiteSurvey,
  type RejectProposalAtRoundTable,
  type ReturnProposalForRevision,
  type SendProposalToSurvey,
} from './commands/screening.ts';
import {
  coSignProposal,
  editProposal,
  resubmitProposal,
  submitProposal,
  withdrawProposal,
  type CoSignProposal,
  type EditProposal,
  type ResubmitProposal,
  type SubmitProposal,
  type WithdrawProposal,
} from './commands/submission.ts';
import {
  evolveProposal,
  initialProposalState,
  type ProposalEvent,
  type ProposalState,
} from './state.ts';

export type ProposalCommand =
  | SubmitProposal
  | EditProposal
  | WithdrawProposal
  | CoSignProposal
  | MergeProposal
  | AbsorbProposal
  | MarkProposalInfeasible
  | SendProposalToSurvey
  | RecordSiteSurvey
  | AdmitProposalToPool
  | RejectProposalAtRoundTable
  | ReturnProposalForRevision
  | ResubmitProposal;

export function decideProposal(command: ProposalCommand, state: ProposalState): ProposalEvent[] {
  switch (command.type) {
    case 'SubmitProposal':
      return submitProposal(command, state);
    case 'EditProposal':
      return editProposal(command, state);
    case 'WithdrawProposal':
      return withdrawProposal(command, state);
    case 'CoSignProposal':
      return coSignProposal(command, state);
    case 'MergeProposal':
      return mergeProposal(command, state);
    case 'AbsorbProposal':
      return absorbProposal(command, state);
    case 'MarkProposalInfeasible':
      return markProposalInfeasible(command, state);
    case 'SendProposalToSurvey':
      return sendProposalToSurvey(command, state);
    case 'RecordSiteSurvey':
      return recordSiteSurvey(command, state);
    case 'AdmitProposalToPool':
      return admitProposalToPool(command, state);
    case 'RejectProposalAtRoundTable':
      return rejectProposalAtRoundTable(command, state);
    case 'ReturnProposalForRevision':
      return returnProposalForRevision(command, state);
    case 'ResubmitProposal':
      return resubmitProposal(command, state);
  }
}

export const proposalDecider: Decider<ProposalCommand, ProposalEvent, ProposalState> = {
  initialState: initialProposalState,
  evolve: evolveProposal,
  decide: decideProposal,
};

export type FeedbackCommand = GiveFeedback | PostFeedbackMessage | CarryProposalForward;

export function decideFeedback(command: FeedbackCommand, state: ProposalState): ProposalEvent[] {
  switch (command.type) {
    case 'GiveFeedback':
      return giveFeedback(command, state);
    case 'PostFeedbackMessage':
      return postFeedbackMessage(command, state);
    case 'CarryProposalForward':
      return carryProposalForward(command, state);
  }
}

export const feedbackDecider: Decider<FeedbackCommand, ProposalEvent, ProposalState> = {
  initialState: initialProposalState,
  evolve: evolveProposal,
  decide: decideFeedback,
};
