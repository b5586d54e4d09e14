// Steps of a selected project the demo cycles share: each takes a project one stage further, as
// the street (demo-yushan) and 书院社区's department (demo-department) would record it.
import { projectCommands, projectSurvey } from '@gongzhi/api';
import type { By, Day } from '../writers.ts';
import { yuan } from './steps.ts';

const officer = 'demo-yushan';
const department = 'demo-department';

export const COMMITTEE = [
  { role: 'implementer' as const, name: '虞山街道城建办 王工', signed: true },
  { role: 'community' as const, name: '书院社区 李书记', signed: true },
  { role: 'resident_representative' as const, name: '居民代表 顾阿姨', signed: true },
  { role: 'resident_representative' as const, name: '居民代表 沈师傅', signed: true },
];

/** The stages a demo project is taken through, in order; each step needs the ones before it. */
export type DemoStage =
  'approved' | 'contracted' | 'started' | 'completed' | 'accepted' | 'settled';

/**
 * Takes the project up to `until`, starting `from` days from today, a few days per stage; the
 * contract is a little below the budget (the cost selected), and works have three milestones.
 */
export async function takeProject(
  by: By,
  day: Day,
  plan: { projectId: string; cost: number; from: number; until: DemoStage },
): Promise<void> {
  const { projectId, cost, until } = plan;
  const stages: DemoStage[] = [
    'approved',
    'contracted',
    'started',
    'completed',
    'accepted',
    'settled',
  ];
  const reaches = (stage: DemoStage) => stages.indexOf(stage) <= stages.indexOf(until);
  let d = plan.from;
  const next = (days = 3) => (d += days);
  await projectCommands.approveProject(by(officer, d), {
    projectId,
    by: officer,
    implementer: { kind: 'department', name: '虞山街道城建办' },
    note: '街道党工委会议同意立项。',
    documents: [],
  });
  await projectCommands.reviewBudget(by(officer, next()), {
    projectId,
    by: officer,
    approvedBudget: yuan(cost),
  });
  if (!reaches('contracted')) return;
  const contract = yuan(Math.round(cost * 0.92));
  await projectCommands.awardContract(by(department, next()), {
    projectId,
    by: department,
    method: 'inquiry',
    bidders: [
      { name: '琴湖市政建设有限公司', amount: contract },
      { name: '虞城建筑装饰工程有限公司', amount: yuan(Math.round(cost * 0.97)) },
      { name: '常熟永安工程队', amount: yuan(cost) },
    ],
    contractor: '琴湖市政建设有限公司',
    contractValue: contract,
    reason: '三家询价，琴湖市政报价最低，资质和工期符合要求。',
    documents: [],
  });
  if (!reaches('started')) return;
  const started = next();
  await projectCommands.startWorks(by(department, started), {
    projectId,
    by: department,
    startedOn: day(started),
    milestones: [
      { milestoneId: 'm1', title: '材料进场、清理场地', weight: 20, plannedOn: day(started + 5) },
      { milestoneId: 'm2', title: '主体施工', weight: 60, plannedOn: day(started + 20) },
      { milestoneId: 'm3', title: '收尾与清场', weight: 20, plannedOn: day(started + 30) },
    ],
    photos: [],
  });
  await projectCommands.reachMilestone(by(department, next(6)), {
    projectId,
    by: department,
    milestoneId: 'm1',
    reachedOn: day(d),
    note: '材料已进场，场地清理完毕。',
    photos: [],
  });
  await projectCommands.recordPayment(by(department, next(2)), {
    projectId,
    by: department,
    paymentId: `${projectId}-advance`,
    amount: Math.round(contract * 0.3),
    paidOn: day(d),
    milestoneId: 'm1',
    note: '预付款 30%',
  });
  if (!reaches('completed')) return;
  for (const milestoneId of ['m2', 'm3']) {
    await projectCommands.reachMilestone(by(department, next(10)), {
      projectId,
      by: department,
      milestoneId,
      reachedOn: day(d),
      photos: [],
    });
  }
  await projectCommands.completeWorks(by(department, next(1)), {
    projectId,
    by: department,
    completedOn: day(d),
    photos: [],
  });
  await projectCommands.recordAcceptance(by(department, next()), {
    projectId,
    by: department,
    verdict: 'conditional',
    acceptedOn: day(d),
    committee: COMMITTEE,
    rectifications: [{ item: '个别部位收边不平整，需返工', dueOn: day(d + 10) }],
    note: '居民代表现场查看后提出整改意见。',
  });
  if (!reaches('accepted')) return;
  await projectCommands.recordAcceptance(by(department, next(10)), {
    projectId,
    by: department,
    verdict: 'passed',
    acceptedOn: day(d),
    committee: COMMITTEE,
    rectifications: [],
    note: '整改完成，复验通过。',
  });
  await projectCommands.recordPayment(by(department, next(2)), {
    projectId,
    by: department,
    paymentId: `${projectId}-progress`,
    amount: contract - Math.round(contract * 0.3) - Math.round(contract * 0.05),
    paidOn: day(d),
    milestoneId: 'm3',
    note: '验收后支付至 95%，留 5% 质保金',
  });
  if (!reaches('settled')) return;
  await projectCommands.settleProject(by(department, next(5)), {
    projectId,
    by: department,
    finalAmount: contract,
  });
}

/**
 * Runs the satisfaction survey of a settled project (opened `from` days from today for the
 * cycle's 14 days, answered by `answers`, then closed) and publishes its evaluation.
 */
export async function evaluateDemoProject(
  by: By,
  plan: {
    projectId: string;
    from: number;
    answers: [
      string,
      { overall: number; quality: number; timeliness: number; usefulness: number },
    ][];
    reply: string;
  },
): Promise<void> {
  const { projectId, from } = plan;
  const worker = 'demo-shuyuan';
  await projectSurvey.openSurvey(by(worker, from), { projectId, by: worker });
  for (const [i, [residentId, scores]] of plan.answers.entries()) {
    await projectSurvey.answerSurvey(by(residentId, from + 1 + i), {
      projectId,
      residentId,
      scores,
    });
  }
  await projectSurvey.closeSurvey(by(worker, from + 15), { projectId, by: worker });
  await projectSurvey.evaluateProject(by(department, from + 17), {
    projectId,
    by: department,
    reply: plan.reply,
  });
}
