// A service record: recorded by a leader for a member (minutes are the time on site), confirmed
// with an evaluation by a leader or the community but never by the volunteer, a correction asked
// by the volunteer and decided with a reason.
import { describe, it } from 'vitest';
import { fold } from '../../src/shared/index.ts';
import {
  serviceRecordDecider,
  teamDecider,
  type ServiceRecordCommand,
  type ServiceRecordEventOf,
  type TeamEvent,
} from '../../src/team/index.ts';
import { given, refused } from '../given.ts';
import { registered } from './fixtures.ts';

const members: TeamEvent[] = [
  registered,
  { type: 'TeamJoinRequested', data: { teamId: 't1', accountId: 'r1' } },
  { type: 'TeamJoinAccepted', data: { teamId: 't1', accountId: 'r1', by: 'lead' } },
];
const team = fold(teamDecider, members);
const NOW = '2026-05-10T12:00:00.000Z';

const entry = {
  recordId: 'rec1',
  teamId: 't1',
  volunteerId: 'r1',
  startedAt: '2026-05-10T01:00:00.000Z',
  endedAt: '2026-05-10T03:30:00.000Z',
  place: '书院社区活动室',
  content: '为独居老人理发',
  source: { kind: 'entry' as const },
  recordedBy: 'lead',
};
const recorded: ServiceRecordEventOf<'ServiceRecorded'> = {
  type: 'ServiceRecorded',
  data: { ...entry, date: '2026-05-10', minutes: 150 },
};
const confirmed: ServiceRecordEventOf<'ServiceRecordConfirmed'> = {
  type: 'ServiceRecordConfirmed',
  data: {
    recordId: 'rec1',
    teamId: 't1',
    volunteerId: 'r1',
    confirmedBy: 'lead',
    evaluation: '认真细致',
  },
};
const record = (
  changes: Partial<typeof entry> = {},
  evaluation?: string,
): ServiceRecordCommand => ({
  type: 'RecordService',
  data: { ...entry, ...changes },
  ...(evaluation === undefined ? {} : { evaluation }),
  team,
  now: NOW,
});
const lead = { accountId: 'lead', communityStaff: false };
const correction = {
  type: 'ServiceRecordCorrectionRequested' as const,
  data: {
    recordId: 'rec1',
    teamId: 't1',
    volunteerId: 'r1',
    startedAt: '2026-05-10T01:00:00.000Z',
    endedAt: '2026-05-10T04:00:00.000Z',
    reason: '收尾整理到 12 点',
  },
};

describe('a service record', () => {
  it('counts the minutes on site, on the day in China, and may be confirmed at once', () => {
    given(serviceRecordDecider, []).when(record()).then([recorded]);
    given(serviceRecordDecider, []).when(record({}, '认真细致')).then([recorded, confirmed]);
    given(serviceRecordDecider, [recorded]).when(record()).then([]);
  });

  it('is recorded by a leader, for a member, for a time already over and under a day', () => {
    given(serviceRecordDecider, [])
      .when(record({ recordedBy: 'r1', volunteerId: 'lead' }))
      .then(refused('forbidden', 'not_team_leader'));
    given(serviceRecordDecider, [])
      .when(record({ volunteerId: 'stranger' }))
      .then(refused('invalid', 'not_a_member'));
    given(serviceRecordDecider, [])
      .when(record({ endedAt: entry.startedAt }))
      .then(refused('invalid', 'ends_before_start'));
    given(serviceRecordDecider, [])
      .when(record({ endedAt: '2026-05-11T03:30:00.000Z' }))
      .then(refused('invalid', 'longer_than_a_day'));
    given(serviceRecordDecider, [])
      .when(record({ endedAt: '2026-05-10T13:00:00.000Z' }))
      .then(refused('invalid', 'service_in_future'));
    given(serviceRecordDecider, [])
      .when(record({ volunteerId: 'lead' }, '自评'))
      .then(refused('forbidden', 'own_record'));
  });

  it('is confirmed by a leader or the community, never by the volunteer or another member', () => {
    const confirm = (by: { accountId: string; communityStaff: boolean }): ServiceRecordCommand => ({
      type: 'ConfirmServiceRecord',
      data: { recordId: 'rec1', evaluation: '认真细致' },
      by,
      team,
    });
    given(serviceRecordDecider, [recorded]).when(confirm(lead)).then([confirmed]);
    given(serviceRecordDecider, [recorded, confirmed]).when(confirm(lead)).then([]);
    given(serviceRecordDecider, [recorded])
      .when(confirm({ accountId: 'worker', communityStaff: true }))
      .then([{ ...confirmed, data: { ...confirmed.data, confirmedBy: 'worker' } }]);
    given(serviceRecordDecider, [recorded])
      .when(confirm({ accountId: 'r1', communityStaff: false }))
      .then(refused('forbidden', 'own_record'));
    given(serviceRecordDecider, [recorded])
      .when(confirm({ accountId: 'r9', communityStaff: false }))
      .then(refused('forbidden', 'not_team_leader'));
    given(serviceRecordDecider, [])
      .when(confirm(lead))
      .then(refused('not_found', 'record_not_found'));
  });

  it('takes a correction from the volunteer only, one at a time, and of something', () => {
    const ask = (by: string, endedAt = correction.data.endedAt): ServiceRecordCommand => ({
      type: 'RequestServiceCorrection',
      data: {
        recordId: 'rec1',
        startedAt: entry.startedAt,
        endedAt,
        reason: correction.data.reason,
      },
      by,
      now: NOW,
    });
    given(serviceRecordDecider, [recorded, confirmed]).when(ask('r1')).then([correction]);
    given(serviceRecordDecider, [recorded])
      .when(ask('lead'))
      .then(refused('forbidden', 'not_own_record'));
    given(serviceRecordDecider, [recorded, correction])
      .when(ask('r1'))
      .then(refused('conflict', 'correction_pending'));
    given(serviceRecordDecider, [recorded])
      .when(ask('r1', entry.endedAt))
      .then(refused('invalid', 'nothing_to_correct'));
  });

  it('has a correction decided with a reason: accepted changes the minutes, declined keeps them', () => {
    const decide = (decision: 'accepted' | 'declined', by = lead): ServiceRecordCommand => ({
      type: 'DecideServiceCorrection',
      data: { recordId: 'rec1', decision, reason: '核对签到表' },
      by,
      team,
    });
    const decided = (decision: 'accepted' | 'declined', minutes: number) => ({
      type: 'ServiceRecordCorrectionDecided' as const,
      data: {
        recordId: 'rec1',
        teamId: 't1',
        volunteerId: 'r1',
        decision,
        minutes,
        reason: '核对签到表',
        decidedBy: 'lead',
      },
    });
    given(serviceRecordDecider, [recorded, correction])
      .when(decide('accepted'))
      .then([decided('accepted', 180)]);
    given(serviceRecordDecider, [recorded, correction])
      .when(decide('declined'))
      .then([decided('declined', 150)]);
    given(serviceRecordDecider, [recorded])
      .when(decide('accepted'))
      .then(refused('conflict', 'no_correction_pending'));
    given(serviceRecordDecider, [recorded, correction])
      .when(decide('accepted', { accountId: 'r1', communityStaff: true }))
      .then(refused('forbidden', 'own_record'));
  });
});
