import { describe, expect, it } from 'vitest';
import {
  attendanceDecider,
  bodyDecider,
  meetingDecider,
  type MeetingCommand,
  type MeetingEvent,
  type MeetingEventOf,
  type RosterLine,
  type Vote,
} from '../../src/meeting/index.ts';
import { fold } from '../../src/shared/index.ts';
import { given, refused } from '../given.ts';
import { bodyEvents, established, members } from './fixtures.ts';

const body = fold(bodyDecider, bodyEvents);
const convene = (startsAt: string, now: string): MeetingCommand => ({
  type: 'ConveneMeeting',
  data: {
    meetingId: 'mtg',
    bodyId: 'council',
    title: '三月议事会',
    agenda: [
      { itemId: 'i1', title: '车棚改造', reserved: false },
      { itemId: 'i2', title: '修改居民公约', reserved: true },
    ],
    startsAt,
    place: '社区议事厅',
  },
  body,
  now,
});

const roster: RosterLine[] = [
  { residentId: 'm1', kind: 'resident', role: 'chair' },
  ...members
    .slice(1)
    .map((residentId): RosterLine => ({ residentId, kind: 'resident', role: 'member' })),
  { residentId: 'rec', kind: 'resident', role: 'recorder' },
];

const convened: MeetingEventOf<'MeetingConvened'> = {
  type: 'MeetingConvened',
  data: {
    meetingId: 'mtg',
    bodyId: 'council',
    communityId: 'shuyuan',
    streetId: 'yushan',
    bodyKind: 'residents_council',
    title: '三月议事会',
    agenda: [
      { itemId: 'i1', title: '车棚改造', reserved: false },
      { itemId: 'i2', title: '修改居民公约', reserved: true },
    ],
    startsAt: '2026-03-10T11:00:00.000Z',
    place: '社区议事厅',
    noticedAt: '2026-03-06T02:00:00.000Z',
    rules: established.data.rules,
    lateNotice: false,
    roster: [...roster],
  },
};
const tabled = (motionId: string, itemId = 'i1'): MeetingEventOf<'MotionTabled'> => ({
  type: 'MotionTabled',
  data: { meetingId: 'mtg', motionId, itemId, text: '同意按方案改造车棚。' },
});
const vote = (present: readonly string[], v: Vote, motionId = 'mo1'): MeetingCommand => ({
  type: 'VoteOnMotion',
  data: { meetingId: 'mtg', motionId, vote: v },
  present,
});
const count = (yes: number, no: number, abstain = 0): Vote => ({
  method: 'count',
  for: yes,
  against: no,
  abstain,
});
const votedOn = (events: readonly MeetingEvent[], command: MeetingCommand) =>
  (meetingDecider.decide(command, fold(meetingDecider, events))[0] as MeetingEventOf<'MotionVoted'>)
    .data;

describe('convening a meeting with notice', () => {
  it('publishes the agenda, time, place, the rules and the roster of the meeting’s day', () => {
    given(meetingDecider, [])
      .when(convene('2026-03-10T11:00:00.000Z', '2026-03-06T02:00:00.000Z'))
      .then([convened]);
  });

  it('flags a notice later than the body’s minimum of three days', () => {
    const [event] = meetingDecider.decide(
      convene('2026-03-10T11:00:00.000Z', '2026-03-08T02:00:00.000Z'),
      meetingDecider.initialState(),
    );
    expect(event?.type === 'MeetingConvened' && event.data.lateNotice).toBe(true);
  });

  it('refuses a start before the notice, a body without voting members, a second convening', () => {
    given(meetingDecider, [])
      .when(convene('2026-03-01T11:00:00.000Z', '2026-03-06T02:00:00.000Z'))
      .then(refused('invalid', 'starts_in_past'));
    given(meetingDecider, [])
      .when({
        ...convene('2026-03-10T11:00:00.000Z', '2026-03-06T02:00:00.000Z'),
        body: fold(bodyDecider, [established]),
      } as MeetingCommand)
      .then(refused('conflict', 'roster_empty'));
    given(meetingDecider, [convened])
      .when(convene('2026-03-10T11:00:00.000Z', '2026-03-06T02:00:00.000Z'))
      .then(refused('conflict', 'meeting_exists'));
  });
});

