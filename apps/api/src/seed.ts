// Demo data: one county-level city, two streets, eight communities and villages, a demo staff
// account for every staff role, a few residents, and six micro-project cycles: 虞山街道's in
// screening with proposals in every state, its autumn one in voting, its summer one on public
// notice (公示), its spring one with the notice over, ready to be confirmed, and its next one
// open for proposals (empty); 琴川街道's open for proposals. Every record has a fixed
// id and is written only when its stream does not exist yet, so the first start seeds and every
// later start finds the records and leaves them as they are (renamed, closed, …). Names are
// invented after the pattern of Changshu. The micro-project history is dated back from the day
// of the first start, so that its phases fall on their scheduled days.
import {
  ballotCommands,
  cycleCommands,
  organisationCommands,
  outcomeCommands,
  proposalCommands,
  residentCommands,
} from '@gongzhi/api';
import { hashPassword } from '@gongzhi/auth';
import {
  chinaDate,
  cycleStreams,
  organisationStreams,
  residentStreams,
  type CommunityKind,
  type CycleDefinition,
  type ProposalContent,
  type Scope,
  type StaffRole,
} from '@gongzhi/domain';
import type { Channel, EventMetadata, EventStore } from '@gongzhi/eventstore';
import type { ReadModels } from '@gongzhi/projections';
import type { BallotSeal } from '@gongzhi/projections/ballot';

const CITY = { cityId: 'qinhu', name: '琴湖市', nameEn: 'Qinhu City' };

const STREETS: { streetId: string; name: string; nameEn: string }[] = [
  { streetId: 'yushan', name: '虞山街道', nameEn: 'Yushan Subdistrict' },
  { streetId: 'qinchuan', name: '琴川街道', nameEn: 'Qinchuan Subdistrict' },
];

const COMMUNITIES: {
  communityId: string;
  streetId: string;
  kind: CommunityKind;
  name: string;
  nameEn: string;
}[] = [
  {
    communityId: 'shuyuan',
    streetId: 'yushan',
    kind: 'urban',
    name: '书院社区',
    nameEn: 'Shuyuan Community',
  },
  {
    communityId: 'hongqiao',
    streetId: 'yushan',
    kind: 'urban',
    name: '虹桥社区',
    nameEn: 'Hongqiao Community',
  },
  {
    communityId: 'huyuan',
    streetId: 'yushan',
    kind: 'urban',
    name: '湖苑社区',
    nameEn: 'Huyuan Community',
  },
  {
    communityId: 'xiaoyi',
    streetId: 'yushan',
    kind: 'village',
    name: '小义村',
    nameEn: 'Xiaoyi Village',
  },
  {
    communityId: 'qinfeng',
    streetId: 'qinchuan',
    kind: 'urban',
    name: '琴枫社区',
    nameEn: 'Qinfeng Community',
  },
  {
    communityId: 'xingfu',
    streetId: 'qinchuan',
    kind: 'urban',
    name: '兴福社区',
    nameEn: 'Xingfu Community',
  },
  {
    communityId: 'fangta',
    streetId: 'qinchuan',
    kind: 'urban',
    name: '方塔社区',
    nameEn: 'Fangta Community',
  },
  {
    communityId: 'sanfeng',
    streetId: 'qinchuan',
    kind: 'village',
    name: '三峰村',
    nameEn: 'Sanfeng Village',
  },
];

/** A demo sign-in as the start banner and the README list it. */
export interface DemoSignIn {
  /** A staff login name, or a resident's mobile number. */
  loginName: string;
  password: string;
  /** What the account is for, in both languages, for the start banner and the README. */
  description: { 'zh-CN': string; en: string };
}

export interface DemoAccount extends DemoSignIn {
  accountId: string;
  displayName: string;
  role: StaffRole;
  scope: Scope;
}

