// An activity's shifts: sign-up over the slots onto a wait-list, promotion on cancelling,
// confirming, check-in by a valid code or by a leader, closing with attendance and no-shows.
import { describe, it } from 'vitest';
import { fold } from '../../src/shared/index.ts';
import {
  activityDecider,
  teamDecider,
  type ActivityCommand,
  type ActivityEvent,
  type TeamEvent,
} from '../../src/team/index.ts';
import { given, refused } from '../given.ts';
import { registered } from './fixtures.ts';

const joined = (accountId: string): TeamEvent[] => [
  { type: 'TeamJoinRequested', data: { teamId: 't1', accountId } },
  { type: 'TeamJoinAccepted', data: { teamId: 't1', accountId, by: 'lead' } },
];
const team = fold(teamDecider, [registered, ...joined('r1'), ...joined('r2'), ...joined('r3')]);
const BEFORE = '2026-05-09T12:00:00.000Z';
const DURING = '2026-05-10T02:00:00.000Z';
const on = { activityId: 'a1', shiftId: 's1' };

const planned: ActivityEvent = {
  type: 'ActivityPlanned',
  data: {
    activityId: 'a1',
    teamId: 't1',
    title: '重阳节探访',
    description: '探访独居老人',
    shifts: [
      {
        shiftId: 's1',
        startsAt: '2026-05-10T01:00:00.000Z',
        endsAt: '2026-05-10T03:00:00.000Z',
        place: '书院社区睦邻中心',
        slots: 1,
      },
    ],
    plannedBy: 'lead',
  },
};
const signed = (accountId: string, waitListed = false): ActivityEvent => ({
  type: 'ShiftSignedUp',
  data: { ...on, accountId, waitListed },
});
const signUp = (accountId: string, now = BEFORE): ActivityCommand => ({
  type: 'SignUpForShift',
  data: { ...on, accountId },
  team,
  now,
});
const attend = (
  accountId: string,
  method: { kind: 'code'; codeValid: boolean } | { kind: 'leader' },
  by = accountId,
  direction: 'in' | 'out' = 'in',
  now = DURING,
): ActivityCommand => ({
  type: 'RecordAttendance',
  data: { ...on, accountId, direction, by },
  method,
  team,
  now,
});

