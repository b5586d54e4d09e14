import { describe, expect, it } from 'vitest';
import { given, refused } from '../given.ts';
import {
  ballotDecider,
  parseBallotEvent,
  receiptSchema,
  tallyDecider,
} from '../../src/ballot/index.ts';
import type { BallotCommand, BallotEvent, TallyCommand } from '../../src/ballot/index.ts';
import type { CycleState } from '../../src/cycle/index.ts';
import { cycleAt, definition, residentOf } from '../cycle/fixtures.ts';

const pool = [
  { proposalId: 'p1', cost: 8_000_000 },
  { proposalId: 'p2', cost: 9_000_000 },
  { proposalId: 'p3', cost: 5_000_000 },
  { proposalId: 'p4', cost: 1_000_000 },
];

const cast = (
  choices: string[],
  overrides: Partial<Omit<BallotCommand, 'type' | 'data'>> & { communityId?: string } = {},
): BallotCommand => ({
  type: 'CastBallot',
  data: {
    cycleId: 'c2025',
    communityId: overrides.communityId ?? 'hupan',
    voterId: 'r1',
    choices,
    sealed: 'v1.sealed',
  },
  cycle: overrides.cycle ?? cycleAt('voting'),
  voter: overrides.voter ?? residentOf('hupan'),
  pool: overrides.pool ?? pool,
});

const castEvent: BallotEvent = {
  type: 'BallotCast',
  data: { cycleId: 'c2025', communityId: 'hupan', voterId: 'r1', sealed: 'v1.first' },
};

const knapsack: CycleState = {
  ...(cycleAt('voting') as Extract<CycleState, { status: 'published' }>),
  definition: { ...definition, ballot: { kind: 'knapsack' } },
};

const atLeastTwo: CycleState = {
  ...(cycleAt('voting') as Extract<CycleState, { status: 'published' }>),
  definition: { ...definition, ballot: { kind: 'approval', maxProjects: 3, minProjects: 2 } },
};

describe('casting a ballot', () => {
  it('records the first ballot as cast, sealed', () => {
    given(ballotDecider, [])
      .when(cast(['p1', 'p3']))
      .then([
        {
          type: 'BallotCast',
          data: { cycleId: 'c2025', communityId: 'hupan', voterId: 'r1', sealed: 'v1.sealed' },
        },
      ]);
  });

  it('records a later ballot as a change of the same ballot', () => {
    given(ballotDecider, [castEvent])
      .when(cast(['p2']))
      .then([
        {
          type: 'BallotChanged',
          data: { cycleId: 'c2025', communityId: 'hupan', voterId: 'r1', sealed: 'v1.sealed' },
        },
      ]);
  });

  it('counts versions and keeps the last sealed content', () => {
    const changed: BallotEvent = { ...castEvent, type: 'BallotChanged' };
    const state = [castEvent, { ...changed, data: { ...changed.data, sealed: 'v1.last' } }].reduce(
      ballotDecider.evolve,
      ballotDecider.initialState(),
    );
    expect(state).toMatchObject({ status: 'cast', versions: 2, sealed: 'v1.last' });
  });

  it('refuses outside voting, before and after', () => {
    given(ballotDecider, [])
      .when(cast(['p1'], { cycle: cycleAt('screening') }))
      .then(refused('conflict', 'not_voting'));
    given(ballotDecider, [castEvent])
      .when(cast(['p1'], { cycle: cycleAt('publicity') }))
      .then(refused('conflict', 'not_voting'));
  });

  it('refuses a cycle that is not published', () => {
    given(ballotDecider, [])
      .when(cast(['p1'], { cycle: { status: 'none' } }))
      .then(refused('not_found', 'cycle_not_found'));
  });

  it('refuses a community outside the cycle', () => {
    given(ballotDecider, [])
      .when(cast(['p1'], { communityId: 'qinhe', voter: residentOf('qinhe') }))
      .then(refused('invalid', 'community_not_in_cycle'));
  });

  it('refuses voters who are not eligible: unregistered, untied, unverified, too young', () => {
    given(ballotDecider, [])
      .when(cast(['p1'], { voter: { status: 'none' } }))
      .then(refused('forbidden', 'not_eligible'));
    given(ballotDecider, [])
      .when(cast(['p1'], { voter: residentOf('binhu') }))
      .then(refused('forbidden', 'not_eligible'));
    given(ballotDecider, [])
      .when(
        cast(['p1'], {
          voter: {
            status: 'active',
            birthYear: 1960,
            ties: [{ communityId: 'hupan', kind: 'lives', status: 'declared' }],
          },
        }),
      )
      .then(refused('forbidden', 'not_eligible'));
    // minAge 16 on 2025-05-01: born 2010 is 15.
    given(ballotDecider, [])
      .when(cast(['p1'], { voter: residentOf('hupan', 2010) }))
      .then(refused('forbidden', 'not_eligible'));
  });

  it('admits a voter who turns the minimum age during the voting year', () => {
    given(ballotDecider, [])
      .when(cast(['p1'], { voter: residentOf('hupan', 2009) }))
      .then([
        {
          type: 'BallotCast',
          data: { cycleId: 'c2025', communityId: 'hupan', voterId: 'r1', sealed: 'v1.sealed' },
        },
      ]);
  });

  it('refuses choices outside the pool, repeated, too many or too few', () => {
    given(ballotDecider, [])
      .when(cast(['p9']))
      .then(refused('invalid', 'choice_not_in_pool'));
    given(ballotDecider, [])
      .when(cast(['p1', 'p1']))
      .then(refused('invalid', 'choice_repeated'));
    given(ballotDecider, [])
      .when(cast(['p1', 'p2', 'p3', 'p4']))
      .then(refused('invalid', 'too_many_choices'));
    given(ballotDecider, []).when(cast([])).then(refused('invalid', 'too_few_choices'));
    given(ballotDecider, [])
      .when(cast(['p1'], { cycle: atLeastTwo }))
      .then(refused('invalid', 'too_few_choices'));
  });

  it('takes a knapsack within the community budget and refuses one above it', () => {
    // hupan's budget is ¥200,000: p1 + p2 + p4 = ¥180,000 fits; p1 + p2 + p3 = ¥220,000 does not.
    given(ballotDecider, [])
      .when(cast(['p1', 'p2', 'p4'], { cycle: knapsack }))
      .then([
        {
          type: 'BallotCast',
          data: { cycleId: 'c2025', communityId: 'hupan', voterId: 'r1', sealed: 'v1.sealed' },
        },
      ]);
    given(ballotDecider, [])
      .when(cast(['p1', 'p2', 'p3'], { cycle: knapsack }))
      .then(refused('invalid', 'over_budget'));
    given(ballotDecider, [])
      .when(cast([], { cycle: knapsack }))
      .then(refused('invalid', 'too_few_choices'));
  });
});