/** Community roles are demonstrated in 书院社区 (虞山街道), with one worker in 琴枫社区 (琴川街道). */
const SHUYUAN: Scope = { type: 'community', communityId: 'shuyuan', streetId: 'yushan' };

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    accountId: 'demo-admin',
    loginName: 'admin',
    password: 'qinhu-admin-2025',
    displayName: '周建国',
    role: 'city_admin',
    scope: { type: 'city' },
    description: { 'zh-CN': '市级管理员（琴湖市）', en: 'City administrator (Qinhu City)' },
  },
  {
    accountId: 'demo-yushan',
    loginName: 'yushan',
    password: 'qinhu-yushan-2025',
    displayName: '陈晓燕',
    role: 'street_officer',
    scope: { type: 'street', streetId: 'yushan' },
    description: { 'zh-CN': '街道工作人员（虞山街道）', en: 'Street officer (Yushan Subdistrict)' },
  },
  {
    accountId: 'demo-qinchuan',
    loginName: 'qinchuan',
    password: 'qinhu-qinchuan-2025',
    displayName: '王立新',
    role: 'street_officer',
    scope: { type: 'street', streetId: 'qinchuan' },
    description: {
      'zh-CN': '街道工作人员（琴川街道）',
      en: 'Street officer (Qinchuan Subdistrict)',
    },
  },
  {
    accountId: 'demo-shuyuan',
    loginName: 'shuyuan',
    password: 'qinhu-shuyuan-2025',
    displayName: '李桂英',
    role: 'community_worker',
    scope: SHUYUAN,
    description: { 'zh-CN': '社区工作者（书院社区）', en: 'Community worker (Shuyuan Community)' },
  },
  {
    accountId: 'demo-committee',
    loginName: 'committee',
    password: 'qinhu-committee-2025',
    displayName: '张卫东',
    role: 'committee_member',
    scope: SHUYUAN,
    description: {
      'zh-CN': '社区两委成员（书院社区）',
      en: 'Community committee member (Shuyuan Community)',
    },
  },
  {
    accountId: 'demo-consultant',
    loginName: 'consultant',
    password: 'qinhu-consultant-2025',
    displayName: '刘振华',
    role: 'consultant',
    scope: SHUYUAN,
    description: { 'zh-CN': '项目顾问（书院社区）', en: 'Project consultant (Shuyuan Community)' },
  },
  {
    accountId: 'demo-department',
    loginName: 'department',
    password: 'qinhu-department-2025',
    displayName: '赵敏',
    role: 'department_staff',
    scope: SHUYUAN,
    description: {
      'zh-CN': '职能部门工作人员（书院社区）',
      en: 'Department staff (Shuyuan Community)',
    },
  },
  {
    accountId: 'demo-volunteers',
    loginName: 'volunteers',
    password: 'qinhu-volunteers-2025',
    displayName: '钱秀兰',
    role: 'team_leader',
    scope: SHUYUAN,
    description: {
      'zh-CN': '志愿服务队队长（书院社区）',
      en: 'Volunteer team leader (Shuyuan Community)',
    },
  },
  {
    accountId: 'demo-qinfeng',
    loginName: 'qinfeng',
    password: 'qinhu-qinfeng-2025',
    displayName: '孙建平',
    role: 'community_worker',
    scope: { type: 'community', communityId: 'qinfeng', streetId: 'qinchuan' },
    description: { 'zh-CN': '社区工作者（琴枫社区）', en: 'Community worker (Qinfeng Community)' },
  },
  // Paper ballots are entered twice by two workers and resolved by a third.
  {
    accountId: 'demo-shuyuan2',
    loginName: 'shuyuan2',
    password: 'qinhu-shuyuan2-2025',
    displayName: '吴海燕',
    role: 'community_worker',
    scope: SHUYUAN,
    description: { 'zh-CN': '社区工作者（书院社区）', en: 'Community worker (Shuyuan Community)' },
  },
  {
    accountId: 'demo-shuyuan3',
    loginName: 'shuyuan3',
    password: 'qinhu-shuyuan3-2025',
    displayName: '许国强',
    role: 'community_worker',
    scope: SHUYUAN,
    description: { 'zh-CN': '社区工作者（书院社区）', en: 'Community worker (Shuyuan Community)' },
  },
];

/** The demo resident most journeys sign in as. */
export const DEMO_RESIDENT: DemoSignIn & { residentId: string } = {
  residentId: 'demo-r-wang',
  loginName: '13900001001',
  password: 'qinhu-resident-2025',
  description: {
    'zh-CN': '居民（顾月琴，住书院社区、在琴枫社区工作）',
    en: 'Resident (顾月琴, lives in Shuyuan, works in Qinfeng)',
  },
};

