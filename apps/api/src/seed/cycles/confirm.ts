import { advanceCyclePhase, ballotCommands, outcomeCommands } from '@gongzhi/api';
import { content, seedCycleUpToVoting, type DemoCycle, type DemoCycleContext } from './steps.ts';

const cycleId = 'demo-cycle-confirm';

/**
 * 虞山街道's spring cycle of this year in 虹桥社区 alone: one project, voted for and selected; its
 * public notice (five days from eight days ago) is over and its one objection dismissed, so the
 * selection can be confirmed today, the day the schedule gives for implementing.
 */
export const confirmCycle: DemoCycle = { cycleId, seed: seedConfirmCycle };

async function seedConfirmCycle({
  thisYear: year,
  day,
  by,
  ballotSeal: seal,
}: DemoCycleContext): Promise<void> {
  const officer = 'demo-yushan';
  const proposalId = 'demo-c-bike-racks';
  await seedCycleUpToVoting(day, by, {
    cycleId,
    officer,
    title: [`${year}年度春季民生微实事`, `Spring micro-projects ${year}`],
    year,
    budgets: [['hongqiao', 100_000]],
    schedule: {
      proposing: -45,
      screening: -35,
      voting: -20,
      publicity: -8,
      implementing: 0,
      evaluating: 100,
      closed: 200,
    },
    options: { publicityDays: 5 },
    drafted: -60,
    published: -55,
    submitted: { from: -40, every: 1 },
    pools: [
      {
        communityId: 'hongqiao',
        worker: officer,
        proposals: [
          [
            proposalId,
            'demo-r-chen',
            content(
              '虹桥新村非机动车停放架',
              '小区里自行车乱停乱放,挡住消防通道,希望在各幢楼下安装停放架。',
              'works',
              45_000,
              '虹桥新村1至6幢楼下',
            ),
            false,
          ],
        ],
      },
    ],
    roundTable: {
      day: -25,
      season: 'spring',
      proposer: false,
      notes: '居民代表一致同意列入项目库。',
    },
  });
  await ballotCommands.castBallot(by('demo-r-chen', -15), seal, {
    cycleId,
    communityId: 'hongqiao',
    voterId: 'demo-r-chen',
    choices: [proposalId],
  });
  await advanceCyclePhase(by(officer, -8), { cycleId, to: 'publicity' });
  const objectionId = 'demo-objection-spring';
  await outcomeCommands.fileObjection(by('demo-r-chen', -6), {
    objectionId,
    cycleId,
    communityId: 'hongqiao',
    target: { kind: 'count' },
    text: '投票的人太少,只有一张选票,结果能算数吗?',
    photos: [],
    filedBy: 'demo-r-chen',
  });
  await outcomeCommands.answerObjection(by(officer, -5), {
    objectionId,
    answer: 'dismissed',
    reason: '投票按规则公开进行,计票结果与选票公告板一致;下一轮将加强宣传,动员更多居民参与。',
    answeredBy: officer,
  });
}
