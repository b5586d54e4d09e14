import { describe, expect, it } from 'vitest';
import {
  feedbackDecider,
  proposalDecider,
  proposalNotice,
  tallyOutcome,
} from '../../src/proposal/index.ts';
import type { FeedbackCommand, ProposalEvent } from '../../src/proposal/index.ts';
import type { TallyState } from '../../src/ballot/index.ts';
import type { CycleState } from '../../src/cycle/index.ts';
import { given, refused } from '../given.ts';
import { cycleAt, residentOf } from '../cycle/fixtures.ts';
import { admitted, folded, submitted, withdrawn } from './fixtures.ts';

const history = (...events: ProposalEvent[]) => events;

/** 湖畔社区's tally: p2 won, p1 lost. */
const tally = (winners = ['p2']): TallyState => ({
  status: 'tallied',
  tallies: 1,
  last: {
    cycleId: 'c2025',
    communityId: 'hupan',
    rule: 'greedy',
    pbRule: 'greedy',
    budget: 20_000_000,
    inputDigest: '0'.repeat(64),
    ballotCount: 12,
    projects: [
      { proposalId: 'p2', cost: 2_000_000, votes: 9 },
      { proposalId: 'p1', cost: 2_000_000, votes: 3 },
    ],
    winners,
    budgetUsed: 2_000_000,
    tieBreak: 'project-id-code-point',
  },
});

const publicity = cycleAt('publicity');
type Published = Extract<CycleState, { status: 'published' }>;
const published = (phase: Published['phase'], changes: Partial<Published> = {}): Published => ({
  ...(cycleAt(phase) as Published),
  ...changes,
});
const nextCycle = published('proposing', { cycleId: 'c2026' });

const give = (
  changes: Partial<Extract<FeedbackCommand, { type: 'GiveFeedback' }>['data']> = {},
  context: { cycle?: CycleState; tally?: TallyState } = {},
) =>
  ({
    type: 'GiveFeedback',
    data: {
      proposalId: 'p1',
      reason: '票数不足,本社区预算优先用于得票更多的项目。',
      suggestions: '可缩小规模,先在步道一侧加装三张座椅。',
      givenBy: 'community_worker',
      ...changes,
    },
    cycle: context.cycle ?? publicity,
    tally: context.tally ?? tally(),
  }) satisfies FeedbackCommand;

const feedbackGiven: ProposalEvent = {
  type: 'ProposalFeedbackGiven',
  data: {
    proposalId: 'p1',
    reason: '票数不足,本社区预算优先用于得票更多的项目。',
    suggestions: '可缩小规模,先在步道一侧加装三张座椅。',
    givenBy: 'community_worker',
  },
};

const post = (from: 'author' | 'community', byResidentId?: string) =>
  ({
    type: 'PostFeedbackMessage',
    data: {
      proposalId: 'p1',
      from,
      text: '谢谢,下一期我会改成三张座椅。',
      ...(byResidentId === undefined ? {} : { byResidentId }),
    },
  }) satisfies FeedbackCommand;

const targetId = (context: { target?: CycleState }) => {
  const target = context.target ?? nextCycle;
  return target.status === 'none' ? 'c-none' : target.cycleId;
};

const carry = (
  context: { cycle?: CycleState; target?: CycleState; by?: string; to?: string } = {},
) =>
  ({
    type: 'CarryProposalForward',
    data: {
      proposalId: 'p1',
      toProposalId: context.to ?? 'p9',
      toCycleId: targetId(context),
      byResidentId: context.by ?? 'r1',
    },
    cycle: context.cycle ?? publicity,
    tally: tally(),
    target: context.target ?? nextCycle,
  }) satisfies FeedbackCommand;

