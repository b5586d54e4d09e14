// The demo volunteer teams of 书院社区 (issue 14), registered by its community worker with the
// community's residents' committee as the organising body: a square-dance team (自治团队) and a
// silver-age mutual-help team (志愿服务队), both led by the demo team leader (钱秀兰), and a youth
// team led by a resident (沈佳怡). Members joined through requests the leaders accepted, and a
// year of service is recorded month by month and confirmed with an evaluation; the latest month
// waits for confirmation, and one record has a correction waiting for a decision.
// 顾月琴 (the demo resident) is in no team: the journeys have her ask to join.
import { teamCommands } from '@gongzhi/api';
import { activityStreams, teamStreams, type TeamKind } from '@gongzhi/domain';
import { seedCertificates } from './certificates.ts';
import { seedNeeds } from './needs.ts';
import { streamIsMissing, type By, type Day, type SeedTarget } from './writers.ts';

const LEADER = 'demo-volunteers';
const WORKER = 'demo-shuyuan';
const ORGANISER = {
  name: '书院社区居民委员会',
  personInCharge: '张卫东',
  contact: '0512-52700188',
};

interface DemoTeam {
  teamId: string;
  kind: TeamKind;
  name: string;
  description: string;
  skills: string[];
  leader: string;
  members: string[];
  /** Monthly service: where, what, from and until (China time, HH:MM). */
  service: { place: string; content: string; from: string; until: string; evaluation: string };
}

export const DEMO_TEAMS: DemoTeam[] = [
  {
    teamId: 'demo-team-silver',
    kind: 'volunteer_service',
    name: '书院银龄互助队',
    description: '低龄老人帮高龄老人：陪同就医、上门理发、代购代办、节日探访独居老人。',
    skills: ['陪诊', '理发', '代购', '探访'],
    leader: LEADER,
    members: ['demo-r-zhao', 'demo-r-paper-1', 'demo-r-paper-2'],
    service: {
      place: '书院社区睦邻中心',
      content: '为高龄独居老人上门理发、测血压，陪同到社区卫生服务站复诊',
      from: '09:00',
      until: '11:30',
      evaluation: '耐心细致，老人满意',
    },
  },
  {
    teamId: 'demo-team-dance',
    kind: 'autonomous',
    name: '书院平舞队',
    description: '每晚在书院广场跳舞健身；逢节日为社区活动义务演出，并负责散场后的广场清扫。',
    skills: ['广场舞', '文艺演出', '环境清扫'],
    leader: LEADER,
    members: ['demo-r-paper-3', 'demo-r-paper-4'],
    service: {
      place: '书院广场',
      content: '社区文化活动义务演出，散场后清扫广场',
      from: '18:30',
      until: '20:30',
      evaluation: '准时到岗，演出认真',
    },
  },
  {
    teamId: 'demo-team-youth',
    kind: 'volunteer_service',
    name: '书院青年志愿者服务队',
    description: '周末为社区儿童辅导作业，为老人讲解智能手机和线上办事。',
    skills: ['课业辅导', '智能手机教学'],
    leader: 'demo-r-zhang',
    members: [],
    service: {
      place: '书院社区党群服务中心',
      content: '教老人用智能手机挂号、缴费',
      from: '14:00',
      until: '16:00',
      evaluation: '讲解清楚',
    },
  },
];

/** An instant on the day `offset` days from today at `time` China time, ISO-8601 UTC. */
const at = (day: Day, offset: number, time: string) =>
  new Date(`${day(offset)}T${time}:00+08:00`).toISOString();

