import { describe, it } from 'vitest';
import {
  meetingDecider,
  resolutionDecider,
  type MeetingEvent,
  type ResolutionCommand,
  type ResolutionEvent,
} from '../../src/meeting/index.ts';
import { fold } from '../../src/shared/index.ts';
import { given, refused } from '../given.ts';
import { established } from './fixtures.ts';

const history = (passed: boolean): MeetingEvent[] => [
  {
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
      roster: [{ residentId: 'm1', kind: 'resident', role: 'chair' }],
    },
  },
  {
    type: 'MotionTabled',
    data: { meetingId: 'mtg', motionId: 'mo', itemId: 'i1', text: '修车棚' },
  },
  {
    type: 'MotionVoted',
    data: {
      meetingId: 'mtg',
      motionId: 'mo',
      vote: { method: 'count', for: passed ? 1 : 0, against: passed ? 0 : 1, abstain: 0 },
      present: ['m1'],
      entitled: 1,
      majority: 'of_present',
      needed: 1,
      passed,
    },
  },
];
const assign = (passed = true, dueOn = '2026-05-10'): ResolutionCommand => ({
  type: 'AssignResolution',
  data: {
    resolutionId: 'r',
    meetingId: 'mtg',
    motionId: 'mo',
    owner: '物业公司',
    dueOn,
    topicId: 't1',
    link: null,
  },
  meeting: fold(meetingDecider, history(passed)),
  motionText: '修车棚',
  today: '2026-04-10',
});
const assigned: ResolutionEvent = {
  type: 'ResolutionAssigned',
  data: {
    resolutionId: 'r',
    meetingId: 'mtg',
    motionId: 'mo',
    communityId: 'shuyuan',
    streetId: 'yushan',
    text: '修车棚',
    owner: '物业公司',
    dueOn: '2026-05-10',
    topicId: 't1',
    link: null,
  },
};
const close = (on: string): ResolutionCommand => ({
  type: 'CloseResolution',
  data: { resolutionId: 'r', on, report: '车棚已修好。' },
});

describe('follow-through on a resolution (落实反馈)', () => {
  it('is assigned only for an adopted motion, due today or later', () => {
    given(resolutionDecider, []).when(assign()).then([assigned]);
    given(resolutionDecider, [])
      .when(assign(false))
      .then(refused('conflict', 'motion_not_adopted'));
    given(resolutionDecider, [])
      .when(assign(true, '2026-04-01'))
      .then(refused('invalid', 'due_in_past'));
  });

  it('takes progress reports while open, and is closed once with a report back, late or not', () => {
    const progress: ResolutionEvent = {
      type: 'ResolutionProgressReported',
      data: { resolutionId: 'r', on: '2026-04-20', text: '已报价。' },
    };
    given(resolutionDecider, [assigned])
      .when({ type: 'ReportResolutionProgress', data: progress.data })
      .then([progress]);
    given(resolutionDecider, [assigned])
      .when(close('2026-05-10'))
      .then([
        { type: 'ResolutionClosed', data: { ...close('2026-05-10').data, late: false } as never },
      ]);
    given(resolutionDecider, [assigned])
      .when(close('2026-05-11'))
      .then([
        { type: 'ResolutionClosed', data: { ...close('2026-05-11').data, late: true } as never },
      ]);
    const closed: ResolutionEvent = {
      type: 'ResolutionClosed',
      data: { resolutionId: 'r', on: '2026-05-01', report: '车棚已修好。', late: false },
    };
    given(resolutionDecider, [assigned, closed]).when(close('2026-05-02')).then([]);
    given(resolutionDecider, [assigned, closed])
      .when({ type: 'ReportResolutionProgress', data: progress.data })
      .then(refused('conflict', 'resolution_closed'));
  });
});