interface DemoResident {
  residentId: string;
  name: string;
  phone: string;
  birthYear: number;
  /**
   * Residents who registered online sign in with a password (listed in the start banner and the
   * README); the others were registered by a worker from a paper form and have none.
   */
  signIn?: Omit<DemoSignIn, 'loginName'>;
  ties: { tieId: string; communityId: string; kind: 'lives' | 'works' }[];
}

const DEMO_RESIDENTS: DemoResident[] = [
  {
    residentId: DEMO_RESIDENT.residentId,
    name: '顾月琴',
    phone: DEMO_RESIDENT.loginName,
    birthYear: 1962,
    signIn: DEMO_RESIDENT,
    ties: [
      { tieId: 'demo-tie-wang-shuyuan', communityId: 'shuyuan', kind: 'lives' },
      { tieId: 'demo-tie-wang-qinfeng', communityId: 'qinfeng', kind: 'works' },
    ],
  },
  {
    residentId: 'demo-r-zhang',
    name: '沈佳怡',
    phone: '13900001002',
    birthYear: 1990,
    signIn: {
      password: 'qinhu-zhangli-2025',
      description: {
        'zh-CN': '居民（沈佳怡，住书院社区）',
        en: 'Resident (沈佳怡, lives in Shuyuan)',
      },
    },
    ties: [{ tieId: 'demo-tie-zhang-shuyuan', communityId: 'shuyuan', kind: 'lives' }],
  },
  {
    residentId: 'demo-r-li',
    name: '陆根生',
    phone: '13900001003',
    birthYear: 1955,
    ties: [{ tieId: 'demo-tie-li-shuyuan', communityId: 'shuyuan', kind: 'lives' }],
  },
  {
    residentId: 'demo-r-zhao',
    name: '钱福根',
    phone: '13900001004',
    birthYear: 1948,
    ties: [{ tieId: 'demo-tie-zhao-shuyuan', communityId: 'shuyuan', kind: 'lives' }],
  },
  {
    residentId: 'demo-r-chen',
    name: '蒋晓红',
    phone: '13900001005',
    birthYear: 1985,
    signIn: {
      password: 'qinhu-chenxh-2025',
      description: {
        'zh-CN': '居民（蒋晓红，住虹桥社区）',
        en: 'Resident (蒋晓红, lives in Hongqiao)',
      },
    },
    ties: [{ tieId: 'demo-tie-chen-hongqiao', communityId: 'hongqiao', kind: 'lives' }],
  },
  // Voters whose paper ballots the paper-ballot journey enters (no other journey uses them).
  ...(
    [
      ['demo-r-paper-1', '周阿娣', '13900001011', 1946],
      ['demo-r-paper-2', '陶永福', '13900001012', 1951],
      ['demo-r-paper-3', '邵美英', '13900001013', 1958],
      ['demo-r-paper-4', '殷国平', '13900001014', 1963],
    ] as const
  ).map(([residentId, name, phone, birthYear]) => ({
    residentId,
    name,
    phone,
    birthYear,
    ties: [{ tieId: `${residentId}-shuyuan`, communityId: 'shuyuan', kind: 'lives' as const }],
  })),
];

/** Every demo resident who signs in, as the start banner and the README list them. */
export const DEMO_RESIDENT_SIGN_INS: DemoSignIn[] = DEMO_RESIDENTS.flatMap(({ phone, signIn }) =>
  signIn ? [{ loginName: phone, password: signIn.password, description: signIn.description }] : [],
);

const WORKER_OF: Record<string, string> = {
  shuyuan: 'demo-shuyuan',
  hongqiao: 'demo-yushan',
  qinfeng: 'demo-qinfeng',
};

/**
 * Who verified the demo residents' ties: the street's officer, since the worker who registered
 * a resident on the spot may not verify that resident's tie too (four eyes).
 */
const VERIFIER_OF: Record<string, string> = {
  shuyuan: 'demo-yushan',
  hongqiao: 'demo-yushan',
  qinfeng: 'demo-qinchuan',
};

/** YYYY-MM-DD plus whole days. */
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const yuan = (amount: number) => amount * 100;

