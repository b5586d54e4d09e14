import { advanceCyclePhase, cycleCommands, proposalCommands } from '@gongzhi/api';
import type { ProposalContent } from '@gongzhi/domain';
import {
  content,
  demoCycle,
  submitDemoProposal,
  yuan,
  type DemoCycle,
  type DemoCycleContext,
} from './steps.ts';

const cycleId = 'demo-cycle-yushan';

/** 虞山街道's cycle, now in screening, with a proposal in every state in 书院社区. */
export const yushanCycle: DemoCycle = { cycleId, seed: seedYushanCycle };

async function seedYushanCycle({ thisYear, day, by }: DemoCycleContext): Promise<void> {
  const year = thisYear + 1;
  const officer = 'demo-yushan';
  const worker = 'demo-shuyuan';
  await cycleCommands.draftCycle(by(officer, -55), {
    cycleId,
    streetId: 'yushan',
    ...demoCycle(
      `${year}年度民生微实事`,
      `Micro-projects ${year}`,
      year,
      [
        ['shuyuan', 200_000],
        ['hongqiao', 150_000],
        ['huyuan', 180_000],
        ['xiaoyi', 120_000],
      ],
      {
        proposing: day(-40),
        screening: day(-10),
        voting: day(20),
        publicity: day(30),
        implementing: day(38),
        evaluating: day(250),
        closed: day(300),
      },
    ),
  });
  await cycleCommands.publishCycle(by(officer, -50), { cycleId });
  await advanceCyclePhase(by(officer, -40), { cycleId, to: 'proposing' });

  const submit = (
    proposalId: string,
    author: string,
    offset: number,
    proposal: ProposalContent,
    communityId = 'shuyuan',
    offline = false,
  ) =>
    submitDemoProposal(by, offset, { cycleId, communityId, worker }, [
      proposalId,
      author,
      proposal,
      offline,
    ]);
  const coSign = (proposalId: string, residentId: string, offset: number) =>
    proposalCommands.coSignProposal(by(residentId, offset), { proposalId, residentId });

  const p = {
    handrails: 'demo-p-handrails',
    bikeShed: 'demo-p-bike-shed',
    fitness: 'demo-p-fitness',
    airCon: 'demo-p-air-con',
    airConDuplicate: 'demo-p-air-con-2',
    paidParking: 'demo-p-paid-parking',
    riverLights: 'demo-p-river-lights',
    playground: 'demo-p-playground',
    sortingKiosk: 'demo-p-sorting-kiosk',
    meals: 'demo-p-meals',
    mural: 'demo-p-mural',
    market: 'demo-p-market-road',
  };

  // Proposing: submissions, co-signs, an edit, a withdrawal.
  await submit(
    p.handrails,
    'demo-r-wang',
    -38,
    content(
      '书院新村3幢楼道加装扶手',
      '3幢是老楼,没有电梯,楼道台阶陡,老人上下楼很吃力,希望每层加装扶手。',
      'works',
      12_000,
      '书院新村3幢1-2单元楼道',
    ),
  );
  await submit(
    p.bikeShed,
    'demo-r-zhang',
    -36,
    content(
      '小区东门增设非机动车停车棚',
      '东门口电动车乱停,雨天淋雨,希望增设带顶棚的停车棚。',
      'works',
      60_000,
      '书院新村东门内侧空地',
    ),
  );
  await proposalCommands.editProposal(by('demo-r-zhang', -33), {
    proposalId: p.bikeShed,
    byResidentId: 'demo-r-zhang',
    changes: {
      description: '东门口电动车乱停,雨天淋雨,希望增设带顶棚的停车棚,并配充电桩(由物业管理收费)。',
      estimatedCost: yuan(75_000),
    },
  });
  await submit(
    p.fitness,
    'demo-r-li',
    -35,
    content(
      '健身路径器材更新',
      '小区健身器材锈蚀,存在安全隐患。',
      'goods',
      25_000,
      '书院新村中心绿地',
    ),
    'shuyuan',
    true,
  );
  await proposalCommands.withdrawProposal(
    by(worker, -25, { onBehalfOf: 'demo-r-li', channel: 'offline' }),
    {
      proposalId: p.fitness,
      byResidentId: 'demo-r-li',
      reason: '物业已答应自行更换',
    },
  );
  await submit(
    p.airCon,
    'demo-r-zhao',
    -34,
    content(
      '老年活动室添置空调',
      '社区老年活动室夏天闷热,冬天寒冷,老人来活动的越来越少,希望添置两台空调。',
      'goods',
      18_000,
      '书院社区党群服务中心一楼老年活动室',
    ),
    'shuyuan',
    true,
  );
  await coSign(p.airCon, 'demo-r-wang', -32);
  await submit(
    p.airConDuplicate,
    'demo-r-li',
    -30,
    content(
      '老年活动室装空调',
      '活动室没有空调,夏天下棋打牌太热。',
      'goods',
      15_000,
      '书院社区老年活动室',
    ),
    'shuyuan',
    true,
  );
  await coSign(p.airConDuplicate, 'demo-r-zhang', -29);
  await submit(
    p.paidParking,
    'demo-r-zhang',
    -28,
    content(
      '在小区空地开设收费停车场',
      '利用小区北侧空地开设收费停车场,收入用于小区公共开支。',
      'works',
      90_000,
      '书院新村北侧空地',
    ),
  );
  await submit(
    p.riverLights,
    'demo-r-wang',
    -27,
    content(
      '书院河沿岸步道照明改造',
      '河边步道晚上很暗,散步的居民多,存在安全隐患,希望增设路灯。',
      'works',
      80_000,
      '书院河北岸步道(书院桥至文化广场段)',
    ),
  );
  await coSign(p.riverLights, 'demo-r-zhang', -26);
  await submit(
    p.playground,
    'demo-r-zhao',
    -24,
    content(
      '小区儿童游乐设施',
      '小区没有儿童游乐场地,孩子们只能在路边玩耍。',
      'goods',
      30_000,
      '书院新村5幢南侧',
    ),
    'shuyuan',
    true,
  );
  await submit(
    p.sortingKiosk,
    'demo-r-zhang',
    -22,
    content(
      '垃圾分类投放亭改造',
      '现有投放点露天,气味大,希望改造为带顶棚、洗手池的分类投放亭。',
      'works',
      45_000,
      '书院新村7幢西侧投放点',
    ),
  );
  await submit(
    p.meals,
    'demo-r-li',
    -20,
    content(
      '居家养老助餐服务',
      '为80岁以上独居老人每周五天送餐上门。',
      'services',
      48_000,
      '书院社区全域',
    ),
    'shuyuan',
    true,
  );
  await coSign(p.meals, 'demo-r-wang', -19);
  await submit(
    p.mural,
    'demo-r-wang',
    -16,
    content(
      '小区围墙彩绘',
      '请美院学生在小区围墙上画虞山风景。',
      'services',
      20_000,
      '书院新村南围墙',
    ),
  );
  await submit(
    p.market,
    'demo-r-chen',
    -15,
    content(
      '虹桥菜场周边路面修补',
      '菜场门口路面坑洼,雨天积水,买菜的老人容易滑倒。',
      'works',
      40_000,
      '虹桥菜场南门至公交站',
    ),
    'hongqiao',
  );

  // Screening: a merge, an infeasible proposal, site surveys, a round-table, a resubmission.
  await advanceCyclePhase(by(officer, -10), { cycleId, to: 'screening' });
  await proposalCommands.mergeProposal(by(worker, -8), {
    proposalId: p.airConDuplicate,
    intoProposalId: p.airCon,
    note: '同一活动室的同一需求',
  });
  await proposalCommands.markProposalInfeasible(by(worker, -7), {
    proposalId: p.paidParking,
    excludedCode: 'N4',
    note: '收费停车属经营性项目,可向街道城管科另行反映。',
  });
  for (const proposalId of [p.riverLights, p.playground, p.meals]) {
    await proposalCommands.sendProposalToSurvey(by(worker, -7), { proposalId });
  }
  await proposalCommands.recordSiteSurvey(by('demo-consultant', -5), {
    proposalId: p.riverLights,
    surveyor: 'consultant',
    organisation: '琴湖市城市照明设计所',
    notes: '步道全长约600米,现有路灯间距过大。建议加装太阳能庭院灯24盏,不需开挖路面。',
    photos: [],
    revisedCost: yuan(68_000),
    opinion: 'feasible',
  });
  await proposalCommands.recordSiteSurvey(by('demo-department', -5), {
    proposalId: p.playground,
    surveyor: 'department',
    organisation: '琴湖市住房和城乡建设局',
    notes: '5幢南侧场地下方有燃气管线,游乐设施须避开管线并采用免开挖基础。',
    photos: [],
    opinion: 'conditional',
    conditions: '改在6幢东侧空地,或采用免开挖安装。',
  });
  await proposalCommands.recordSiteSurvey(by('demo-consultant', -5), {
    proposalId: p.meals,
    surveyor: 'consultant',
    organisation: '琴湖市社会工作服务中心',
    notes: '符合条件的独居老人约40人,可与社区长者食堂合作配送。',
    photos: [],
    revisedCost: yuan(42_000),
    opinion: 'feasible',
  });
  await proposalCommands.recordRoundTable(by(worker, -3), {
    roundTableId: 'demo-roundtable-shuyuan-1',
    cycleId,
    communityId: 'shuyuan',
    date: day(-3),
    attendees: [
      { name: '张卫东', role: 'chair' },
      { name: '李桂英', role: 'recorder' },
      { role: 'resident_representative' },
      { role: 'resident_representative' },
      { role: 'resident_representative' },
      { name: '书院物业服务中心', role: 'property_company' },
      { name: '刘振华', role: 'consultant' },
      { role: 'proposer' },
    ],
    notes: '出席居民代表9人,超过三分之二。对6条建议逐一讨论表决。',
    decisions: [
      { proposalId: p.airCon, decision: 'pool', reason: '惠及面广,费用合理' },
      { proposalId: p.meals, decision: 'pool' },
      {
        proposalId: p.playground,
        decision: 'revise',
        reason: '请按踏勘意见改选位置,并补充维护方案',
      },
      { proposalId: p.sortingKiosk, decision: 'revise', reason: '请补充洗手池的给排水方案和费用' },
      {
        proposalId: p.mural,
        decision: 'reject',
        reason: '代表认为不属急需,建议以志愿活动方式开展',
      },
    ],
  });
  await proposalCommands.resubmitProposal(by('demo-r-zhang', -1), {
    proposalId: p.sortingKiosk,
    byResidentId: 'demo-r-zhang',
    changes: {
      description:
        '现有投放点露天,气味大,希望改造为带顶棚、洗手池的分类投放亭;洗手池接7幢现有给排水管,无需新建管线。',
      estimatedCost: yuan(52_000),
    },
  });
}
