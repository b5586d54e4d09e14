// Demo data: one county-level city, two streets, eight communities and villages, and a demo
// staff account for every staff role. Every record has a fixed id and is written only when its stream does not exist yet,
// so the first start seeds and every later start finds the records and leaves them as they are
// (renamed, closed, …). Names are invented after the pattern of Changshu.
import { organisationCommands } from '@gongzhi/api';
import { hashPassword } from '@gongzhi/auth';
import {
  organisationStreams,
  type CommunityKind,
  type Scope,
  type StaffRole,
} from '@gongzhi/domain';
import type { EventMetadata, EventStore } from '@gongzhi/eventstore';
import type { ReadModels } from '@gongzhi/projections';

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

export interface DemoAccount {
  accountId: string;
  loginName: string;
  password: string;
  displayName: string;
  role: StaffRole;
  scope: Scope;
  /** What the account is for, in both languages, for the start banner and the README. */
  description: { 'zh-CN': string; en: string };
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
];

export async function seedDemoData(deps: {
  store: EventStore;
  readModels: ReadModels;
}): Promise<DemoAccount[]> {
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
  // Pages and sign-in read the read model: let it include the seed before serving.
  const head = await store.headPosition();
  if (head !== undefined) await readModels.waitForPosition(head, 30_000);
  return DEMO_ACCOUNTS;
}
