// Feedback to authors of pool proposals that were not selected (意见共商), on the proposal's own
// stream `proposal-<proposalId>`:
//
//   pool ─(vote closed, not among the tally's winners)─ feedback given ─ messages … (a thread)
//                                                     └ carried forward (into a later cycle)
//
// Feedback is given once, by a community worker or by residents' representatives (recorded by a
// worker, naming them); the thread then holds the author's and the community's messages in order.
// The author may carry the proposal into another cycle of the same street that is open for
// proposals: the new proposal is submitted under that cycle's rules by `submitProposal`, and the
// two streams name each other (ProposalCarriedForward here, ProposalCarriedFrom there).
//
// `cycle` is the proposal's cycle, `tally` the community's tally folded from
// `tally-<cycleId>-<communityId>` (the last count stands), `target` the cycle carried into.
import { refuse } from '../../shared/errors.ts';
import { requirePhase, type CycleState } from '../../cycle/state.ts';
import type { TallyState } from '../../ballot/tally.ts';
import type { FeedbackGiver, FeedbackSender, ProposalEventOf } from '../events.ts';
import type { Proposal, ProposalState } from '../state.ts';
import { refuseStatus, requireAuthor, requireProposal } from './rules.ts';

export interface GiveFeedback {
  type: 'GiveFeedback';
  data: {
    proposalId: string;
    reason: string;
    suggestions: string;
    givenBy: FeedbackGiver;
    representatives?: string[] | undefined;
  };
  cycle: CycleState;
  tally: TallyState;
}

export interface PostFeedbackMessage {
  type: 'PostFeedbackMessage';
  /** `byResidentId`: the author (any of them) the message is written for, from the author. */
  data: { proposalId: string; from: FeedbackSender; text: string; byResidentId?: string };
}

export interface CarryProposalForward {
  type: 'CarryProposalForward';
  data: { proposalId: string; toProposalId: string; toCycleId: string; byResidentId: string };
  cycle: CycleState;
  tally: TallyState;
  /** The cycle carried into. */
  target: CycleState;
}

/** The phases after the vote closed. */
const afterVote = ['publicity', 'implementing', 'evaluating', 'closed'] as const;

/** How a pool proposal fared in its community's last tally. */
export type TallyOutcome = 'selected' | 'not_selected' | 'not_counted';

export function tallyOutcome(tally: TallyState, proposalId: string): TallyOutcome {
  if (tally.status !== 'tallied') return 'not_counted';
  if (tally.last.winners.includes(proposalId)) return 'selected';
  return tally.last.projects.some((p) => p.proposalId === proposalId)
    ? 'not_selected'
    : 'not_counted';
}

export function giveFeedback(
  command: GiveFeedback,
  state: ProposalState,
): ProposalEventOf<'ProposalFeedbackGiven'>[] {
  const { proposalId, reason, suggestions, givenBy, representatives } = command.data;
  const proposal = requireNotSelected(state, proposalId, command.cycle, command.tally, {
    zh: '投票结束（进入公示）后才能反馈未入选原因',
    en: 'feedback on proposals not selected is given once voting has closed (publicity)',
  });
  if (proposal.feedbackGiven) {
    return refuse(
      'conflict',
      'feedback_given',
      `建议「${proposal.content.title}」已经反馈过意见；请在意见交流中继续沟通。`,
      `Feedback on “${proposal.content.title}” has already been given; continue in its thread.`,
    );
  }
  const named = givenBy === 'resident_representatives';
  if (named !== (representatives !== undefined && representatives.length > 0)) {
    return refuse(
      'invalid',
      named ? 'representatives_required' : 'representatives_not_expected',
      named ? '请填写提出意见的居民代表姓名。' : '社区工作者反馈时不填写居民代表。',
      named
        ? 'Name the residents’ representatives who gave the feedback.'
        : 'Representatives are named only when they gave the feedback.',
    );
  }
  return [
    {
      type: 'ProposalFeedbackGiven',
      data: {
        proposalId,
        reason,
        suggestions,
        givenBy,
        ...(named ? { representatives } : {}),
      },
    },
  ];
}