export async function seedTeams({ store }: SeedTarget, day: Day, by: By): Promise<void> {
  for (const team of DEMO_TEAMS) {
    if (!(await streamIsMissing(store, teamStreams.team(team.teamId)))) continue;
    const { teamId } = team;
    await teamCommands.onTeam(by(WORKER, -380), teamId, () => ({
      type: 'RegisterTeam',
      data: {
        teamId,
        kind: team.kind,
        name: team.name,
        description: team.description,
        streetId: 'yushan',
        communityId: 'shuyuan',
        organiser: ORGANISER,
        skills: team.skills,
        leaders: [team.leader],
        registeredBy: WORKER,
      },
    }));
    for (const accountId of team.members) {
      await teamCommands.onTeam(by(accountId, -375), teamId, () => ({
        type: 'RequestToJoinTeam',
        data: { teamId, accountId },
      }));
      await teamCommands.onTeam(by(team.leader, -374), teamId, () => ({
        type: 'AnswerJoinRequest',
        data: { teamId, accountId, answer: 'accepted', by: team.leader },
      }));
    }
    await seedService(team, day, by);
  }
  if (await streamIsMissing(store, activityStreams.activity(DEMO_ACTIVITY.activityId))) {
    await seedActivity(day, by);
  }
  await seedNeeds({ store }, day, by);
  await seedCertificates({ store }, day, by);
}

export const DEMO_ACTIVITY = {
  activityId: 'demo-activity-silver',
  shiftIds: ['demo-shift-silver-1', 'demo-shift-silver-2'],
};

/**
 * The silver-age team's next activity, planned yesterday: two shifts in five days, the morning's
 * with one of its three slots taken by 钱福根.
 */
async function seedActivity(day: Day, by: By): Promise<void> {
  const { activityId, shiftIds } = DEMO_ACTIVITY;
  const teamId = 'demo-team-silver';
  const planning = by(LEADER, -1);
  await teamCommands.onActivity(
    planning,
    activityId,
    (_, team) => ({
      type: 'PlanActivity',
      data: {
        activityId,
        teamId,
        title: '重阳节上门探访高龄老人',
        description: '两人一组，带上重阳糕，上门陪老人聊天、测血压，记下需要帮忙的事。',
        shifts: [
          {
            shiftId: shiftIds[0]!,
            startsAt: at(day, 5, '09:00'),
            endsAt: at(day, 5, '11:30'),
            place: '书院社区睦邻中心集合',
            slots: 3,
          },
          {
            shiftId: shiftIds[1]!,
            startsAt: at(day, 5, '14:00'),
            endsAt: at(day, 5, '16:30'),
            place: '书院社区睦邻中心集合',
            slots: 2,
          },
        ],
        plannedBy: LEADER,
      },
      team,
      now: planning.metadata.occurredAt,
    }),
    teamId,
  );
  const signing = by('demo-r-zhao', -1);
  await teamCommands.onActivity(signing, activityId, (_, team) => ({
    type: 'SignUpForShift',
    data: { activityId, shiftId: shiftIds[0]!, accountId: 'demo-r-zhao' },
    team,
    now: signing.metadata.occurredAt,
  }));
}

/** Twelve months of service, each month's on the same weekday, the last one not yet confirmed. */
async function seedService(team: DemoTeam, day: Day, by: By): Promise<void> {
  const { teamId, service } = team;
  for (let month = 12; month >= 1; month -= 1) {
    const offset = -month * 30 + 2;
    for (const volunteerId of team.members) {
      const recordId = `${teamId}-${volunteerId}-${month}`;
      const writer = by(team.leader, offset + 1);
      await teamCommands.onServiceRecord(
        writer,
        recordId,
        (_, teamState) => ({
          type: 'RecordService',
          data: {
            recordId,
            teamId,
            volunteerId,
            startedAt: at(day, offset, service.from),
            endedAt: at(day, offset, service.until),
            place: service.place,
            content: service.content,
            source: { kind: 'entry' },
            recordedBy: team.leader,
          },
          ...(month > 1 ? { evaluation: service.evaluation } : {}),
          team: teamState,
          now: writer.metadata.occurredAt,
        }),
        teamId,
      );
    }
  }
  const [first] = team.members;
  if (!first) return;
  // The first member asks to correct two months ago: the service ran half an hour longer.
  const recordId = `${teamId}-${first}-2`;
  const asking = by(first, -20);
  await teamCommands.onServiceRecord(asking, recordId, () => ({
    type: 'RequestServiceCorrection',
    data: {
      recordId,
      startedAt: at(day, -58, service.from),
      endedAt: new Date(Date.parse(at(day, -58, service.until)) + 30 * 60_000).toISOString(),
      reason: '活动结束后又帮老人整理了半小时房间，签到表上有记录',
    },
    by: first,
    now: asking.metadata.occurredAt,
  }));
}
