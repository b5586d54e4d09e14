// A registered team the team specs start from.
import type { TeamEventOf } from '../../src/team/index.ts';

export const registered: TeamEventOf<'TeamRegistered'> = {
  type: 'TeamRegistered',
  data: {
    teamId: 't1',
    kind: 'volunteer_service',
    name: '书院银龄互助队',
    description: '陪老人看病、理发、聊天。',
    streetId: 'yushan',
    communityId: 'shuyuan',
    organiser: { name: '书院社区居民委员会', personInCharge: '王主任', contact: '0512-5270001' },
    skills: ['陪诊', '理发'],
    leaders: ['lead'],
    registeredBy: 'worker',
  },
};
