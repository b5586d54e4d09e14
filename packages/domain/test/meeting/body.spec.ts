import { describe, expect, it } from 'vitest';
import {
  bodyDecider,
  defaultBodyRules,
  rosterOn,
  type BodyState,
} from '../../src/meeting/index.ts';
import { fold } from '../../src/shared/index.ts';
import { given, refused } from '../given.ts';
import { bodyEvents, established, joined, left } from './fixtures.ts';

const join = (residentId: string, from: string, residentKnown = true) => ({
  type: 'JoinBody' as const,
  data: { bodyId: 'council', residentId, kind: 'expert' as const, role: 'member' as const, from },
  residentKnown,
  residentStreets: ['yushan'],
});

describe('a deliberative body and its roster', () => {
  it('takes the law’s rules by default: two thirds for representative bodies, half for a residents’ meeting', () => {
    expect(defaultBodyRules('villager_representatives')).toEqual({
      quorum: 'two_thirds',
      majority: 'of_present',
      noticeDays: 3,
    });
    expect(defaultBodyRules('residents_meeting').quorum).toBe('more_than_half');
  });

  it('is established once', () => {
    given(bodyDecider, [])
      .when({ type: 'EstablishBody', data: established.data })
      .then([established]);
    given(bodyDecider, [established])
      .when({ type: 'EstablishBody', data: established.data })
      .then(refused('conflict', 'body_exists'));
  });

  it('records a member joining, once; a resident who does not exist is refused', () => {
    given(bodyDecider, [established])
      .when(join('x', '2026-02-01'))
      .then([{ type: 'BodyMemberJoined', data: join('x', '2026-02-01').data }]);
    given(bodyDecider, [established])
      .when(join('x', '2026-02-01', false))
      .then(refused('not_found', 'resident_not_found'));
    given(bodyDecider, bodyEvents)
      .when(join('m2', '2026-02-01'))
      .then(refused('conflict', 'already_member'));
  });

  it('refuses a body that does not exist', () => {
    given(bodyDecider, [])
      .when(join('x', '2026-02-01'))
      .then(refused('not_found', 'body_not_found'));
  });

  it('records leaving after joining, and only for a member', () => {
    given(bodyDecider, bodyEvents)
      .when({
        type: 'LeaveBody',
        data: { bodyId: 'council', residentId: 'm6', from: '2026-06-01' },
      })
      .then([left('m6', '2026-06-01')]);
    given(bodyDecider, bodyEvents)
      .when({
        type: 'LeaveBody',
        data: { bodyId: 'council', residentId: 'gone', from: '2026-06-01' },
      })
      .then(refused('not_found', 'not_a_member'));
    given(bodyDecider, bodyEvents)
      .when({
        type: 'LeaveBody',
        data: { bodyId: 'council', residentId: 'm6', from: '2025-12-01' },
      })
      .then(refused('invalid', 'leaves_before_joining'));
  });

  it('shows the roster as of any day', () => {
    const state = fold(bodyDecider, [...bodyEvents, joined('gone', '2026-05-01')]) as Extract<
      BodyState,
      { status: 'established' }
    >;
    const on = (date: string) => rosterOn(state.spells, date).map((l) => l.residentId);
    expect(on('2025-12-31')).toEqual([]);
    expect(on('2026-02-15')).toContain('gone');
    expect(on('2026-03-01')).not.toContain('gone');
    expect(on('2026-05-01')).toContain('gone');
    expect(on('2026-05-01')).toHaveLength(8);
  });
});