export function postFeedbackMessage(
  command: PostFeedbackMessage,
  state: ProposalState,
): ProposalEventOf<'ProposalFeedbackMessagePosted'>[] {
  const { proposalId, from, text, byResidentId } = command.data;
  const proposal = requireProposal(state, proposalId);
  if (!proposal.feedbackGiven) {
    return refuse(
      'conflict',
      'no_feedback_yet',
      `建议「${proposal.content.title}」还没有反馈意见，意见交流在反馈之后开始。`,
      `No feedback has been given on “${proposal.content.title}” yet; the thread starts with it.`,
    );
  }
  // Every author was told (those of merged duplicates too), so every author may answer.
  if (from === 'author' && !proposal.authors.includes(byResidentId ?? '')) {
    return refuse(
      'forbidden',
      'not_author',
      '只有提议人本人（或其代办人）才能在意见交流中以提议人名义留言。',
      'Only an author (or their proxy) can write in the thread as the author.',
    );
  }
  return [{ type: 'ProposalFeedbackMessagePosted', data: { proposalId, from, text } }];
}

export function carryProposalForward(
  command: CarryProposalForward,
  state: ProposalState,
): ProposalEventOf<'ProposalCarriedForward'>[] {
  const { proposalId, toProposalId, toCycleId, byResidentId } = command.data;
  const proposal = requireNotSelected(state, proposalId, command.cycle, command.tally, {
    zh: '投票结束后未入选的建议才能转入下一周期',
    en: 'a proposal can be carried forward once voting has closed and it was not selected',
  });
  requireAuthor(proposal, byResidentId);
  // A retry after the new proposal failed to be written finds this done and goes on.
  if (proposal.carriedTo === toProposalId) return [];
  if (proposal.carriedTo !== undefined) {
    return refuse(
      'conflict',
      'already_carried',
      `建议「${proposal.content.title}」已经转入下一周期（新建议编号 ${proposal.carriedTo}）。`,
      `The proposal “${proposal.content.title}” has already been carried forward (new proposal ${proposal.carriedTo}).`,
    );
  }
  const { target } = command;
  if (target.status === 'published' && target.streetId !== proposal.streetId) {
    return refuse(
      'invalid',
      'carry_other_street',
      '只能转入本街道的项目周期。',
      'A proposal can be carried only into a cycle of its own street.',
    );
  }
  if (toCycleId === proposal.cycleId) {
    return refuse(
      'invalid',
      'carry_same_cycle',
      '请选择下一个项目周期，而不是原周期。',
      'Choose a later cycle, not the one the proposal was in.',
    );
  }
  // The target's phase, community and caps are judged by the submission it leads to.
  return [{ type: 'ProposalCarriedForward', data: { proposalId, toProposalId, toCycleId } }];
}

/** The proposal, once the vote has closed, if it was in the pool and not selected. */
function requireNotSelected(
  state: ProposalState,
  proposalId: string,
  cycle: CycleState,
  tally: TallyState,
  closed: { zh: string; en: string },
): Proposal {
  const proposal = requireProposal(state, proposalId);
  requirePhase(cycle, proposal.cycleId, afterVote, { code: 'vote_not_closed', ...closed });
  if (proposal.status !== 'pool') refuseStatus(proposal, 'not_in_pool');
  switch (tallyOutcome(tally, proposalId)) {
    case 'selected':
      return refuse(
        'conflict',
        'proposal_selected',
        `建议「${proposal.content.title}」已入选，无需反馈未入选原因。`,
        `The proposal “${proposal.content.title}” was selected; there is no reason for not selecting it to give.`,
      );
    case 'not_counted':
      return refuse(
        'conflict',
        'not_tallied',
        '本社区的投票还没有计票结果。',
        'The vote of this community has not been counted yet.',
      );
    case 'not_selected':
      return proposal;
  }
}