const EXCLUDED: CycleDefinition['excluded'] = [
  {
    code: 'N1',
    text: '涉及私人产权或仅惠及个别住户的项目',
    textEn: 'Projects on private property or for a few households only',
  },
  {
    code: 'N2',
    text: '已列入政府年度计划或有专项资金的项目',
    textEn: 'Projects already in a government plan or with dedicated funds',
  },
  {
    code: 'N3',
    text: '需要长期运营维护费用且无人管养的项目',
    textEn: 'Projects needing lasting upkeep with nobody to maintain them',
  },
  { code: 'N4', text: '营利性项目', textEn: 'Profit-making projects' },
];

function demoCycle(
  title: string,
  titleEn: string,
  year: number,
  communities: [string, number][],
  schedule: CycleDefinition['schedule'],
): CycleDefinition {
  return {
    title,
    titleEn,
    year,
    communities: communities.map(([communityId, budget]) => ({
      communityId,
      budget: yuan(budget),
    })),
    caps: { works: yuan(100_000), services: yuan(50_000), goods: yuan(30_000) },
    allowed: [
      { code: 'A1', text: '小区公共设施维修改造', textEn: 'Repairs of shared facilities' },
      { code: 'A2', text: '为老助残服务', textEn: 'Services for older and disabled people' },
      { code: 'A3', text: '环境美化与绿化', textEn: 'Greening and tidying up' },
      { code: 'A4', text: '文体活动', textEn: 'Culture and sports' },
    ],
    excluded: EXCLUDED,
    eligibility: { tieKinds: ['lives', 'works', 'studies'], minAge: 16 },
    ballot: { kind: 'approval', maxProjects: 3 },
    aggregation: 'greedy',
    publicityDays: 7,
    schedule,
  };
}

const content = (
  title: string,
  description: string,
  category: ProposalContent['category'],
  cost: number,
  location: string,
): ProposalContent => ({
  title,
  description,
  category,
  estimatedCost: yuan(cost),
  location: { text: location },
  photos: [],
});

export async function seedDemoData(deps: {
  store: EventStore;
  readModels: ReadModels;
  /** HMAC digest of a mobile number, as the resident procedures compute it. */
  digestPhone: (phone: string) => string;
  /** Seals the demo ballots, as casting online does. */
  ballotSeal: BallotSeal;
}): Promise<DemoSignIn[]> {
  const { store, readModels } = deps;
  const w = () => ({
    store,
    readModels,
    metadata: {
      actor: 'system',
      channel: 'system',
      correlationId: 'demo-seed',
      occurredAt: new Date().toISOString(),
    } satisfies EventMetadata,
  });
  const missing = async (stream: string) =>
    (await store.readStream(stream, { maxCount: 1 })).length === 0;

  if (await missing(organisationStreams.city(CITY.cityId))) {
    await organisationCommands.registerCity(w(), CITY);
  }
  for (const street of STREETS) {
    if (await missing(organisationStreams.street(street.streetId))) {
      await organisationCommands.registerStreet(w(), street);
    }
  }
  for (const community of COMMUNITIES) {
    if (await missing(organisationStreams.community(community.communityId))) {
      await organisationCommands.registerCommunity(w(), community);
    }
  }
  const newAccounts: DemoAccount[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (await missing(organisationStreams.account(account.accountId))) newAccounts.push(account);
  }
  // argon2id runs on the thread pool: hash together, write in order.
  const hashes = await Promise.all(newAccounts.map((account) => hashPassword(account.password)));
  for (const [index, account] of newAccounts.entries()) {
    await organisationCommands.createStaffAccount(w(), {
      accountId: account.accountId,
      loginName: account.loginName,
      displayName: account.displayName,
      passwordHash: hashes[index]!,
    });
    await organisationCommands.grantRole(w(), {
      accountId: account.accountId,
      role: account.role,
      scope: account.scope,
    });
  }
  await seedMicroProjects(deps);
  // Pages and sign-in read the read model: let it include the seed before serving.
  const head = await store.headPosition();
  if (head !== undefined) await readModels.waitForPosition(head, 30_000);
  return [...DEMO_ACCOUNTS, ...DEMO_RESIDENT_SIGN_INS];
}

