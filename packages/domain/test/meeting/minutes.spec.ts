import { describe, expect, it } from 'vitest';
import {
  meetingDecider,
  minutesDecider,
  type MeetingEvent,
  type MinutesCommand,
  type MinutesEvent,
} from '../../src/meeting/index.ts';
import { fold } from '../../src/shared/index.ts';
import { given, refused } from '../given.ts';
import { established } from './fixtures.ts';

const convened: MeetingEvent = {
  type: 'MeetingConvened',
  data: {
    meetingId: 'mtg',
    bodyId: 'council',
    communityId: 'shuyuan',
    streetId: 'yushan',
    bodyKind: 'residents_council',
    title: '四月议事会',
    agenda: [{ itemId: 'i1', title: '车棚', reserved: false }],
    startsAt: '2026-04-10T11:00:00.000Z',
    place: '议事厅',
    noticedAt: '2026-04-01T11:00:00.000Z',
    rules: established.data.rules,
    lateNotice: false,
    roster: [
      { residentId: 'm1', kind: 'resident', role: 'chair' },
      { residentId: 'm2', kind: 'resident', role: 'member' },
    ],
  },
};
const open = fold(meetingDecider, [convened]);
const closed = fold(meetingDecider, [
  convened,
  { type: 'MeetingClosed', data: { meetingId: 'mtg' } },
]);

const drafted = (draftNo: number, text = '一、车棚改造：通过。'): MinutesEvent => ({
  type: 'MinutesDrafted',
  data: { meetingId: 'mtg', communityId: 'shuyuan', streetId: 'yushan', draftNo, text },
});
const circulated = (draftNo = 1): MinutesEvent => ({
  type: 'MinutesCirculated',
  data: { meetingId: 'mtg', draftNo },
});
const signed = (residentId: string, draftNo = 1): MinutesEvent => ({
  type: 'MinutesSigned',
  data: { meetingId: 'mtg', draftNo, residentId },
});
const draft = (text: string, meeting = closed): MinutesCommand => ({
  type: 'DraftMinutes',
  data: { meetingId: 'mtg', text },
  meeting,
});
const sign = (residentId: string, attended = true): MinutesCommand => ({
  type: 'SignMinutes',
  data: { meetingId: 'mtg', residentId },
  attended,
  meeting: closed,
});
const approve: MinutesCommand = { type: 'ApproveMinutes', data: { meetingId: 'mtg' } };
const approved: MinutesEvent = {
  type: 'MinutesApproved',
  data: { meetingId: 'mtg', draftNo: 1, text: '一、车棚改造：通过。', signedBy: ['m1'] },
};

describe('the minutes of a meeting (会议纪要)', () => {
  it('are drafted once the meeting is closed, each redraft numbered', () => {
    given(minutesDecider, [])
      .when(draft('一、车棚改造：通过。', open))
      .then(refused('conflict', 'meeting_open'));
    given(minutesDecider, [])
      .when(draft('一、车棚改造：通过。'))
      .then([drafted(1)]);
    given(minutesDecider, [drafted(1)])
      .when(draft('一、车棚改造：通过。'))
      .then([]);
    given(minutesDecider, [drafted(1), circulated()])
      .when(draft('一、车棚改造：通过（4 票赞成）。'))
      .then([drafted(2, '一、车棚改造：通过（4 票赞成）。')]);
  });

  it('are signed by members who attended, and corrections are asked by attendees only', () => {
    given(minutesDecider, [drafted(1)])
      .when(sign('m1'))
      .then(refused('conflict', 'minutes_not_circulated'));
    given(minutesDecider, [drafted(1), circulated()])
      .when(sign('m1'))
      .then([signed('m1')]);
    given(minutesDecider, [drafted(1), circulated(), signed('m1')])
      .when(sign('m1'))
      .then([]);
    given(minutesDecider, [drafted(1), circulated()])
      .when(sign('m2', false))
      .then(refused('forbidden', 'not_a_member_present'));
    given(minutesDecider, [drafted(1), circulated()])
      .when(sign('guest'))
      .then(refused('forbidden', 'not_a_member_present'));
    given(minutesDecider, [drafted(1), circulated()])
      .when({
        type: 'RequestMinutesCorrection',
        data: { meetingId: 'mtg', residentId: 'outsider', text: '票数不对' },
        attended: false,
      })
      .then(refused('forbidden', 'not_an_attendee'));
  });

  it('are approved only when signed and no correction waits; a redraft clears the requests', () => {
    const asked: MinutesEvent = {
      type: 'MinutesCorrectionRequested',
      data: { meetingId: 'mtg', draftNo: 1, residentId: 'guest', text: '赞成是 4 票' },
    };
    given(minutesDecider, [drafted(1), circulated()])
      .when(approve)
      .then(refused('conflict', 'minutes_unsigned'));
    given(minutesDecider, [drafted(1), circulated(), signed('m1'), asked])
      .when(approve)
      .then(refused('conflict', 'corrections_pending'));
    given(minutesDecider, [drafted(1), circulated(), signed('m1')])
      .when(approve)
      .then([approved]);
    const redrafted = [
      drafted(1),
      circulated(),
      asked,
      drafted(2, '改'),
      circulated(2),
      signed('m2', 2),
    ];
    expect(fold(minutesDecider, redrafted)).toMatchObject({ requests: [], signedBy: ['m2'] });
  });

  it('are immutable once approved: a correction is a new version with its reason', () => {
    const history = [drafted(1), circulated(), signed('m1'), approved];
    given(minutesDecider, history)
      .when(draft('改写'))
      .then(refused('conflict', 'minutes_approved'));
    given(minutesDecider, history).when(sign('m2')).then(refused('conflict', 'minutes_approved'));
    given(minutesDecider, history).when(approve).then([]);
    const correct = (text: string): MinutesCommand => ({
      type: 'CorrectMinutes',
      data: { meetingId: 'mtg', text, reason: '赞成票数记错' },
    });
    given(minutesDecider, history)
      .when(correct('一、车棚改造：通过（5 票赞成）。'))
      .then([
        {
          type: 'MinutesCorrected',
          data: {
            meetingId: 'mtg',
            version: 2,
            text: '一、车棚改造：通过（5 票赞成）。',
            reason: '赞成票数记错',
          },
        },
      ]);
    given(minutesDecider, history)
      .when(correct('一、车棚改造：通过。'))
      .then(refused('invalid', 'no_change'));
    given(minutesDecider, [drafted(1)])
      .when(correct('x'))
      .then(refused('conflict', 'minutes_not_approved'));
  });
});
