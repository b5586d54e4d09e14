import { content, seedCycleUpToVoting, type DemoCycle, type DemoCycleContext } from './steps.ts';

const cycleId = 'demo-cycle-voting';

/**
 * 虞山街道's autumn cycle of this year, in voting since three days ago: a pool of six projects in
 * 书院社区 (more than its budget buys) and two in 虹桥社区, approval of at most three, counted by
 * the Method of Equal Shares.
 */
export const votingCycle: DemoCycle = { cycleId, seed: seedVotingCycle };

async function seedVotingCycle({ thisYear: year, day, by }: DemoCycleContext): Promise<void> {
  await seedCycleUpToVoting(day, by, {
    cycleId,
    officer: 'demo-yushan',
    title: [`${year}年度秋季民生微实事`, `Autumn micro-projects ${year}`],
    year,
    budgets: [
      ['shuyuan', 150_000],
      ['hongqiao', 100_000],
    ],
    schedule: {
      proposing: -60,
      screening: -35,
      voting: -3,
      publicity: 7,
      implementing: 15,
      evaluating: 200,
      closed: 260,
    },
    options: { aggregation: 'mes' },
    drafted: -70,
    published: -65,
    submitted: { from: -55, every: 2 },
    pools: [
      {
        communityId: 'shuyuan',
        worker: 'demo-shuyuan',
        proposals: [
          [
            'demo-v-lift-seats',
            'demo-r-wang',
            content(
              '楼道休息折叠座椅',
              '老楼没有电梯,在2至6楼的楼道平台装折叠座椅,老人上楼可以歇脚。',
              'goods',
              12_000,
              '书院新村1至4幢楼道',
            ),
            false,
          ],
          [
            'demo-v-canteen',
            'demo-r-li',
            content(
              '长者食堂周末开餐',
              '长者食堂周末不开,独居老人周末吃饭成问题,希望周六周日中午也供餐。',
              'services',
              36_000,
              '书院社区长者食堂',
            ),
            true,
          ],
          [
            'demo-v-path-lights',
            'demo-r-zhang',
            content(
              '中心绿地步道太阳能灯',
              '中心绿地步道晚上没有照明,散步容易绊倒,建议装太阳能草坪灯。',
              'works',
              45_000,
              '书院新村中心绿地',
            ),
            false,
          ],
          [
            'demo-v-rain-shelter',
            'demo-r-zhao',
            content(
              '东门快递点加装雨棚',
              '东门快递柜露天,雨天取件淋雨,包裹也会受潮。',
              'works',
              28_000,
              '书院新村东门快递柜',
            ),
            true,
          ],
          [
            'demo-v-reading-corner',
            'demo-r-wang',
            content(
              '党群服务中心儿童阅读角',
              '放学后孩子们没有地方写作业看书,希望在服务中心开辟阅读角并配书架图书。',
              'goods',
              20_000,
              '书院社区党群服务中心二楼',
            ),
            false,
          ],
          [
            'demo-v-drains',
            'demo-r-zhang',
            content(
              '7至9幢雨水管网疏通改造',
              '7至9幢之间每逢大雨积水没过脚踝,雨水管网老化堵塞,需要疏通并更换部分管段。',
              'works',
              68_000,
              '书院新村7至9幢之间道路',
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
            'demo-v-market-benches',
            'demo-r-chen',
            content(
              '虹桥菜场门口休息长椅',
              '买菜的老人提着菜走累了没地方坐,希望在菜场门口放几张长椅。',
              'goods',
              6_000,
              '虹桥菜场南门',
            ),
            false,
          ],
          [
            'demo-v-dance-floor',
            'demo-r-chen',
            content(
              '虹桥广场舞场地地面翻新',
              '广场地砖松动开裂,跳舞时容易崴脚。',
              'works',
              55_000,
              '虹桥社区文化广场',
            ),
            false,
          ],
        ],
      },
    ],
    roundTable: {
      day: -20,
      season: 'autumn',
      proposer: true,
      notes: '居民代表逐条讨论,全部建议符合正面清单,列入项目库交居民投票。',
    },
  });
}
