import { advanceCyclePhase, ballotCommands } from '@gongzhi/api';
import { content, seedCycleUpToVoting, type DemoCycle, type DemoCycleContext } from './steps.ts';

const cycleId = 'demo-cycle-notice';

/**
 * 虞山街道's summer cycle of this year, in publicity (公示) since two days ago for five days: the
 * demo residents voted on five projects in 书院社区 and two in 虹桥社区 and the vote was counted
 * by the Method of Equal Shares, so that objections can be filed now. In 书院社区 the budget buys
 * the folding seats, the weekend canteen and the shoe rack; the pavilion and the notice board
 * lose (their authors are owed feedback).
 */
export const noticeCycle: DemoCycle = { cycleId, seed: seedNoticeCycle };

async function seedNoticeCycle({
  thisYear: year,
  day,
  by,
  ballotSeal: seal,
}: DemoCycleContext): Promise<void> {
  const officer = 'demo-yushan';
  await seedCycleUpToVoting(day, by, {
    cycleId,
    officer,
    title: [`${year}年度夏季民生微实事`, `Summer micro-projects ${year}`],
    year,
    budgets: [
      ['shuyuan', 100_000],
      ['hongqiao', 100_000],
    ],
    schedule: {
      proposing: -40,
      screening: -25,
      voting: -10,
      publicity: -2,
      implementing: 3,
      evaluating: 100,
      closed: 200,
    },
    // Four ballots publish 书院社区's bulletin ballot by ballot; 虹桥社区's one ballot shows as
    // totals only (the default minimum is ten, which no demo community reaches).
    options: { aggregation: 'mes', publicityDays: 5, bulletinMinimum: 4 },
    drafted: -50,
    published: -45,
    submitted: { from: -38, every: 1 },
    pools: [
      {
        communityId: 'shuyuan',
        worker: 'demo-shuyuan',
        proposals: [
          [
            'demo-n-seats',
            'demo-r-wang',
            content(
              '菜场至小区沿路休息座椅',
              '从菜场走回小区要十几分钟,路上没有地方坐,老人提着菜走不动。',
              'goods',
              30_000,
              '书院菜场至书院新村北门人行道',
            ),
            false,
          ],
          [
            'demo-n-canteen',
            'demo-r-li',
            content(
              '长者食堂夏季消暑套餐',
              '夏天为独居老人供应绿豆汤和清淡套餐,并上门送餐。',
              'services',
              45_000,
              '书院社区长者食堂',
            ),
            true,
          ],
          [
            'demo-n-pavilion',
            'demo-r-zhang',
            content(
              '中心绿地休闲凉亭',
              '中心绿地夏天没有遮阴的地方,希望建一座木结构凉亭。',
              'works',
              60_000,
              '书院新村中心绿地东侧',
            ),
            false,
          ],
          [
            'demo-n-shoe-rack',
            'demo-r-zhao',
            content(
              '老年活动室换鞋凳和储物柜',
              '活动室门口换鞋没有凳子,老人弯腰容易摔倒,希望添置换鞋凳和储物柜。',
              'goods',
              25_000,
              '书院社区老年活动室',
            ),
            true,
          ],
          [
            'demo-n-notice-board',
            'demo-r-wang',
            content(
              '各幢楼下电子公告屏',
              '纸质通知经常被撕掉或淋湿,希望在各幢楼下装电子公告屏。',
              'works',
              40_000,
              '书院新村1至9幢单元门口',
            ),
            false,
          ],
        ],
      },
      {
        communityId: 'hongqiao',
        worker: 'demo-yushan',
        proposals: [
          [
            'demo-n-bridge-rail',
            'demo-r-chen',
            content(
              '虹桥老桥栏杆加固',
              '老桥栏杆松动,孩子们上学经过很危险。',
              'works',
              55_000,
              '虹桥社区虹桥老桥',
            ),
            false,
          ],
          [
            'demo-n-awning',
            'demo-r-chen',
            content(
              '菜场门口遮阳棚',
              '菜场门口夏天暴晒,希望搭建遮阳棚。',
              'works',
              50_000,
              '虹桥菜场南门',
            ),
            false,
          ],
        ],
      },
    ],
    roundTable: {
      day: -15,
      season: 'summer',
      proposer: true,
      notes: '居民代表逐条讨论,全部建议列入项目库交居民投票。',
    },
  });

  // Residents without a password voted on paper, which the worker entered for them.
  const ballots: [string, string, string[], boolean][] = [
    ['demo-r-wang', 'shuyuan', ['demo-n-seats', 'demo-n-canteen', 'demo-n-pavilion'], false],
    ['demo-r-zhang', 'shuyuan', ['demo-n-seats', 'demo-n-pavilion', 'demo-n-shoe-rack'], false],
    ['demo-r-li', 'shuyuan', ['demo-n-canteen', 'demo-n-notice-board'], true],
    ['demo-r-zhao', 'shuyuan', ['demo-n-seats', 'demo-n-canteen'], true],
    ['demo-r-chen', 'hongqiao', ['demo-n-bridge-rail'], false],
  ];
  for (const [voterId, communityId, choices, paper] of ballots) {
    const casting = paper
      ? by('demo-shuyuan', -6, { onBehalfOf: voterId, channel: 'paper' })
      : by(voterId, -6);
    await ballotCommands.castBallot(casting, seal, {
      cycleId,
      communityId,
      voterId,
      choices,
    });
  }
  // Closing the vote counts every community (see advanceCyclePhase).
  await advanceCyclePhase(by(officer, -2), { cycleId, to: 'publicity' });
}
