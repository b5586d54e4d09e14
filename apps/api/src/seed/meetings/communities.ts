// Demo deliberation outside 书院社区: one body in every other community and village, each with
// three voting members and a year that reads differently on the vitality index
// (docs/vitality-index.md): 虹桥 rising (sparse, late and short of quorum early, monthly and full
// at the end), 湖苑 declining (monthly and full, then late, thin and stopped), 小义村's
// villagers' representatives (村民代表会议) quarterly under its own five days' notice, voting,
// 兴福 every other month with late notices, 方塔 started three months ago, 三峰村 every quarter;
// and 琴枫's council, whose topics come from residents and whose resolutions are followed up
// (qinfeng.ts). Few meetings and three members each, because the seed runs at every start.
import { defaultBodyRules, meetingStreams } from '@gongzhi/domain';
import type { By, Day, SeedTarget } from '../writers.ts';
import { streamIsMissing } from '../writers.ts';
import { seedQinfengMeetings } from './qinfeng.ts';
import { bodyOf, establishWithRoster, holdYear, type DemoYear } from './steps.ts';

/** Month, days of notice, voting members present (of three; two make a quorum), topic. */
type Row = [number, number, number, string];
const meetings = (rows: Row[]) =>
  rows.map(([month, noticeDays, present, topic]) => ({ month, noticeDays, present, topic }));

const YEARS: DemoYear[] = [
  {
    body: bodyOf('hongqiao', 'yushan', 'residents_council', '虹桥社区居民议事会', [
      'resident',
      'owners_committee',
      'resident',
    ]),
    worker: 'demo-yushan',
    from: -370,
    place: '虹桥社区党群服务中心',
    meetings: meetings([
      [3, 1, 1, '小区门禁改造'],
      [7, 2, 2, '快递柜设置点位'],
      [10, 5, 2, '公共晾晒区规划'],
      [11, 5, 3, '儿童游乐区修缮'],
      [12, 5, 3, '冬季防火巡查安排'],
    ]),
  },
  {
    body: bodyOf('huyuan', 'yushan', 'residents_council', '湖苑社区居民议事会', [
      'resident',
      'resident',
      'property_company',
    ]),
    worker: 'demo-yushan',
    from: -370,
    place: '湖苑社区议事厅',
    meetings: meetings([
      [1, 5, 3, '沿河步道照明'],
      [2, 5, 3, '菜场周边停车'],
      [3, 6, 3, '高空抛物宣传'],
      [5, 4, 2, '宠物文明饲养公约'],
      [7, 2, 2, '绿地认养'],
      [9, 1, 1, '健身步道修补'],
    ]),
  },
  {
    body: {
      ...bodyOf('xiaoyi', 'yushan', 'villager_representatives', '小义村村民代表会议', [
        'resident',
        'party_organisation',
        'resident',
      ]),
      // The village's own rule (村民自治章程): notice five days ahead, not the default three.
      rules: { ...defaultBodyRules('villager_representatives'), noticeDays: 5 },
    },
    worker: 'demo-yushan',
    from: -370,
    place: '小义村村民委员会会议室',
    motionsCarriedOutBy: '小义村村委会',
    meetings: meetings([
      [3, 7, 3, '村级道路硬化'],
      [6, 7, 3, '集体资产出租方案'],
      [9, 4, 3, '农田水利维修'],
      [12, 6, 2, '年度村务公开事项'],
    ]),
  },
  {
    body: bodyOf('xingfu', 'qinchuan', 'residents_council', '兴福社区居民议事会', [
      'resident',
      'unit',
      'resident',
    ]),
    worker: 'demo-qinchuan',
    from: -370,
    place: '兴福社区议事厅',
    meetings: meetings([
      [2, 2, 3, '小区出入口改造'],
      [4, 5, 3, '二次供水设施检修'],
      [6, 1, 3, '邻里节活动方案'],
      [8, 2, 2, '垃圾房除臭'],
      [10, 5, 3, '停车收费标准'],
      [12, 1, 3, '消防通道划线'],
    ]),
  },
  {
    body: bodyOf('fangta', 'qinchuan', 'residents_council', '方塔社区居民议事会', [
      'resident',
      'social_organisation',
      'resident',
    ]),
    worker: 'demo-qinchuan',
    from: -75,
    place: '方塔社区邻里中心',
    meetings: meetings([
      [10, 5, 2, '议事规则制定'],
      [11, 4, 3, '古街商户噪声'],
      [12, 5, 3, '社区文化墙设计'],
    ]),
  },
  {
    body: bodyOf('sanfeng', 'qinchuan', 'residents_council', '三峰村村民议事会', [
      'resident',
      'party_organisation',
      'resident',
    ]),
    worker: 'demo-qinchuan',
    from: -370,
    place: '三峰村村民委员会会议室',
    meetings: meetings([
      [2, 5, 3, '茶园道路拓宽'],
      [5, 5, 2, '河塘清淤'],
      [8, 5, 3, '农家乐环境整治'],
      [11, 5, 3, '秋收秸秆处理'],
    ]),
  },
];

export async function seedCommunityMeetings(target: SeedTarget, day: Day, by: By): Promise<void> {
  for (const year of YEARS) {
    if (await streamIsMissing(target.store, meetingStreams.body(year.body.bodyId))) {
      await establishWithRoster(by, day, year.worker, year.from, year.body);
      await holdYear(by, day, year);
    }
  }
  await seedQinfengMeetings(target, day, by);
}