const YUSHAN_CYCLE = 'demo-cycle-yushan';
const QINCHUAN_CYCLE = 'demo-cycle-qinchuan';
const VOTING_CYCLE = 'demo-cycle-voting';
const NOTICE_CYCLE = 'demo-cycle-notice';
const CONFIRM_CYCLE = 'demo-cycle-confirm';
const NEXT_CYCLE = 'demo-cycle-yushan-next';

/**
 * Residents, then the two cycles with their proposals, each act dated on a day of its cycle's
 * schedule counted back from today (China time), by the staff account or resident who would do it.
 */
async function seedMicroProjects(deps: {
  store: EventStore;
  readModels: ReadModels;
  digestPhone: (phone: string) => string;
  ballotSeal: BallotSeal;
}): Promise<void> {
  const { store, readModels, digestPhone, ballotSeal } = deps;
  const today = chinaDate(new Date().toISOString());
  const day = (offset: number) => addDays(today, offset);
  /** A writer for an act by `actor` on the day `offset` days from today, at 09:00 China time. */
  const by = (
    actor: string,
    offset: number,
    act: { onBehalfOf?: string; channel?: Channel } = {},
  ) => ({
    store,
    readModels,
    metadata: {
      actor,
      onBehalfOf: act.onBehalfOf,
      channel: act.channel ?? 'online',
      correlationId: 'demo-seed',
      occurredAt: `${day(offset)}T01:00:00.000Z`,
    } satisfies EventMetadata,
  });
  const missing = async (stream: string) =>
    (await store.readStream(stream, { maxCount: 1 })).length === 0;

  const newResidents = [];
  for (const resident of DEMO_RESIDENTS) {
    if (await missing(residentStreams.resident(resident.residentId))) newResidents.push(resident);
  }
  const hashes = await Promise.all(
    newResidents.map((r) => (r.signIn ? hashPassword(r.signIn.password) : undefined)),
  );
  for (const [index, resident] of newResidents.entries()) {
    const { residentId, name, phone, birthYear, ties } = resident;
    const passwordHash = hashes[index];
    const worker = WORKER_OF[ties[0]!.communityId]!;
    const registration = await residentCommands.prepareRegistration(store, {
      data: {
        residentId,
        phoneDigest: digestPhone(phone),
        birthYear,
        ...(passwordHash
          ? { passwordHash, channel: 'online' as const }
          : {
              channel: 'offline' as const,
              consent: {
                recordedBy: worker,
                form: 'paper' as const,
                at: `${day(-60)}T01:00:00.000Z`,
              },
            }),
        personal: { name, phone },
      },
      ties,
      today: day(-60),
    });
    const registering = passwordHash
      ? by(residentId, -60)
      : by(worker, -60, { onBehalfOf: residentId, channel: 'offline' });
    await residentCommands.registerResident(registering, registration);
    if (passwordHash) await residentCommands.confirmPhone(registering, residentId);
    for (const tie of ties) {
      const verifier = VERIFIER_OF[tie.communityId]!;
      await residentCommands.verifyTie(by(verifier, -58), {
        residentId,
        tieId: tie.tieId,
        note: '已核对居住或工作证明',
        verifiedBy: verifier,
      });
    }
  }

  const year = Number(today.slice(0, 4)) + 1;
  if (await missing(cycleStreams.cycle(YUSHAN_CYCLE))) {
    await seedYushanCycle(year, day, by);
  }
  if (await missing(cycleStreams.cycle(QINCHUAN_CYCLE))) {
    await seedQinchuanCycle(year, day, by);
  }
  if (await missing(cycleStreams.cycle(VOTING_CYCLE))) {
    await seedVotingCycle(year - 1, day, by);
  }
  if (await missing(cycleStreams.cycle(NOTICE_CYCLE))) {
    await seedNoticeCycle(year - 1, day, by, ballotSeal);
  }
  if (await missing(cycleStreams.cycle(CONFIRM_CYCLE))) {
    await seedConfirmCycle(year - 1, day, by, ballotSeal);
  }
  if (await missing(cycleStreams.cycle(NEXT_CYCLE))) {
    await seedNextCycle(year, day, by);
  }
}

type Day = (offset: number) => string;
type By = (
  actor: string,
  offset: number,
  act?: { onBehalfOf?: string; channel?: Channel },
) => Parameters<typeof proposalCommands.submitProposal>[0];

/** [proposalId, author, content, entered offline by the community's worker]. */
type DemoProposal = [string, string, ProposalContent, boolean];

