// The demo staff accounts: one for every staff role, each with a fixed password that the start
// banner and the README list.
import { organisationCommands } from '@gongzhi/api';
import { hashPassword } from '@gongzhi/auth';
import { organisationStreams, type Scope, type StaffRole } from '@gongzhi/domain';
import { bySystem, streamIsMissing, type SeedTarget } from './writers.ts';

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

export async function seedStaffAccounts(target: SeedTarget): Promise<void> {
  const newAccounts: DemoAccount[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (await streamIsMissing(target.store, organisationStreams.account(account.accountId))) {
      newAccounts.push(account);
    }
  }
  // argon2id runs on the thread pool: hash together, write in order.
  const hashes = await Promise.all(newAccounts.map((account) => hashPassword(account.password)));
  for (const [index, account] of newAccounts.entries()) {
    await organisationCommands.createStaffAccount(bySystem(target), {
      accountId: account.accountId,
      loginName: account.loginName,
      displayName: account.displayName,
      passwordHash: hashes[index]!,
    });
    await organisationCommands.grantRole(bySystem(target), {
      accountId: account.accountId,
      role: account.role,
      scope: account.scope,
    });
  }
}
