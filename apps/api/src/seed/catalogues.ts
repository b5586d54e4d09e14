// Demo data of the admission catalogues (seed 000, Pinghu; seed 003, Changshu): the city's
// certificate catalogue, last year's version and this year's, which a department's admitted
// request joined and from which two certificates left (replaced by data sharing and a written
// pledge); this year's department-work catalogue; a request refused, one waiting, and tasks pushed
// to communities outside the catalogues (清单外事项). Written through the catalogue commands.
import { catalogueCommands } from '@gongzhi/api';
import { catalogueIdOf, catalogueStreams, chinaDate, type CatalogueEntry } from '@gongzhi/domain';
import type { By, SeedTarget } from './writers.ts';
import { streamIsMissing } from './writers.ts';

const city = { type: 'city' } as const;
const ADMIN = 'demo-admin';

const certificate = (
  code: string,
  title: string,
  department: string,
  communityRole: string,
  alternative: string,
): CatalogueEntry => ({
  code,
  title,
  basis: '厅字〔2022〕28号；琴民发〔2024〕12号',
  department,
  communityRole,
  alternative,
});

const CERTIFICATES: CatalogueEntry[] = [
  certificate(
    'Z-01',
    '居民死亡殡葬证明（居家死亡）',
    '市民政局',
    '家属办理殡葬手续',
    '医疗机构出具死亡医学证明',
  ),
  certificate(
    'Z-02',
    '健在证明（领取养老金）',
    '市人社局',
    '退休人员资格认证',
    '人社部门数据比对、人脸识别认证',
  ),
  certificate(
    'Z-03',
    '亲属关系证明',
    '市公安局',
    '办理继承、代办业务',
    '户籍信息查询、部门间数据共享',
  ),
  certificate(
    'Z-04',
    '困难家庭情况证明',
    '市民政局',
    '申请救助、助学',
    '居民书面承诺，民政部门核对',
  ),
  certificate('Z-05', '居住证明（随迁子女入学）', '市教育局', '子女入学报名', '居住证信息共享'),
];

const WORK_ITEMS: CatalogueEntry[] = [
  {
    code: 'W-01',
    title: '城乡居民医疗保险参保动员',
    basis: '《社会保险法》',
    department: '市医保局',
    communityRole: '宣传动员、协助登记',
    funding: '按参保人数拨付工作经费',
    category: 'assisting',
  },
  {
    code: 'W-02',
    title: '居民委员会换届选举',
    basis: '《城市居民委员会组织法》',
    department: '市民政局',
    communityRole: '组织选举',
    category: 'own_duty',
  },
  {
    code: 'W-03',
    title: '招商引资、协税护税',
    basis: '厅字〔2022〕28号',
    department: '—',
    communityRole: '不得交由社区承担',
    category: 'negative',
  },
];

/** Seeds the demo catalogues, unless last year's certificate catalogue is there already. */
export async function seedCatalogues(target: SeedTarget, thisYear: number, by: By): Promise<void> {
  const last = catalogueIdOf(city, 'certificates', thisYear - 1);
  if (!(await streamIsMissing(target.store, catalogueStreams.catalogue(last)))) {
    return seedRequestsAndTasks(target, by);
  }
  await catalogueCommands.draftCatalogue(by(ADMIN, -400), {
    place: city,
    kind: 'certificates',
    year: thisYear - 1,
  });
  for (const entry of CERTIFICATES) {
    await catalogueCommands.addCatalogueEntry(by(ADMIN, -400), {
      catalogueId: last,
      entry,
      reason: '首版目录',
    });
  }
  await catalogueCommands.publishCatalogue(by(ADMIN, -390), last);

  const { catalogueId: current } = await catalogueCommands.draftCatalogue(by(ADMIN, -60), {
    place: city,
    kind: 'certificates',
    year: thisYear,
  });
  const requestId = 'demo-catalogue-request-employment';
  await catalogueCommands.fileCatalogueRequest(by('demo-department', -50), {
    requestId,
    place: city,
    kind: 'certificates',
    department: '市人社局',
    entry: certificate(
      'Z-06',
      '灵活就业人员就业登记证明',
      '市人社局',
      '申请社保补贴',
      '人社部门系统内核查',
    ),
    reason: '灵活就业社保补贴申领需要',
  });
  await catalogueCommands.decideCatalogueRequest(by(ADMIN, -40), {
    requestId,
    admit: true,
    reason: '有政策依据，补贴发放所需，费随事转',
    catalogueId: current,
  });
  await catalogueCommands.removeCatalogueEntry(by(ADMIN, -35), {
    catalogueId: current,
    code: 'Z-02',
    reason: '养老金资格认证改为数据比对和人脸识别，社区不再出具',
  });
  await catalogueCommands.removeCatalogueEntry(by(ADMIN, -35), {
    catalogueId: current,
    code: 'Z-04',
    reason: '改为居民书面承诺，由民政部门核对',
  });
  await catalogueCommands.publishCatalogue(by(ADMIN, -30), current);

  const { catalogueId: work } = await catalogueCommands.draftCatalogue(by(ADMIN, -60), {
    place: city,
    kind: 'work_items',
    year: thisYear,
  });
  for (const entry of WORK_ITEMS) {
    await catalogueCommands.addCatalogueEntry(by(ADMIN, -60), {
      catalogueId: work,
      entry,
      reason: '首版目录',
    });
  }
  await catalogueCommands.publishCatalogue(by(ADMIN, -30), work);
  await seedRequestsAndTasks(target, by);
}

