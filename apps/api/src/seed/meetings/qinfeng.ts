// Demo deliberation of 琴枫社区 from topic to 落实反馈: its council, set up half a year ago, meets
// every other month; two of its agenda items are topics residents raised and others supported (a
// third was declined with its reason), and its adopted resolutions are followed up: one closed on
// time, one closed late, one overdue (on the street's board), the last not yet due.
import { meetingResolutionCommands, meetingTopicCommands } from '@gongzhi/api';
import { meetingStreams } from '@gongzhi/domain';
import { rosterResidentsOf } from '../roster-residents.ts';
import type { By, Day, SeedTarget } from '../writers.ts';
import { streamIsMissing } from '../writers.ts';
import {
  bodyOf,
  establishWithRoster,
  heldInMonth,
  holdYear,
  meetingOfMonth,
  motionOf,
  type DemoYear,
} from './steps.ts';

const WORKER = 'demo-qinfeng';
const [CHAIR, MEMBER, NEIGHBOUR] = rosterResidentsOf('qinfeng') as [string, string, string];
const TOPIC_PARKING = 'demo-topic-qinfeng-parking';
const TOPIC_LIFT = 'demo-topic-qinfeng-lift';
const TOPIC_FEES = 'demo-topic-qinfeng-fees';

const YEAR: DemoYear = {
  body: bodyOf('qinfeng', 'qinchuan', 'residents_council', '琴枫社区居民议事会', [
    'resident',
    'resident',
    'owners_committee',
  ]),
  worker: WORKER,
  from: -195,
  place: '琴枫社区议事厅',
  motionsCarriedOutBy: '琴枫社区居委会',
  meetings: [
    { month: 6, noticeDays: 5, present: 3, topic: '小区围墙修缮' },
    { month: 8, noticeDays: 5, present: 3, topic: '夜间停车秩序', topicId: TOPIC_PARKING },
    { month: 10, noticeDays: 5, present: 3, topic: '多层住宅加装电梯', topicId: TOPIC_LIFT },
    { month: 12, noticeDays: 5, present: 2, topic: '冬季困难家庭走访' },
  ],
};

export async function seedQinfengMeetings(target: SeedTarget, day: Day, by: By): Promise<void> {
  const { body } = YEAR;
  if (!(await streamIsMissing(target.store, meetingStreams.body(body.bodyId)))) return;
  await establishWithRoster(by, day, WORKER, YEAR.from, body);
  await seedTopics(by, body.bodyId);
  await holdYear(by, day, YEAR);
  await seedFollowUp(by, day);
}

/** Raised by residents a month before their meeting, supported, then screened by the worker. */
async function seedTopics(by: By, bodyId: string): Promise<void> {
  const raised = [
    { topicId: TOPIC_PARKING, month: 8, author: MEMBER, supporter: NEIGHBOUR },
    { topicId: TOPIC_LIFT, month: 10, author: NEIGHBOUR, supporter: CHAIR },
    { topicId: TOPIC_FEES, month: 10, author: CHAIR, supporter: undefined },
  ];
  const texts: Record<string, [string, string]> = {
    [TOPIC_PARKING]: [
      '夜间停车秩序',
      '晚上小区主干道两侧停满车，消防车进不来，希望议一议停车规则。',
    ],
    [TOPIC_LIFT]: ['多层住宅加装电梯', '6 号楼老人多，想征集加装电梯的意见，议一议费用分摊。'],
    [TOPIC_FEES]: ['物业费调价', '物业公司通知明年物业费上调，希望议事会讨论。'],
  };
  for (const { topicId, month, author, supporter } of raised) {
    const on = heldInMonth(month) - 30;
    const [title, detail] = texts[topicId]!;
    await meetingTopicCommands.raiseTopic(by(author, on), {
      topicId,
      communityId: 'qinfeng',
      streetId: 'qinchuan',
      title,
      detail,
      raisedBy: 'resident',
      authorId: author,
      source: 'own',
      sourceRef: null,
    });
    if (supporter) {
      await meetingTopicCommands.supportTopic(by(supporter, on + 2), {
        topicId,
        residentId: supporter,
      });
    }
    if (topicId === TOPIC_FEES) {
      await meetingTopicCommands.declineTopic(by(WORKER, on + 5), {
        topicId,
        reason: '物业费调整须经业主大会表决，已转业主委员会依法召集；议事会不作决定。',
      });
    } else {
      await meetingTopicCommands.acceptTopic(by(WORKER, on + 5), {
        topicId,
        bodyId,
        note: null,
      });
    }
  }
}

/** Each adopted resolution's owner, due day and what became of it (days after the meeting). */
const FOLLOW_UP: {
  month: number;
  owner: string;
  dueAfter: number;
  progressAfter?: [number, string];
  closedAfter?: [number, string];
}[] = [
  {
    month: 6,
    owner: '琴枫社区居委会',
    dueAfter: 30,
    closedAfter: [21, '围墙破损处已修补完毕，居民代表验收通过。'],
  },
  {
    month: 8,
    owner: '琴枫社区居委会、物业公司',
    dueAfter: 30,
    progressAfter: [20, '停车规则征求意见稿已张贴，收到意见 23 条。'],
    closedAfter: [45, '停车规则已施行，主干道夜间不再停车；比期限晚半个月。'],
  },
  {
    month: 10,
    owner: '琴枫社区居委会',
    dueAfter: 30,
    progressAfter: [14, '6 号楼已有 10 户签字同意，费用分摊方案在测算。'],
  },
  { month: 12, owner: '琴枫社区居委会', dueAfter: 30 },
];

async function seedFollowUp(by: By, day: Day): Promise<void> {
  for (const { month, owner, dueAfter, progressAfter, closedAfter } of FOLLOW_UP) {
    const meetingId = meetingOfMonth('qinfeng', month);
    const heldOn = heldInMonth(month);
    const resolutionId = `demo-resolution-qinfeng-${String(month).padStart(2, '0')}`;
    await meetingResolutionCommands.assignResolution(
      by(WORKER, heldOn),
      {
        resolutionId,
        meetingId,
        motionId: motionOf(meetingId),
        owner,
        dueOn: day(heldOn + dueAfter),
        link: null,
      },
      day(heldOn),
    );
    if (progressAfter) {
      const [after, text] = progressAfter;
      await meetingResolutionCommands.reportResolutionProgress(by(WORKER, heldOn + after), {
        resolutionId,
        on: day(heldOn + after),
        text,
      });
    }
    if (closedAfter) {
      const [after, report] = closedAfter;
      await meetingResolutionCommands.closeResolution(by(WORKER, heldOn + after), {
        resolutionId,
        on: day(heldOn + after),
        report,
      });
    }
  }
}