describe('an activity', () => {
  it('is planned by a leader, with shifts in the future that end after they start', () => {
    const plan = (changes = {}, by = 'lead'): ActivityCommand => ({
      type: 'PlanActivity',
      data: { ...planned.data, plannedBy: by, ...changes } as never,
      team,
      now: BEFORE,
    });
    given(activityDecider, []).when(plan()).then([planned]);
    given(activityDecider, []).when(plan({}, 'r1')).then(refused('forbidden', 'not_team_leader'));
    const [shift] = (planned as Extract<ActivityEvent, { type: 'ActivityPlanned' }>).data.shifts;
    given(activityDecider, [])
      .when(plan({ shifts: [{ ...shift, endsAt: shift!.startsAt }] }))
      .then(refused('invalid', 'shift_ends_before_start'));
    given(activityDecider, [])
      .when(plan({ shifts: [{ ...shift, startsAt: '2026-05-01T00:00:00.000Z' }] }))
      .then(refused('invalid', 'shift_in_past'));
  });

  it('takes members up to the slots and wait-lists the rest; once each', () => {
    given(activityDecider, [planned])
      .when(signUp('r1'))
      .then([signed('r1')]);
    given(activityDecider, [planned, signed('r1')])
      .when(signUp('r2'))
      .then([signed('r2', true)]);
    given(activityDecider, [planned, signed('r1')])
      .when(signUp('r1'))
      .then([]);
    given(activityDecider, [planned])
      .when(signUp('stranger'))
      .then(refused('forbidden', 'not_a_member'));
    given(activityDecider, [planned])
      .when(signUp('r1', DURING))
      .then(refused('conflict', 'shift_started'));
  });

  it('promotes the first waiting when someone holding a place cancels', () => {
    const cancel = (accountId: string): ActivityCommand => ({
      type: 'CancelShiftSignUp',
      data: { ...on, accountId },
      now: BEFORE,
    });
    given(activityDecider, [planned, signed('r1'), signed('r2', true), signed('r3', true)])
      .when(cancel('r1'))
      .then([
        { type: 'ShiftSignUpCancelled', data: { ...on, accountId: 'r1', wasWaitListed: false } },
        { type: 'ShiftWaitListPromoted', data: { ...on, accountId: 'r2' } },
      ]);
    given(activityDecider, [planned, signed('r1'), signed('r2', true)])
      .when(cancel('r2'))
      .then([
        { type: 'ShiftSignUpCancelled', data: { ...on, accountId: 'r2', wasWaitListed: true } },
      ]);
    given(activityDecider, [planned]).when(cancel('r1')).then([]);
  });

  it('is confirmed by those holding a place, before it starts', () => {
    const confirm = (accountId: string, now = BEFORE): ActivityCommand => ({
      type: 'ConfirmShift',
      data: { ...on, accountId },
      now,
    });
    given(activityDecider, [planned, signed('r1')])
      .when(confirm('r1'))
      .then([{ type: 'ShiftAttendanceConfirmed', data: { ...on, accountId: 'r1' } }]);
    given(activityDecider, [planned, signed('r1'), signed('r2', true)])
      .when(confirm('r2'))
      .then(refused('conflict', 'not_signed_up'));
  });

  it('checks in with a valid code, or by a leader for someone without a phone', () => {
    const checkedIn = (accountId: string, method: 'code' | 'leader', by = accountId) => ({
      type: 'ShiftCheckedIn' as const,
      data: { ...on, accountId, at: DURING, method, by },
    });
    given(activityDecider, [planned, signed('r1')])
      .when(attend('r1', { kind: 'code', codeValid: true }))
      .then([checkedIn('r1', 'code')]);
    given(activityDecider, [planned, signed('r1')])
      .when(attend('r1', { kind: 'code', codeValid: false }))
      .then(refused('invalid', 'code_expired'));
    given(activityDecider, [planned, signed('r1'), signed('r2', true)])
      .when(attend('r2', { kind: 'code', codeValid: true }))
      .then(refused('conflict', 'not_signed_up'));
    given(activityDecider, [planned])
      .when(attend('r3', { kind: 'leader' }, 'lead'))
      .then([checkedIn('r3', 'leader', 'lead')]);
    given(activityDecider, [planned])
      .when(attend('r3', { kind: 'leader' }, 'r1'))
      .then(refused('forbidden', 'not_team_leader'));
    given(activityDecider, [planned, signed('r1')])
      .when(attend('r1', { kind: 'code', codeValid: true }, 'r1', 'in', BEFORE))
      .then(refused('conflict', 'too_early'));
    given(activityDecider, [planned, signed('r1')])
      .when(attend('r1', { kind: 'code', codeValid: true }, 'r1', 'out'))
      .then(refused('conflict', 'not_checked_in'));
  });

  it('closes with who attended (to check-out, else the planned end) and the no-shows', () => {
    const close: ActivityCommand = {
      type: 'CloseShift',
      data: { ...on, by: 'lead' },
      team,
      now: '2026-05-10T04:00:00.000Z',
    };
    const inAt = (accountId: string, at: string): ActivityEvent => ({
      type: 'ShiftCheckedIn',
      data: { ...on, accountId, at, method: 'code', by: accountId },
    });
    const outAt = (accountId: string, at: string): ActivityEvent => ({
      type: 'ShiftCheckedOut',
      data: { ...on, accountId, at, method: 'code', by: accountId },
    });
    const planned3 = {
      ...planned,
      data: {
        ...(planned as Extract<ActivityEvent, { type: 'ActivityPlanned' }>).data,
        shifts: [{ ...(planned.data as { shifts: object[] }).shifts[0], slots: 3 }],
      },
    } as ActivityEvent;
    given(activityDecider, [
      planned3,
      signed('r1'),
      signed('r2'),
      signed('r3'),
      inAt('r1', '2026-05-10T01:05:00.000Z'),
      outAt('r1', '2026-05-10T02:35:00.000Z'),
      inAt('r2', '2026-05-10T01:10:00.000Z'),
    ])
      .when(close)
      .then([
        {
          type: 'ShiftClosed',
          data: {
            ...on,
            attended: [
              {
                accountId: 'r1',
                arrivedAt: '2026-05-10T01:05:00.000Z',
                leftAt: '2026-05-10T02:35:00.000Z',
              },
              {
                accountId: 'r2',
                arrivedAt: '2026-05-10T01:10:00.000Z',
                leftAt: '2026-05-10T03:00:00.000Z',
              },
            ],
            noShows: ['r3'],
            closedBy: 'lead',
          },
        },
      ]);
    given(activityDecider, [planned])
      .when({ ...close, now: BEFORE })
      .then(refused('conflict', 'shift_not_begun'));
  });
});
