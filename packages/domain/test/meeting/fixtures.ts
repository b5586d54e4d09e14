// A residents' council of 书院社区 with six voting members, a recorder, and one who left.
import type { MeetingEvent, MeetingEventOf } from '../../src/meeting/index.ts';
import { defaultBodyRules } from '../../src/meeting/index.ts';

export const established: MeetingEventOf<'MeetingBodyEstablished'> = {
  type: 'MeetingBodyEstablished',
  data: {
    bodyId: 'council',
    communityId: 'shuyuan',
    streetId: 'yushan',
    kind: 'residents_council',
    name: '书院社区居民议事会',
    rules: defaultBodyRules('residents_council'),
  },
};

export const joined = (
  residentId: string,
  from = '2026-01-01',
  role: 'member' | 'chair' | 'recorder' = 'member',
): MeetingEventOf<'BodyMemberJoined'> => ({
  type: 'BodyMemberJoined',
  data: { bodyId: 'council', residentId, kind: 'resident', role, from },
});

export const left = (residentId: string, from: string): MeetingEventOf<'BodyMemberLeft'> => ({
  type: 'BodyMemberLeft',
  data: { bodyId: 'council', residentId, from },
});

export const members = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'];

export const bodyEvents: MeetingEvent[] = [
  established,
  joined('m1', '2026-01-01', 'chair'),
  ...members.slice(1).map((id) => joined(id)),
  joined('rec', '2026-01-01', 'recorder'),
  joined('gone', '2026-01-01'),
  left('gone', '2026-03-01'),
];