const REFUSED_REQUEST = 'demo-catalogue-request-screenshots';

/**
 * A department's request the city refused (no basis, no funding), one still waiting, and tasks
 * pushed to 书院社区 and 湖苑社区 outside the catalogues (清单外事项); unless already there.
 */
async function seedRequestsAndTasks(target: SeedTarget, by: By): Promise<void> {
  if (!(await streamIsMissing(target.store, catalogueStreams.request(REFUSED_REQUEST)))) return;
  await catalogueCommands.fileCatalogueRequest(by('demo-department', -20), {
    requestId: REFUSED_REQUEST,
    place: city,
    kind: 'work_items',
    department: '区卫健委',
    entry: {
      code: 'W-04',
      title: '每日入户排查截图上报',
      basis: '区卫健委工作通知',
      department: '区卫健委',
      communityRole: '每日入户并在工作群上报截图',
      category: 'assisting',
    },
    reason: '掌握辖区重点人群健康情况',
  });
  await catalogueCommands.decideCatalogueRequest(by(ADMIN, -15), {
    requestId: REFUSED_REQUEST,
    admit: false,
    reason:
      '无法律法规依据，未明确经费；以截图留痕属形式主义，不予纳入，请通过部门系统数据共享获取',
  });
  await catalogueCommands.fileCatalogueRequest(by('demo-department', -5), {
    requestId: 'demo-catalogue-request-elderly',
    place: city,
    kind: 'work_items',
    department: '市民政局',
    entry: {
      code: 'W-05',
      title: '独居老人定期探访',
      basis: '《江苏省养老服务条例》',
      department: '市民政局',
      communityRole: '每月探访登记，发现情况及时报告',
      funding: '每人每年 600 元探访补贴，随事拨付',
      category: 'assisting',
    },
    reason: '落实特殊困难老年人探访关爱制度',
  });
  const tasks = [
    ['shuyuan', 'demo-shuyuan', '创文迎检台账补录', '区文明办', -12, 'chat_group'],
    ['shuyuan', 'demo-shuyuan', '防诈骗APP注册率统计', '市公安局反诈中心', -9, 'app'],
    ['shuyuan', 'demo-shuyuan', '垃圾分类每日打卡照片', '街道城管科', -4, 'chat_group'],
    ['huyuan', 'demo-yushan', '消防安全承诺书收集', '区消防救援大队', -7, 'document'],
  ] as const;
  for (const [communityId, worker, title, pushedBy, offset, channel] of tasks) {
    await catalogueCommands.recordOffCatalogueTask(by(worker, offset), {
      taskId: `demo-offcatalogue-${communityId}-${offset}`,
      communityId,
      title,
      pushedBy,
      pushedOn: chinaDate(by(worker, offset).metadata.occurredAt),
      channel,
      notes: '不在部门工作进社区事项目录中',
    });
  }
}
