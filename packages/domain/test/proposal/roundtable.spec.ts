import { describe, it } from 'vitest';
import { roundTableDecider } from '../../src/proposal/index.ts';
import type { RoundTableCommand, RoundTableEvent } from '../../src/proposal/index.ts';
import type { CycleState } from '../../src/cycle/index.ts';
import { given, refused } from '../given.ts';
import { cycleAt, draftCycle } from '../cycle/fixtures.ts';

const held: RoundTableEvent = {
  type: 'RoundTableHeld',
  data: {
    roundTableId: 'rt1',
    cycleId: 'c2025',
    streetId: 'yushan',
    communityId: 'hupan',
    date: '2025-04-10',
    attendees: [
      { name: '王芳', role: 'chair' },
      { name: '陈建国', role: 'resident_representative' },
      { role: 'proposer' },
    ],
    notes: '讨论了 8 条建议。',
  },
};

const { streetId: _streetId, ...meeting } = held.data;
const record = (
  changes: Partial<typeof meeting> = {},
  cycle: CycleState = cycleAt('screening'),
  today = '2025-04-10',
) =>
  ({
    type: 'RecordRoundTable',
    data: { ...meeting, ...changes },
    cycle,
    today,
  }) satisfies RoundTableCommand;

describe('round-table', () => {
  it('records the meeting with its date and attendees, under the cycle’s street', () =>
    given(roundTableDecider, []).when(record()).then([held]));

  it('refuses recording the same meeting twice', () =>
    given(roundTableDecider, [held]).when(record()).then(refused('conflict', 'roundtable_exists')));

  it('refuses a cycle not published, or not screening', () => {
    given(roundTableDecider, [])
      .when(record({}, draftCycle))
      .then(refused('not_found', 'cycle_not_found'));
    given(roundTableDecider, [])
      .when(record({}, cycleAt('voting')))
      .then(refused('conflict', 'not_screening'));
  });

  it('refuses a community outside the cycle', () =>
    given(roundTableDecider, [])
      .when(record({ communityId: 'qinhe' }))
      .then(refused('invalid', 'community_not_in_cycle')));

  it('refuses a meeting still to come', () =>
    given(roundTableDecider, [])
      .when(record({ date: '2025-04-11' }))
      .then(refused('invalid', 'date_in_future')));
});
