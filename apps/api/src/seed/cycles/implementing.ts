import { advanceCyclePhase, ballotCommands, projectCommands } from '@gongzhi/api';
import { takeProject } from './project-steps.ts';
import { content, seedCycleUpToVoting, type DemoCycle, type DemoCycleContext } from './steps.ts';

const cycleId = 'demo-cycle-implementing';

/**
 * 虞山街道's cycle of this year in 书院社区 being implemented: six projects were selected and
 * each stands at another stage — awaiting approval (立项), budget reviewed, contract awarded,
 * works under way, completed with a rectification pending, and one cancelled — so a newcomer
 * sees every stage on the implementation board at once.
 */
export const implementingCycle: DemoCycle = { cycleId, seed: seedImplementingCycle };

const projects: [string, string, string, number, string][] = [
  [
    'demo-i-benches',
    '书院新村休闲座椅',
    '小区中心花园没有座椅，老人散步累了没处歇脚。',
    12_000,
    '书院新村中心花园',
  ],
  [
    'demo-i-lights',
    '北门小路路灯',
    '北门小路晚上一片漆黑，下夜班的居民走路不安全。',
    28_000,
    '书院新村北门小路',
  ],
  [
    'demo-i-ramp',
    '7 幢无障碍坡道',
    '7 幢门口只有台阶，坐轮椅的居民进出要人抬。',
    18_000,
    '书院新村7幢单元门口',
  ],
  [
    'demo-i-garden',
    '口袋花园改造',
    '东侧空地堆满杂物，希望改成居民可以休息的小花园。',
    45_000,
    '书院新村东侧空地',
  ],
  [
    'demo-i-mailboxes',
    '信报箱更换',
    '老信报箱锈坏了，快递和信件经常丢失。',
    15_000,
    '书院新村1至6幢楼道',
  ],
  [
    'demo-i-notice-board',
    '电子公告屏',
    '希望在小区门口装电子屏，及时发布通知。',
    20_000,
    '书院新村南门',
  ],
];

async function seedImplementingCycle({
  thisYear: year,
  day,
  by,
  ballotSeal: seal,
}: DemoCycleContext): Promise<void> {
  const officer = 'demo-yushan';
  const worker = 'demo-shuyuan';
  await seedCycleUpToVoting(day, by, {
    cycleId,
    officer,
    title: [`${year}年度书院社区民生微实事`, `Shuyuan micro-projects ${year}`],
    year,
    budgets: [['shuyuan', 200_000]],
    schedule: {
      proposing: -150,
      screening: -130,
      voting: -115,
      publicity: -105,
      implementing: -95,
      evaluating: 60,
      closed: 120,
    },
    options: { publicityDays: 5 },
    drafted: -165,
    published: -160,
    submitted: { from: -145, every: 1 },
    pools: [
      {
        communityId: 'shuyuan',
        worker,
        proposals: projects.map(([proposalId, title, description, cost, place], i) => [
          proposalId,
          i % 2 === 0 ? 'demo-r-li' : 'demo-r-zhao',
          content(title, description, 'works', cost, place),
          true,
        ]),
      },
    ],
    roundTable: {
      day: -125,
      season: 'implementing',
      proposer: true,
      notes: '六项建议均列入项目库。',
    },
  });
  const ids = projects.map(([proposalId]) => proposalId);
  for (const [voterId, choices] of [
    ['demo-r-li', ids.slice(0, 3)],
    ['demo-r-zhao', ids.slice(3)],
  ] as const) {
    await ballotCommands.castBallot(
      by(worker, -110, { onBehalfOf: voterId, channel: 'paper' }),
      seal,
      { cycleId, communityId: 'shuyuan', voterId, choices: [...choices] },
    );
  }
  await advanceCyclePhase(by(officer, -105), { cycleId, to: 'publicity' });
  // Confirming opens one project per winner.
  await advanceCyclePhase(by(officer, -95), { cycleId, to: 'implementing' });
  const cost = (id: string) => projects.find(([p]) => p === id)![3];
  await takeProject(by, day, {
    projectId: 'demo-i-lights',
    cost: cost('demo-i-lights'),
    from: -90,
    until: 'approved',
  });
  await takeProject(by, day, {
    projectId: 'demo-i-ramp',
    cost: cost('demo-i-ramp'),
    from: -88,
    until: 'contracted',
  });
  await takeProject(by, day, {
    projectId: 'demo-i-garden',
    cost: cost('demo-i-garden'),
    from: -60,
    until: 'started',
  });
  await takeProject(by, day, {
    projectId: 'demo-i-mailboxes',
    cost: cost('demo-i-mailboxes'),
    from: -85,
    until: 'completed',
  });
  await takeProject(by, day, {
    projectId: 'demo-i-notice-board',
    cost: cost('demo-i-notice-board'),
    from: -80,
    until: 'approved',
  });
  await projectCommands.cancelProject(by(officer, -70), {
    projectId: 'demo-i-notice-board',
    by: officer,
    reason: '经核实，市里已将小区电子公告屏列入智慧社区专项，不再使用微实事资金，资金退回社区。',
  });
}
