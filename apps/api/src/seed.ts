// Demo data: one county-level city, two streets, eight communities and villages, and demo staff
// accounts. Every record has a fixed id and is written only when its stream does not exist yet,
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
  for (const account of DEMO_ACCOUNTS) {
    if (!(await missing(organisationStreams.account(account.accountId)))) continue;
    await organisationCommands.createStaffAccount(w(), {
      accountId: account.accountId,
      loginName: account.loginName,
      displayName: account.displayName,
      passwordHash: await hashPassword(account.password),
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