interface DemoPool {
  communityId: string;
  worker: string;
  proposals: DemoProposal[];
}

/** Submits a demo proposal on day `offset`: by its author online, or by the worker on paper. */
function submitDemoProposal(
  by: By,
  offset: number,
  { cycleId, communityId, worker }: { cycleId: string; communityId: string; worker: string },
  [proposalId, author, proposal, onPaper]: DemoProposal,
) {
  return proposalCommands.submitProposal(
    onPaper ? by(worker, offset, { onBehalfOf: author, channel: 'offline' }) : by(author, offset),
    {
      proposalId,
      cycleId,
      communityId,
      ...proposal,
      authorResidentId: author,
      channel: onPaper ? 'offline' : 'online',
    },
  );
}

/**
 * A cycle of 虞山街道 drafted and published by its officer, its proposals submitted one every
 * `submitted.every` days, every community's round table putting all of them in the pool, and
 * voting open: what each cycle that has reached voting shares. Days are offsets from today.
 */
async function seedCycleUpToVoting(
  day: Day,
  by: By,
  plan: {
    cycleId: string;
    officer: string;
    title: [string, string];
    year: number;
    budgets: [string, number][];
    schedule: Record<keyof CycleDefinition['schedule'], number>;
    options: Partial<Pick<CycleDefinition, 'aggregation' | 'publicityDays' | 'bulletinMinimum'>>;
    drafted: number;
    published: number;
    submitted: { from: number; every: number };
    pools: DemoPool[];
    /** `season` names the round tables; `proposer`: a proposer attended. */
    roundTable: { day: number; season: string; proposer: boolean; notes: string };
  },
): Promise<void> {
  const { cycleId, officer, schedule, pools, roundTable } = plan;
  await cycleCommands.draftCycle(by(officer, plan.drafted), {
    cycleId,
    streetId: 'yushan',
    ...demoCycle(
      ...plan.title,
      plan.year,
      plan.budgets,
      Object.fromEntries(
        Object.entries(schedule).map(([phase, offset]) => [phase, day(offset)]),
      ) as CycleDefinition['schedule'],
    ),
    ...plan.options,
  });
  await cycleCommands.publishCycle(by(officer, plan.published), { cycleId });
  await cycleCommands.advanceCyclePhase(by(officer, schedule.proposing), {
    cycleId,
    to: 'proposing',
  });
  let offset = plan.submitted.from;
  for (const { communityId, worker, proposals } of pools) {
    for (const proposal of proposals) {
      await submitDemoProposal(by, offset, { cycleId, communityId, worker }, proposal);
      offset += plan.submitted.every;
    }
  }
  await cycleCommands.advanceCyclePhase(by(officer, schedule.screening), {
    cycleId,
    to: 'screening',
  });
  for (const { communityId, worker, proposals } of pools) {
    await proposalCommands.recordRoundTable(by(worker, roundTable.day), {
      roundTableId: `demo-roundtable-${communityId}-${roundTable.season}`,
      cycleId,
      communityId,
      date: day(roundTable.day),
      attendees: [
        { role: 'chair' },
        { role: 'recorder' },
        { role: 'resident_representative' },
        { role: 'resident_representative' },
        { role: 'resident_representative' },
        ...(roundTable.proposer ? [{ role: 'proposer' as const }] : []),
      ],
      notes: roundTable.notes,
      decisions: proposals.map(([proposalId]) => ({ proposalId, decision: 'pool' as const })),
    });
  }
  await cycleCommands.advanceCyclePhase(by(officer, schedule.voting), { cycleId, to: 'voting' });
}