const tallied = {
  cycleId: 'c2025',
  communityId: 'hupan',
  rule: 'greedy' as const,
  pbRule: 'greedy',
  budget: 20_000_000,
  inputDigest: 'a'.repeat(64),
  ballotCount: 3,
  projects: [
    { proposalId: 'p1', cost: 8_000_000, votes: 3 },
    { proposalId: 'p2', cost: 9_000_000, votes: 1 },
  ],
  winners: ['p1', 'p2'],
  budgetUsed: 17_000_000,
  tieBreak: 'project-id-code-point' as const,
};

const record = (data = tallied, cycle = cycleAt('publicity')): TallyCommand => ({
  type: 'RecordTally',
  data,
  cycle,
});

describe('recording a tally', () => {
  it('records the count once voting has closed', () => {
    given(tallyDecider, [])
      .when(record())
      .then([{ type: 'BallotsTallied', data: tallied }]);
  });

  it('records nothing when the same input is counted again, and a new count on a new input', () => {
    const first: BallotEvent = { type: 'BallotsTallied', data: tallied };
    given(tallyDecider, [first]).when(record()).then([]);
    const recount = { ...tallied, inputDigest: 'b'.repeat(64) };
    given(tallyDecider, [first])
      .when(record(recount))
      .then([{ type: 'BallotsTallied', data: recount }]);
  });

  it('counts a tally recorded before the minimum support again under it', () => {
    // p2 had 1 vote; counted before the minimum existed, the same input records the new count.
    const before: BallotEvent = { type: 'BallotsTallied', data: tallied };
    const underMinimum = { ...tallied, winners: ['p1'], budgetUsed: 8_000_000, minimumSupport: 2 };
    given(tallyDecider, [before])
      .when(record(underMinimum))
      .then([{ type: 'BallotsTallied', data: underMinimum }]);
    given(tallyDecider, [{ type: 'BallotsTallied', data: underMinimum }])
      .when(record(underMinimum))
      .then([]);
  });

  it('refuses while voting is open, for a cycle that is not published, or another community', () => {
    given(tallyDecider, [])
      .when(record(tallied, cycleAt('voting')))
      .then(refused('conflict', 'vote_not_closed'));
    given(tallyDecider, [])
      .when(record(tallied, { status: 'none' }))
      .then(refused('not_found', 'cycle_not_found'));
    given(tallyDecider, [])
      .when(record({ ...tallied, communityId: 'qinhe' }))
      .then(refused('invalid', 'community_not_in_cycle'));
  });
});

describe('ballot events', () => {
  it('parses stored events against their schema and rejects unknown types', () => {
    expect(parseBallotEvent('BallotsTallied', tallied)).toEqual({
      type: 'BallotsTallied',
      data: tallied,
    });
    expect(() => parseBallotEvent('BallotLost', {})).toThrow();
    expect(() => parseBallotEvent('BallotCast', { cycleId: 'c2025' })).toThrow();
  });

  it('accepts receipts in any case, as printed', () => {
    expect(receiptSchema.parse('abcd-efgh-jkmn-pqrs')).toBe('ABCD-EFGH-JKMN-PQRS');
    expect(receiptSchema.safeParse('ABCD-EFGH-JKMN-PQRU').success).toBe(false);
  });
});
