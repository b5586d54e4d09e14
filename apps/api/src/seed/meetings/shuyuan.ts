// Demo deliberation (议事协商) of 书院社区: its residents' council (居民议事会) of seven voting
// members and a recorder, a year of monthly meetings (each with notice, sign-ins, a motion and
// its vote, closed; two with late notice, one without quorum), and the next meeting, convened
// today for five days from now, whose sign-in the demo can try. Its neighbourhood round-table
// (邻里圆桌会) of five parties meets on the council's day in eight of those months, so that the
// vitality index (docs/vitality-index.md) has months of two meetings and small samples of one.
import { meetingCommands } from '@gongzhi/api';
import { defaultBodyRules, meetingStreams } from '@gongzhi/domain';
import type { By, Day, SeedTarget } from '../writers.ts';
import { streamIsMissing } from '../writers.ts';
import {
  establishWithRoster,
  evening,
  heldInMonth,
  holdMeeting,
  type RosterLine,
} from './steps.ts';

export const DEMO_COUNCIL = 'demo-body-shuyuan-council';
/** The meeting convened today, five days ahead. */
export const DEMO_NEXT_MEETING = 'demo-meeting-shuyuan-next';

const WORKER = 'demo-shuyuan';
const CHAIR = 'demo-r-wang';
const MEMBERS = [
  'demo-r-zhang',
  'demo-r-li',
  'demo-r-zhao',
  'demo-r-paper-1',
  'demo-r-paper-2',
  'demo-r-paper-3',
];
const RECORDER = 'demo-r-paper-4';

const TOPICS = [
  '楼道堆物清理',
  '非机动车充电桩选址',
  '小区绿化补种',
  '老年食堂用餐时段',
  '垃圾分类投放点调整',
  '停车位划线方案',
  '健身器材更新',
  '暑期青少年托管',
  '雨污管网疏通',
  '社区活动室开放时间',
  '电梯加装意见征集',
  '年度议事工作回顾',
];

export async function seedShuyuanMeetings(target: SeedTarget, day: Day, by: By): Promise<void> {
  // The council first: it is the community's first body, the one pages offer first.
  if (await streamIsMissing(target.store, meetingStreams.body(DEMO_COUNCIL))) {
    await seedCouncil(day, by);
  }
  if (await streamIsMissing(target.store, meetingStreams.body(DEMO_ROUND_TABLE))) {
    await seedRoundTable(day, by);
  }
}

async function seedCouncil(day: Day, by: By): Promise<void> {
  const roster: RosterLine[] = [
    { residentId: CHAIR, role: 'chair', kind: 'resident' },
    ...MEMBERS.map((residentId, i) => ({
      residentId,
      role: 'member' as const,
      kind:
        i === 3
          ? ('owners_committee' as const)
          : i === 4
            ? ('property_company' as const)
            : ('resident' as const),
    })),
    { residentId: RECORDER, role: 'recorder', kind: 'committee' },
  ];
  await establishWithRoster(by, day, WORKER, -400, {
    bodyId: DEMO_COUNCIL,
    communityId: 'shuyuan',
    streetId: 'yushan',
    kind: 'residents_council',
    name: '书院社区居民议事会',
    rules: defaultBodyRules('residents_council'),
    roster,
  });

  // Month m (1…12) of the past year: a meeting on its day (heldInMonth), noticed 5 days before (1 day
  // before in months 4 and 9); in month 7 only four members came, so the vote was not taken.
  for (let month = 1; month <= 12; month++) {
    const held = heldInMonth(month);
    const meetingId = `demo-meeting-shuyuan-${String(month).padStart(2, '0')}`;
    const late = month === 4 || month === 9;
    const topic = TOPICS[month - 1]!;
    const comers =
      month === 7 ? MEMBERS.slice(0, 4) : [CHAIR, ...MEMBERS.slice(0, 4 + (month % 3))];
    await holdMeeting(by, {
      bodyId: DEMO_COUNCIL,
      meetingId,
      worker: WORKER,
      title: `${topic}议事会`,
      item: topic,
      noticedOn: held - (late ? 1 : 5),
      heldOn: held,
      startsAt: evening(day(held)),
      place: '书院社区议事厅',
      comers: [...comers, RECORDER].map((residentId, i) => ({
        residentId,
        via: i % 2 === 0 ? ('code' as const) : ('worker' as const),
      })),
      ...(month === 7
        ? {}
        : {
            motion: {
              text: `同意「${topic}」的实施方案，由社区居委会牵头落实。`,
              for: comers.length - 1,
              against: 1,
              abstain: 0,
            },
          }),
    });
  }

  await meetingCommands.conveneMeeting(by(WORKER, 0), {
    meetingId: DEMO_NEXT_MEETING,
    bodyId: DEMO_COUNCIL,
    title: '车棚改造议事会',
    agenda: [
      { itemId: `${DEMO_NEXT_MEETING}-shed`, title: '车棚改造方案', reserved: false },
      { itemId: `${DEMO_NEXT_MEETING}-rules`, title: '修改居民公约', reserved: true },
    ],
    startsAt: evening(day(5)),
    place: '书院社区议事厅',
  });
}

export const DEMO_ROUND_TABLE = 'demo-body-shuyuan-round-table';

const ROUND_TABLE: RosterLine[] = [
  { residentId: 'demo-r-zhang', role: 'chair', kind: 'resident' },
  { residentId: 'demo-r-li', role: 'member', kind: 'resident' },
  { residentId: 'demo-r-paper-1', role: 'member', kind: 'property_company' },
  { residentId: 'demo-r-paper-2', role: 'member', kind: 'social_organisation' },
  { residentId: 'demo-r-paper-3', role: 'member', kind: 'unit' },
];

/** The round-table of the months 1…12 but 3, 6, 9 and 12, at 17:00 before the council's 19:00. */
async function seedRoundTable(day: Day, by: By): Promise<void> {
  await establishWithRoster(by, day, WORKER, -400, {
    bodyId: DEMO_ROUND_TABLE,
    communityId: 'shuyuan',
    streetId: 'yushan',
    kind: 'round_table',
    name: '书院社区邻里圆桌会',
    rules: defaultBodyRules('round_table'),
    roster: ROUND_TABLE,
  });
  for (let month = 1; month <= 12; month++) {
    if (month % 3 === 0) continue;
    const held = heldInMonth(month);
    const meetingId = `demo-meeting-shuyuan-round-table-${String(month).padStart(2, '0')}`;
    const topic = TOPICS[month - 1]!;
    const comers = ROUND_TABLE.slice(0, month % 2 === 0 ? 5 : 4);
    await holdMeeting(by, {
      bodyId: DEMO_ROUND_TABLE,
      meetingId,
      worker: WORKER,
      title: `${topic}圆桌会`,
      item: topic,
      noticedOn: held - 4,
      heldOn: held,
      startsAt: `${day(held)}T09:00:00.000Z`,
      place: '书院社区睦邻客厅',
      comers: comers.map(({ residentId }) => ({ residentId, via: 'code' as const })),
      motion: {
        text: `建议社区居民议事会讨论「${topic}」。`,
        for: comers.length,
        against: 0,
        abstain: 0,
      },
    });
  }
}
