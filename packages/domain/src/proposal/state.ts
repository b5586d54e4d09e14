// A resident's proposal for a cycle (建议共提, 筛选共议): stream `proposal-<proposalId>`.
//
//   submitted ─(edited…)─┬─ survey ─┬─ pool          (round-table: into the project pool)
//   (under screening once │          ├─ rejected      (round-table, with a reason)
//    the cycle screens)   │          └─ returned ─ resubmitted ─ … (round-table: to revise)
//                         ├─ infeasible                (a worker, with a reason)
//                         ├─ merged                    (into a duplicate, which absorbs it)
//                         └─ withdrawn                 (by the author)
//
// The state folded from the stream; the commands that append to it are in commands/, wired in
// decider.ts.
import { proposalEventTypes } from './events.ts';
import type { ProposalChannel, ProposalContent, ProposalEventOf } from './events.ts';
import type { ProposalStatus } from './status.ts';

export interface Proposal {
  status: ProposalStatus;
  proposalId: string;
  cycleId: string;
  streetId: string;
  communityId: string;
  /** Who submitted it; the one author who may edit, withdraw and resubmit. */
  authorResidentId: string;
  channel: ProposalChannel;
  content: ProposalContent;
  /** The submitting author first, then authors of merged duplicates. */
  authors: string[];
  coSigners: string[];
  /** The last site survey's revised cost, until a resubmission changes the estimate. */
  revisedCost: number | undefined;
  mergedInto: string | undefined;
  /** Proposals merged into this one. */
  absorbed: string[];
  /**
   * After the vote (commands/feedback.ts): whether the author has been given feedback, the
   * proposal it was carried into, and the one it was carried from. Optional, as states stored
   * before them lack them.
   */
  feedbackGiven?: boolean;
  carriedTo?: string;
  carriedFrom?: string;
}

export type ProposalState = { status: 'none' } | Proposal;

export type ProposalEvent = ProposalEventOf<
  | 'ProposalSubmitted'
  | 'ProposalEdited'
  | 'ProposalWithdrawn'
  | 'ProposalCoSigned'
  | 'ProposalMerged'
  | 'ProposalAbsorbed'
  | 'ProposalMarkedInfeasible'
  | 'ProposalSentToSurvey'
  | 'SiteSurveyRecorded'
  | 'ProposalAdmittedToPool'
  | 'ProposalRejectedAtRoundTable'
  | 'ProposalReturnedForRevision'
  | 'ProposalResubmitted'
  | 'ProposalFeedbackGiven'
  | 'ProposalFeedbackMessagePosted'
  | 'ProposalCarriedForward'
  | 'ProposalCarriedFrom'
>;

/** The event types of a proposal's own stream: all of the module's but the round-table's. */
export const proposalStreamEventTypes = proposalEventTypes.filter(
  (type): type is ProposalEvent['type'] => type !== 'RoundTableHeld',
);

/** The residents concerned by a proposal: its authors and co-signers. */
export const participantsOf = (proposal: Proposal): string[] => [
  ...proposal.authors,
  ...proposal.coSigners,
];

/** The cost the proposal would be funded at: the surveyed cost, else the author's estimate. */
export const effectiveCost = (proposal: Proposal): number =>
  proposal.revisedCost ?? proposal.content.estimatedCost;

export const initialProposalState = (): ProposalState => ({ status: 'none' });

export function evolveProposal(state: ProposalState, event: ProposalEvent): ProposalState {
  if (event.type === 'ProposalSubmitted') {
    const { proposalId, cycleId, streetId, communityId, authorResidentId, channel } = event.data;
    const { title, description, category, estimatedCost, location, photos } = event.data;
    return {
      status: 'submitted',
      proposalId,
      cycleId,
      streetId,
      communityId,
      authorResidentId,
      channel,
      content: { title, description, category, estimatedCost, location, photos },
      authors: [authorResidentId],
      coSigners: [],
      revisedCost: undefined,
      mergedInto: undefined,
      absorbed: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ProposalEdited':
      return { ...state, content: { ...state.content, ...event.data.changes } };
    case 'ProposalWithdrawn':
      return { ...state, status: 'withdrawn' };
    case 'ProposalCoSigned':
      return { ...state, coSigners: [...state.coSigners, event.data.residentId] };
    case 'ProposalMerged':
      return { ...state, status: 'merged', mergedInto: event.data.intoProposalId };
    case 'ProposalAbsorbed': {
      const { authors, coSigners, fromProposalId } = event.data;
      return {
        ...state,
        authors: [...state.authors, ...authors],
        coSigners: [...state.coSigners.filter((c) => !authors.includes(c)), ...coSigners],
        absorbed: [...state.absorbed, fromProposalId],
      };
    }
    case 'ProposalMarkedInfeasible':
      return { ...state, status: 'infeasible' };
    case 'ProposalSentToSurvey':
      return { ...state, status: 'survey' };
    case 'SiteSurveyRecorded':
      return event.data.revisedCost === undefined
        ? state
        : { ...state, revisedCost: event.data.revisedCost };
    case 'ProposalAdmittedToPool':
      return { ...state, status: 'pool' };
    case 'ProposalRejectedAtRoundTable':
      return { ...state, status: 'rejected' };
    case 'ProposalReturnedForRevision':
      return { ...state, status: 'returned' };
    case 'ProposalResubmitted':
      return {
        ...state,
        status: 'resubmitted',
        content: { ...state.content, ...event.data.changes },
        // A new estimate replaces the surveyed cost until the proposal is surveyed again.
        revisedCost: event.data.changes.estimatedCost === undefined ? state.revisedCost : undefined,
      };
    case 'ProposalFeedbackGiven':
      return { ...state, feedbackGiven: true };
    case 'ProposalFeedbackMessagePosted':
      return state;
    case 'ProposalCarriedForward':
      return { ...state, carriedTo: event.data.toProposalId };
    case 'ProposalCarriedFrom':
      return { ...state, carriedFrom: event.data.fromProposalId };
  }
}
