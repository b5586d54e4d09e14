import { advanceCyclePhase, ballotCommands } from '@gongzhi/api';
import { evaluateDemoProject, takeProject } from './project-steps.ts';
import { content, seedCycleUpToVoting, type DemoCycle, type DemoCycleContext } from './steps.ts';

const cycleId = 'demo-cycle-evaluating';

/**
 * 虞山街道's first cycle of this year in 书院社区 alone, being evaluated: the stair handrails
 * were selected and built; the author of the bicycle shed, not selected, still waits for
 * feedback (意见共商), so the cycle cannot close yet. The handrails' project is settled and evaluated.
 */
export const evaluatingCycle: DemoCycle = { cycleId, seed: seedEvaluatingCycle };

async function seedEvaluatingCycle({
  thisYear: year,
  day,
  by,
  ballotSeal: seal,
}: DemoCycleContext): Promise<void> {
  const officer = 'demo-yushan';
  const worker = 'demo-shuyuan';
  const selected = 'demo-e-handrails';
  await seedCycleUpToVoting(day, by, {
    cycleId,
    officer,
    title: [`${year}年度第一批民生微实事`, `Micro-projects ${year}, first round`],
    year,
    budgets: [['shuyuan', 100_000]],
    schedule: {
      proposing: -150,
      screening: -135,
      voting: -120,
      publicity: -110,
      implementing: -100,
      evaluating: -10,
      closed: 20,
    },
    options: { publicityDays: 5 },
    drafted: -165,
    published: -160,
    submitted: { from: -145, every: 1 },
    pools: [
      {
        communityId: 'shuyuan',
        worker,
        proposals: [
          [
            selected,
            'demo-r-li',
            content(
              '老楼楼梯扶手加装',
              '书院新村老楼楼梯没有扶手,老人上下楼只能扶墙。',
              'works',
              30_000,
              '书院新村10至12幢楼道',
            ),
            true,
          ],
          [
            'demo-e-bike-shed',
            'demo-r-zhao',
            content(
              '电动自行车充电车棚',
              '电动自行车在楼道里充电很危险,希望建一个带充电桩的车棚。',
              'works',
              40_000,
              '书院新村北门空地',
            ),
            true,
          ],
        ],
      },
    ],
    roundTable: {
      day: -130,
      season: 'first',
      proposer: false,
      notes: '居民代表同意两项建议列入项目库。',
    },
  });
  await ballotCommands.castBallot(
    by(worker, -115, { onBehalfOf: 'demo-r-zhao', channel: 'paper' }),
    seal,
    { cycleId, communityId: 'shuyuan', voterId: 'demo-r-zhao', choices: [selected] },
  );
  await advanceCyclePhase(by(officer, -110), { cycleId, to: 'publicity' });
  // Confirming opens the handrails' project, carried out and settled before the evaluation.
  await advanceCyclePhase(by(officer, -100), { cycleId, to: 'implementing' });
  await takeProject(by, day, { projectId: selected, cost: 30_000, from: -95, until: 'settled' });
  await evaluateDemoProject(by, {
    projectId: selected,
    from: -36,
    answers: [
      ['demo-r-li', { overall: 5, quality: 4, timeliness: 4, usefulness: 5 }],
      ['demo-r-zhao', { overall: 4, quality: 4, timeliness: 3, usefulness: 5 }],
    ],
    reply: '感谢居民的评价。针对施工期偏长的意见，今后同类项目将提前公布施工计划，分楼栋错峰施工。',
  });
  await advanceCyclePhase(by(officer, -10), { cycleId, to: 'evaluating' });
}
