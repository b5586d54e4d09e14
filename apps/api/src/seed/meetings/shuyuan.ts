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

/** 19:00 China time on a day. */
const evening = (date: string) => `${date}T11:00:00.000Z`;

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
  const worker = (offset: number) => by(WORKER, offset);
  await meetingCommands.establishBody(worker(-400), {
    bodyId: DEMO_COUNCIL,
    communityId: 'shuyuan',
    streetId: 'yushan',
    kind: 'residents_council',
    name: '书院社区居民议事会',
    rules: defaultBodyRules('residents_council'),
  });
  const roster = [
    { residentId: CHAIR, role: 'chair' as const, kind: 'resident' as const },
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
    { residentId: RECORDER, role: 'recorder' as const, kind: 'committee' as const },
  ];
  for (const line of roster) {
    await meetingCommands.joinBody(worker(-400), {
      bodyId: DEMO_COUNCIL,
      ...line,
      from: day(-400),
    });
  }

  // Month m (1…12) of the past year: a meeting on day -(365 - 30m), noticed 5 days before (1 day
  // before in months 4 and 9); in month 7 only four members came, so the vote was not taken.
  for (let month = 1; month <= 12; month++) {
    const held = -(365 - 30 * month) - 2;
    const meetingId = `demo-meeting-shuyuan-${String(month).padStart(2, '0')}`;
    const late = month === 4 || month === 9;
    const topic = TOPICS[month - 1]!;
    await meetingCommands.conveneMeeting(worker(held - (late ? 1 : 5)), {
      meetingId,
      bodyId: DEMO_COUNCIL,
      title: `${topic}议事会`,
      agenda: [{ itemId: `${meetingId}-item`, title: topic, reserved: false }],
      startsAt: evening(day(held)),
      place: '书院社区议事厅',
    });
    const comers =
      month === 7 ? MEMBERS.slice(0, 4) : [CHAIR, ...MEMBERS.slice(0, 4 + (month % 3))];
    for (const [i, residentId] of [...comers, RECORDER].entries()) {
      const w =
        i % 2 === 0
          ? by(residentId, held)
          : by(WORKER, held, { onBehalfOf: residentId, channel: 'offline' });
      await meetingCommands.signIn(w, {
        meetingId,
        residentId,
        via: i % 2 === 0 ? 'code' : 'worker',
      });
    }
    if (month !== 7) {
      const motionId = `${meetingId}-motion`;
      await meetingCommands.tableMotion(worker(held), {
        meetingId,
        motionId,
        itemId: `${meetingId}-item`,
        text: `同意「${topic}」的实施方案，由社区居委会牵头落实。`,
      });
      await meetingCommands.voteOnMotion(worker(held), {
        meetingId,
        motionId,
        vote: { method: 'count', for: comers.length - 1, against: 1, abstain: 0 },
      });
    }
    await meetingCommands.closeMeeting(worker(held), meetingId);
  }

  await meetingCommands.conveneMeeting(worker(0), {
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

const ROUND_TABLE = [
  { residentId: 'demo-r-zhang', role: 'chair' as const, kind: 'resident' as const },
  { residentId: 'demo-r-li', role: 'member' as const, kind: 'resident' as const },
  { residentId: 'demo-r-paper-1', role: 'member' as const, kind: 'property_company' as const },
  { residentId: 'demo-r-paper-2', role: 'member' as const, kind: 'social_organisation' as const },
  { residentId: 'demo-r-paper-3', role: 'member' as const, kind: 'unit' as const },
];

/** The round-table of the months 1…12 but 3, 6, 9 and 12, at 17:00 before the council's 19:00. */
async function seedRoundTable(day: Day, by: By): Promise<void> {
  const worker = (offset: number) => by(WORKER, offset);
  await meetingCommands.establishBody(worker(-400), {
    bodyId: DEMO_ROUND_TABLE,
    communityId: 'shuyuan',
    streetId: 'yushan',
    kind: 'round_table',
    name: '书院社区邻里圆桌会',
    rules: defaultBodyRules('round_table'),
  });
  for (const line of ROUND_TABLE) {
    await meetingCommands.joinBody(worker(-400), {
      bodyId: DEMO_ROUND_TABLE,
      ...line,
      from: day(-400),
    });
  }
  for (let month = 1; month <= 12; month++) {
    if (month % 3 === 0) continue;
    const held = -(365 - 30 * month) - 2;
    const meetingId = `demo-meeting-shuyuan-round-table-${String(month).padStart(2, '0')}`;
    const topic = TOPICS[month - 1]!;
    await meetingCommands.conveneMeeting(worker(held - 4), {
      meetingId,
      bodyId: DEMO_ROUND_TABLE,
      title: `${topic}圆桌会`,
      agenda: [{ itemId: `${meetingId}-item`, title: topic, reserved: false }],
      startsAt: `${day(held)}T09:00:00.000Z`,
      place: '书院社区睦邻客厅',
    });
    const comers = ROUND_TABLE.slice(0, month % 2 === 0 ? 5 : 4).map((l) => l.residentId);
    for (const residentId of comers) {
      await meetingCommands.signIn(by(residentId, held), { meetingId, residentId, via: 'code' });
    }
    const motionId = `${meetingId}-motion`;
    await meetingCommands.tableMotion(worker(held), {
      meetingId,
      motionId,
      itemId: `${meetingId}-item`,
      text: `建议社区居民议事会讨论「${topic}」。`,
    });
    await meetingCommands.voteOnMotion(worker(held), {
      meetingId,
      motionId,
      vote: { method: 'count', for: comers.length, against: 0, abstain: 0 },
    });
    await meetingCommands.closeMeeting(worker(held), meetingId);
  }
}