describe('motions and votes', () => {
  it('tables a motion on an agenda item, once', () => {
    given(meetingDecider, [convened])
      .when({ type: 'TableMotion', data: tabled('mo1').data })
      .then([tabled('mo1')]);
    given(meetingDecider, [convened, tabled('mo1')])
      .when({ type: 'TableMotion', data: tabled('mo1').data })
      .then([]);
    given(meetingDecider, [convened])
      .when({ type: 'TableMotion', data: tabled('mo1', 'nope').data })
      .then(refused('invalid', 'item_not_on_agenda'));
  });

  it('refuses a vote while quorum does not hold: 3 of 6 voting members (the recorder does not count)', () => {
    given(meetingDecider, [convened, tabled('mo1')])
      .when(vote(['m1', 'm2', 'm3', 'rec', 'stranger'], count(3, 0)))
      .then(refused('conflict', 'no_quorum'));
  });

  it('computes the result from the rule, with a frozen snapshot of who was present and entitled', () => {
    given(meetingDecider, [convened, tabled('mo1')])
      .when(vote(['m1', 'm2', 'm3', 'm4', 'rec'], count(3, 1)))
      .then([
        {
          type: 'MotionVoted',
          data: {
            meetingId: 'mtg',
            motionId: 'mo1',
            vote: count(3, 1),
            present: ['m1', 'm2', 'm3', 'm4'],
            entitled: 6,
            majority: 'of_present',
            needed: 3,
            passed: true,
          },
        },
      ]);
    // Two of four present is not more than half.
    expect(
      votedOn([convened, tabled('mo1')], vote(['m1', 'm2', 'm3', 'm4'], count(2, 2))).passed,
    ).toBe(false);
  });

  it('applies a majority of all members and of two thirds present', () => {
    const withRule = (majority: 'of_members' | 'two_thirds_of_present') => ({
      ...convened,
      data: { ...convened.data, rules: { ...convened.data.rules, majority } },
    });
    const four = ['m1', 'm2', 'm3', 'm4'];
    expect(votedOn([withRule('of_members'), tabled('mo1')], vote(four, count(3, 1))).needed).toBe(
      4,
    );
    expect(
      votedOn([withRule('two_thirds_of_present'), tabled('mo1')], vote(four, count(3, 1))).passed,
    ).toBe(true);
    expect(
      votedOn(
        [withRule('two_thirds_of_present'), tabled('mo1')],
        vote([...four, 'm5'], count(3, 2)),
      ).passed,
    ).toBe(false);
  });

  it('takes named votes only from voting members present, once each', () => {
    const named = (
      votes: { residentId: string; choice: 'for' | 'against' | 'abstain' }[],
    ): Vote => ({
      method: 'named',
      votes,
    });
    const present = ['m1', 'm2', 'm3', 'm4'];
    expect(
      votedOn(
        [convened, tabled('mo1')],
        vote(present, named(present.map((residentId) => ({ residentId, choice: 'for' })))),
      ).passed,
    ).toBe(true);
    given(meetingDecider, [convened, tabled('mo1')])
      .when(vote(present, named([{ residentId: 'm5', choice: 'for' }])))
      .then(refused('invalid', 'voter_not_present'));
    given(meetingDecider, [convened, tabled('mo1')])
      .when(vote(present, count(3, 2)))
      .then(refused('invalid', 'more_votes_than_present'));
  });

  it('refuses a council a matter reserved to the residents’ meeting, and a second vote', () => {
    const all = [...members];
    given(meetingDecider, [convened, tabled('mo2', 'i2')])
      .when(vote(all, count(6, 0), 'mo2'))
      .then(refused('forbidden', 'reserved_to_residents_meeting'));
    const residentsMeeting = {
      ...convened,
      data: { ...convened.data, bodyKind: 'residents_meeting' as const },
    };
    expect(
      votedOn([residentsMeeting, tabled('mo2', 'i2')], vote(all, count(6, 0), 'mo2')).passed,
    ).toBe(true);
    const first = votedOn([convened, tabled('mo1')], vote(all, count(6, 0)));
    given(meetingDecider, [convened, tabled('mo1'), { type: 'MotionVoted', data: first }])
      .when(vote(all, count(6, 0)))
      .then(refused('conflict', 'motion_voted'));
  });

  it('takes nothing once closed', () => {
    given(meetingDecider, [convened])
      .when({ type: 'CloseMeeting', data: { meetingId: 'mtg' } })
      .then([{ type: 'MeetingClosed', data: { meetingId: 'mtg' } }]);
    given(meetingDecider, [convened, { type: 'MeetingClosed', data: { meetingId: 'mtg' } }])
      .when({ type: 'TableMotion', data: tabled('mo1').data })
      .then(refused('conflict', 'meeting_closed'));
  });
});

describe('sign-in and leaving', () => {
  const meeting = fold(meetingDecider, [convened]);
  const signIn = (residentId: string, via: 'code' | 'worker' = 'code') => ({
    type: 'SignInAttendee' as const,
    data: { meetingId: 'mtg', residentId, via },
    meeting,
  });

  it('signs a roster member in as a member and anyone else as an attendee (列席), once', () => {
    given(attendanceDecider, [])
      .when(signIn('m2'))
      .then([
        {
          type: 'AttendeeSignedIn',
          data: { meetingId: 'mtg', residentId: 'm2', via: 'code', as: 'member' },
        },
      ]);
    given(attendanceDecider, [])
      .when(signIn('stranger', 'worker'))
      .then([
        {
          type: 'AttendeeSignedIn',
          data: { meetingId: 'mtg', residentId: 'stranger', via: 'worker', as: 'attendee' },
        },
      ]);
    const present: MeetingEvent = {
      type: 'AttendeeSignedIn',
      data: { meetingId: 'mtg', residentId: 'm2', via: 'code', as: 'member' },
    };
    given(attendanceDecider, [present]).when(signIn('m2')).then([]);
  });

  it('records leaving of someone present, and refuses it for someone never signed in', () => {
    const leave = {
      type: 'RecordLeaving' as const,
      data: { meetingId: 'mtg', residentId: 'm2' },
      meeting,
    };
    given(attendanceDecider, []).when(leave).then(refused('conflict', 'not_signed_in'));
    given(attendanceDecider, [
      {
        type: 'AttendeeSignedIn',
        data: { meetingId: 'mtg', residentId: 'm2', via: 'code', as: 'member' },
      },
    ])
      .when(leave)
      .then([{ type: 'AttendeeLeft', data: { meetingId: 'mtg', residentId: 'm2' } }]);
  });

  it('refuses sign-in to a meeting never convened', () => {
    given(attendanceDecider, [])
      .when({ ...signIn('m2'), meeting: meetingDecider.initialState() })
      .then(refused('not_found', 'meeting_not_found'));
  });
});
