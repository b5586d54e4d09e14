// The demo service needs of 书院社区 (issue 14, item 2), posted by its community worker: a
// health check-up in ten days that needs six people who can accompany old people, claimed by
// both the silver-age team and the youth team (the worker has not chosen yet), and evening
// square patrols no team has claimed.
import { teamCommands } from '@gongzhi/api';
import { needStreams } from '@gongzhi/domain';
import { streamIsMissing, type By, type Day, type SeedTarget } from './writers.ts';

const WORKER = 'demo-shuyuan';

export const DEMO_NEEDS = {
  checkup: 'demo-need-checkup',
  patrol: 'demo-need-patrol',
};

const at = (day: Day, offset: number, time: string) =>
  new Date(`${day(offset)}T${time}:00+08:00`).toISOString();

export async function seedNeeds(
  { store }: Pick<SeedTarget, 'store'>,
  day: Day,
  by: By,
): Promise<void> {
  if (!(await streamIsMissing(store, needStreams.need(DEMO_NEEDS.checkup)))) return;
  const posting = by(WORKER, -3);
  const common = { streetId: 'yushan', communityId: 'shuyuan', postedBy: WORKER };
  await teamCommands.onNeed(posting, DEMO_NEEDS.checkup, () => ({
    type: 'PostNeed',
    data: {
      ...common,
      needId: DEMO_NEEDS.checkup,
      title: '陪同高龄老人免费体检',
      description:
        '社区卫生服务站为 80 岁以上老人免费体检，需要志愿者上门接送、排队陪同、帮忙填表。',
      place: '书院社区卫生服务站',
      startsAt: at(day, 10, '08:00'),
      endsAt: at(day, 10, '11:30'),
      people: 6,
      skills: ['陪诊'],
      source: { kind: 'community' },
    },
    now: posting.metadata.occurredAt,
  }));
  for (const [teamId, leader] of [
    ['demo-team-silver', 'demo-volunteers'],
    ['demo-team-youth', 'demo-r-zhang'],
  ] as const) {
    await teamCommands.onNeed(by(leader, -2), DEMO_NEEDS.checkup, async () => ({
      type: 'ClaimNeed',
      data: { needId: DEMO_NEEDS.checkup, teamId, claimedBy: leader },
      team: await teamCommands.teamState({ store }, teamId),
    }));
  }
  const patrol = by(WORKER, -1);
  await teamCommands.onNeed(patrol, DEMO_NEEDS.patrol, () => ({
    type: 'PostNeed',
    data: {
      ...common,
      needId: DEMO_NEEDS.patrol,
      title: '暑期傍晚广场文明劝导',
      description: '暑假期间傍晚广场人多，需要志愿者提醒文明遛狗、控制音响音量、看护儿童安全。',
      place: '书院广场',
      startsAt: at(day, 20, '18:30'),
      endsAt: at(day, 20, '20:30'),
      people: 4,
      skills: [],
      source: { kind: 'community' },
    },
    now: patrol.metadata.occurredAt,
  }));
}