describe('feedback on a proposal not selected', () => {
  const lost = history(submitted, admitted);

  it('is given by a worker once the vote has closed', () => {
    given(feedbackDecider, lost).when(give()).then([feedbackGiven]);
    given(feedbackDecider, lost)
      .when(give({}, { cycle: cycleAt('implementing') }))
      .then([feedbackGiven]);
  });

  it('is given by residents’ representatives, named, and only then names them', () => {
    given(feedbackDecider, lost)
      .when(give({ givenBy: 'resident_representatives', representatives: ['周建国', '吴小梅'] }))
      .then([
        {
          type: 'ProposalFeedbackGiven',
          data: {
            ...feedbackGiven.data,
            givenBy: 'resident_representatives',
            representatives: ['周建国', '吴小梅'],
          },
        } as ProposalEvent,
      ]);
    given(feedbackDecider, lost)
      .when(give({ givenBy: 'resident_representatives' }))
      .then(refused('invalid', 'representatives_required'));
    given(feedbackDecider, lost)
      .when(give({ representatives: ['周建国'] }))
      .then(refused('invalid', 'representatives_not_expected'));
  });

  it('is refused before the vote closes, for winners, outside the pool, uncounted, or twice', () => {
    given(feedbackDecider, lost)
      .when(give({}, { cycle: cycleAt('voting') }))
      .then(refused('conflict', 'vote_not_closed'));
    given(feedbackDecider, lost)
      .when(give({}, { tally: tally(['p1']) }))
      .then(refused('conflict', 'proposal_selected'));
    given(feedbackDecider, lost)
      .when(give({}, { tally: { status: 'none' } }))
      .then(refused('conflict', 'not_tallied'));
    given(feedbackDecider, history(submitted, withdrawn))
      .when(give())
      .then(refused('conflict', 'not_in_pool'));
    given(feedbackDecider, [...lost, feedbackGiven])
      .when(give())
      .then(refused('conflict', 'feedback_given'));
    given(feedbackDecider, []).when(give()).then(refused('not_found', 'proposal_not_found'));
  });

  it('tells the authors, not the co-signers, with the reason and suggestions', () => {
    const events = history(submitted, admitted, {
      type: 'ProposalCoSigned',
      data: { proposalId: 'p1', residentId: 'r5' },
    });
    const notice = proposalNotice(feedbackGiven, folded([...events, feedbackGiven]));
    expect(notice?.recipients).toEqual(['r1']);
    expect(notice?.message['zh-CN']).toContain('未能入选');
    expect(notice?.message['zh-CN']).toContain('加装三张座椅');
    expect(notice?.message.en).toContain('not selected');
  });

  it('says how a proposal fared in the tally', () => {
    expect(tallyOutcome(tally(), 'p1')).toBe('not_selected');
    expect(tallyOutcome(tally(), 'p2')).toBe('selected');
    expect(tallyOutcome(tally(), 'p3')).toBe('not_counted');
    expect(tallyOutcome({ status: 'none' }, 'p1')).toBe('not_counted');
  });
});

describe('the feedback thread', () => {
  const withFeedback = history(submitted, admitted, feedbackGiven);

  it('takes the author’s and the community’s messages after the feedback', () => {
    given(feedbackDecider, withFeedback)
      .when(post('author', 'r1'))
      .then([
        {
          type: 'ProposalFeedbackMessagePosted',
          data: { proposalId: 'p1', from: 'author', text: '谢谢,下一期我会改成三张座椅。' },
        },
      ]);
    given(feedbackDecider, withFeedback)
      .when(post('community'))
      .then([
        {
          type: 'ProposalFeedbackMessagePosted',
          data: { proposalId: 'p1', from: 'community', text: '谢谢,下一期我会改成三张座椅。' },
        },
      ]);
  });

  it('refuses a message before feedback, or as the author by someone else', () => {
    given(feedbackDecider, history(submitted, admitted))
      .when(post('community'))
      .then(refused('conflict', 'no_feedback_yet'));
    given(feedbackDecider, withFeedback)
      .when(post('author', 'r2'))
      .then(refused('forbidden', 'not_author'));
  });

  it('takes the message of an author of a duplicate merged into it', () => {
    const absorbed: ProposalEvent = {
      type: 'ProposalAbsorbed',
      data: {
        proposalId: 'p1',
        fromProposalId: 'p2',
        fromTitle: '长椅',
        authors: ['r2'],
        coSigners: [],
      },
    };
    given(feedbackDecider, [submitted, absorbed, admitted, feedbackGiven])
      .when(post('author', 'r2'))
      .then([
        {
          type: 'ProposalFeedbackMessagePosted',
          data: { proposalId: 'p1', from: 'author', text: '谢谢,下一期我会改成三张座椅。' },
        },
      ]);
  });

  it('tells the author of the community’s replies only', () => {
    const state = folded(withFeedback);
    const reply = (from: 'author' | 'community'): ProposalEvent => ({
      type: 'ProposalFeedbackMessagePosted',
      data: { proposalId: 'p1', from, text: '可以先做三张。' },
    });
    expect(proposalNotice(reply('community'), state)?.recipients).toEqual(['r1']);
    expect(proposalNotice(reply('author'), state)).toBeUndefined();
  });
});