/** 虞山街道's cycle, now in screening, with a proposal in every state in 书院社区. */
async function seedYushanCycle(year: number, day: Day, by: By): Promise<void> {
  const officer = 'demo-yushan';
  const worker = 'demo-shuyuan';
  const cycleId = YUSHAN_CYCLE;
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
  await cycleCommands.advanceCyclePhase(by(officer, -40), { cycleId, to: 'proposing' });

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
  await cycleCommands.advanceCyclePhase(by(officer, -10), { cycleId, to: 'screening' });
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

/** 琴川街道's cycle, open for proposals, with one proposal in 琴枫社区. */
/**
 * 虞山街道's second cycle of next year, open for proposals since three days ago, still empty: the
 * next cycle its authors not selected in the summer can carry their proposals into.
 */
async function seedNextCycle(year: number, day: Day, by: By): Promise<void> {
  const cycleId = NEXT_CYCLE;
  const officer = 'demo-yushan';
  await cycleCommands.draftCycle(by(officer, -10), {
    cycleId,
    streetId: 'yushan',
    ...demoCycle(
      `${year}年度第二批民生微实事`,
      `Micro-projects ${year}, second round`,
      year,
      [
        ['shuyuan', 150_000],
        ['hongqiao', 100_000],
      ],
      {
        proposing: day(-3),
        screening: day(27),
        voting: day(47),
        publicity: day(57),
        implementing: day(65),
        evaluating: day(250),
        closed: day(300),
      },
    ),
  });
  await cycleCommands.publishCycle(by(officer, -8), { cycleId });
  await cycleCommands.advanceCyclePhase(by(officer, -3), { cycleId, to: 'proposing' });
}

async function seedQinchuanCycle(year: number, day: Day, by: By): Promise<void> {
  const cycleId = QINCHUAN_CYCLE;
  const officer = 'demo-qinchuan';
  await cycleCommands.draftCycle(by(officer, -20), {
    cycleId,
    streetId: 'qinchuan',
    ...demoCycle(
      `${year}年度幸福微实事`,
      `Happiness micro-projects ${year}`,
      year,
      [
        ['qinfeng', 200_000],
        ['xingfu', 150_000],
        ['fangta', 150_000],
        ['sanfeng', 100_000],
      ],
      {
        proposing: day(-5),
        screening: day(25),
        voting: day(45),
        publicity: day(55),
        implementing: day(63),
        evaluating: day(250),
        closed: day(300),
      },
    ),
  });
  await cycleCommands.publishCycle(by(officer, -15), { cycleId });
  await cycleCommands.advanceCyclePhase(by(officer, -5), { cycleId, to: 'proposing' });
  await proposalCommands.submitProposal(by('demo-r-wang', -2), {
    proposalId: 'demo-p-bus-shelter',
    cycleId,
    communityId: 'qinfeng',
    ...content(
      '琴枫社区门口公交候车亭加装座椅',
      '候车亭只有顶棚没有座椅,上下班等车的老人和孕妇只能站着。',
      'goods',
      8_000,
      '琴枫社区北门公交站',
    ),
    authorResidentId: 'demo-r-wang',
    channel: 'online',
  });
}

/**
 * 虞山街道's autumn cycle of this year, in voting since three days ago: a pool of six projects in
 * 书院社区 (more than its budget buys) and two in 虹桥社区, approval of at most three, counted by
 * the Method of Equal Shares.
 */
async function seedVotingCycle(year: number, day: Day, by: By): Promise<void> {
  await seedCycleUpToVoting(day, by, {
    cycleId: VOTING_CYCLE,
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

/**
 * 虞山街道's summer cycle of this year, in publicity (公示) since two days ago for five days: the
 * demo residents voted on five projects in 书院社区 and two in 虹桥社区 and the vote was counted
 * by the Method of Equal Shares, so that objections can be filed now. In 书院社区 the budget buys
 * the folding seats, the weekend canteen and the shoe rack; the pavilion and the notice board
 * lose (their authors are owed feedback).
 */
async function seedNoticeCycle(year: number, day: Day, by: By, seal: BallotSeal): Promise<void> {
  const cycleId = NOTICE_CYCLE;
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
  // Closing the vote counts every community (see cycleCommands.advanceCyclePhase).
  await cycleCommands.advanceCyclePhase(by(officer, -2), { cycleId, to: 'publicity' });
}

/**
 * 虞山街道's spring cycle of this year in 虹桥社区 alone: one project, voted for and selected; its
 * public notice (five days from eight days ago) is over and its one objection dismissed, so the
 * selection can be confirmed today, the day the schedule gives for implementing.
 */
async function seedConfirmCycle(year: number, day: Day, by: By, seal: BallotSeal): Promise<void> {
  const cycleId = CONFIRM_CYCLE;
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
  await cycleCommands.advanceCyclePhase(by(officer, -8), { cycleId, to: 'publicity' });
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