describe('carrying a proposal forward', () => {
  const lost = history(submitted, admitted);
  const carried: ProposalEvent = {
    type: 'ProposalCarriedForward',
    data: { proposalId: 'p1', toProposalId: 'p9', toCycleId: 'c2026' },
  };

  it('is recorded on the old proposal by its author, and once', () => {
    given(feedbackDecider, lost).when(carry()).then([carried]);
    // A retry of the same carrying finds it done.
    given(feedbackDecider, [...lost, carried])
      .when(carry())
      .then([]);
    given(feedbackDecider, [...lost, carried])
      .when(carry({ to: 'p10' }))
      .then(refused('conflict', 'already_carried'));
    given(feedbackDecider, lost)
      .when(carry({ by: 'r2' }))
      .then(refused('forbidden', 'not_author'));
  });

  it('goes only into another cycle of the same street, after the vote', () => {
    given(feedbackDecider, lost)
      .when(carry({ target: published('proposing', { cycleId: 'c2026', streetId: 'qinchuan' }) }))
      .then(refused('invalid', 'carry_other_street'));
    given(feedbackDecider, lost)
      .when(carry({ target: publicity }))
      .then(refused('invalid', 'carry_same_cycle'));
    given(feedbackDecider, lost)
      .when(carry({ cycle: cycleAt('voting') }))
      .then(refused('conflict', 'vote_not_closed'));
  });

  it('submits the new proposal under the target cycle’s rules, naming where it came from', () => {
    const { streetId: _streetId, ...data } = submitted.data;
    const submit = (cycle: CycleState) => ({
      type: 'SubmitProposal' as const,
      data: { ...data, proposalId: 'p9', cycleId: 'c2026' },
      cycle,
      author: residentOf('hupan'),
      today: '2026-03-05',
      carriedFrom: { proposalId: 'p1', cycleId: 'c2025' },
    });
    given(proposalDecider, [])
      .when(submit(nextCycle))
      .then([
        {
          type: 'ProposalSubmitted',
          data: { ...submitted.data, proposalId: 'p9', cycleId: 'c2026' },
        },
        {
          type: 'ProposalCarriedFrom',
          data: { proposalId: 'p9', fromProposalId: 'p1', fromCycleId: 'c2025' },
        },
      ]);
    given(proposalDecider, [])
      .when(submit(published('screening', { cycleId: 'c2026' })))
      .then(refused('conflict', 'not_proposing'));
    const state = folded([
      { type: 'ProposalSubmitted', data: { ...submitted.data, proposalId: 'p9' } },
      {
        type: 'ProposalCarriedFrom',
        data: { proposalId: 'p9', fromProposalId: 'p1', fromCycleId: 'c2025' },
      },
    ]);
    expect(state.carriedFrom).toBe('p1');
    expect(folded([...lost, carried]).carriedTo).toBe('p9');
  });
});
