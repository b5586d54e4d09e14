// Staff administration over HTTP: creating accounts, granting and revoking roles, listing and
// deactivating accounts; who may do each, and that a refusal writes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { engines, useApiServer } from './harness.ts';

interface Listed {
  accounts: {
    accountId: string;
    loginName: string;
    status: string;
    grants: { role: string; scope: Record<string, string>; label: Record<string, string> }[];
  }[];
}

const NEW_PASSWORD = 'shuyuan-lane-17';

describe.each(engines)('staff administration over HTTP on $name', ({ make }) => {
  const api = useApiServer(make());
  const { call, signIn, head } = api;
  /** The account the street officer creates, which later tests grant, revoke and deactivate. */
  let created: { accountId: string; position: string };

  beforeAll(async () => {
    await signIn('admin');
    await signIn('yushan');
  });

  it('lets a street officer create a community worker in their street, who can sign in', async () => {
    const reply = await call<typeof created>(
      'organisation.createStaffAccount',
      {
        loginName: 'Wu.Lan',
        displayName: '吴兰',
        password: NEW_PASSWORD,
        role: 'community_worker',
        scope: { type: 'community', communityId: 'shuyuan' },
      },
      { as: 'yushan' },
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    created = reply.body.result!.data;
    expect(created.position).toBe(await head());

    await signIn('wu.lan', { password: NEW_PASSWORD });
    const me = await call('auth.me', undefined, { as: 'wu.lan', query: true });
    expect(me.body.result?.data).toMatchObject({
      account: {
        accountId: created.accountId,
        loginName: 'wu.lan',
        displayName: '吴兰',
        grants: [
          {
            role: 'community_worker',
            // The street comes from the community's record, not from the form.
            scope: { type: 'community', communityId: 'shuyuan', streetId: 'yushan' },
            label: { 'zh-CN': '社区工作者', en: 'Community worker' },
          },
        ],
      },
    });
  });

  it('refuses a weak password, a malformed login name and a role in the wrong kind of place with 400 naming each field, writing nothing', async () => {
    const before = await head();
    const zh = await call(
      'organisation.createStaffAccount',
      {
        loginName: '吴 兰',
        displayName: '吴兰',
        password: '12345678',
        role: 'street_officer',
        scope: { type: 'community', communityId: 'shuyuan' },
      },
      { as: 'admin' },
    );
    expect(zh.status).toBe(400);
    expect(zh.body.error?.data.fieldErrors?.map((e) => e.path).sort()).toEqual([
      'loginName',
      'password',
      'scope.type',
    ]);
    expect(zh.body.error?.message).toContain('密码（password）：密码不能全是数字');
    expect(zh.body.error?.message).toContain('登录名（loginName）');
    expect(zh.body.error?.message).toContain('「街道（镇）工作人员」角色只能授予在一个街道范围内');

    const en = await call(
      'organisation.createStaffAccount',
      {
        loginName: 'wu.lan2',
        displayName: '吴兰',
        password: 'short',
        role: 'community_worker',
        scope: { type: 'community', communityId: 'shuyuan' },
      },
      { as: 'admin', headers: { 'x-gongzhi-locale': 'en' } },
    );
    expect(en.status).toBe(400);
    expect(en.body.error?.message).toBe(
      'Password (password): The password must be at least 8 characters long',
    );
    expect(await head()).toBe(before);
  });

  it('refuses a login name already in use with 409, and a community that does not exist with 404', async () => {
    const taken = await call(
      'organisation.createStaffAccount',
      {
        loginName: 'shuyuan',
        displayName: '另一个',
        password: NEW_PASSWORD,
        role: 'community_worker',
        scope: { type: 'community', communityId: 'hongqiao' },
      },
      { as: 'admin' },
    );
    expect(taken.status).toBe(409);
    expect(taken.body.error?.data.reason).toBe('login_name_taken');

    const before = await head();
    const nowhere = await call(
      'organisation.createStaffAccount',
      {
        loginName: 'nowhere.worker',
        displayName: '无名',
        password: NEW_PASSWORD,
        role: 'community_worker',
        scope: { type: 'community', communityId: 'nowhere' },
      },
      { as: 'admin' },
    );
    expect(nowhere.status).toBe(404);
    expect(await head()).toBe(before);
  });

  it('refuses a street officer creating an account in another street, or a street role in their own, with 403, writing nothing', async () => {
    const before = await head();
    const otherStreet = await call(
      'organisation.createStaffAccount',
      {
        loginName: 'qinfeng.two',
        displayName: '钱二',
        password: NEW_PASSWORD,
        role: 'community_worker',
        scope: { type: 'community', communityId: 'qinfeng' },
      },
      { as: 'yushan' },
    );
    expect(otherStreet.status).toBe(403);
    expect(otherStreet.body.error?.data.reason).toBe('out_of_scope');
    expect(otherStreet.body.error?.message).toBe(
      '您没有权限创建此工作人员账号：需要对「琴枫社区」负责的市级管理员或街道（镇）工作人员角色。',
    );

    const streetRole = await call(
      'organisation.createStaffAccount',
      {
        loginName: 'yushan.two',
        displayName: '陈二',
        password: NEW_PASSWORD,
        role: 'street_officer',
        scope: { type: 'street', streetId: 'yushan' },
      },
      { as: 'yushan', headers: { 'x-gongzhi-locale': 'en' } },
    );
    expect(streetRole.status).toBe(403);
    expect(streetRole.body.error?.message).toBe(
      'You may not create this staff account: it takes the role of City administrator or Street officer responsible for the city.',
    );
    expect(await head()).toBe(before);
  });

  it('grants and revokes a community role; the grantee’s next request sees it', async () => {
    const grant = {
      accountId: created.accountId,
      role: 'committee_member',
      scope: { type: 'community', communityId: 'hongqiao' },
    };
    const granted = await call('organisation.grantRole', grant, { as: 'yushan' });
    expect(granted.status, JSON.stringify(granted.body)).toBe(200);
    const afterGrant = await call<{ account: { grants: { role: string }[] } }>(
      'auth.me',
      undefined,
      { as: 'wu.lan', query: true },
    );
    expect(afterGrant.body.result?.data.account.grants.map((g) => g.role).sort()).toEqual([
      'committee_member',
      'community_worker',
    ]);

    const again = await call('organisation.grantRole', grant, { as: 'yushan' });
    expect(again.status).toBe(409);
    expect(again.body.error?.data.reason).toBe('role_already_granted');

    const revoked = await call('organisation.revokeRole', grant, { as: 'admin' });
    expect(revoked.status).toBe(200);
    const afterRevoke = await call<{ account: { grants: { role: string }[] } }>(
      'auth.me',
      undefined,
      { as: 'wu.lan', query: true },
    );
    expect(afterRevoke.body.result?.data.account.grants.map((g) => g.role)).toEqual([
      'community_worker',
    ]);

    const notHeld = await call('organisation.revokeRole', grant, {
      as: 'admin',
      headers: { 'x-gongzhi-locale': 'en' },
    });
    expect(notHeld.status).toBe(404);
    expect(notHeld.body.error?.message).toBe('吴兰 does not hold this role in this scope.');
  });

  it('refuses grants and revocations out of scope with 403 and malformed ones with 400, writing nothing', async () => {
    const before = await head();
    const outOfScope = await call(
      'organisation.grantRole',
      {
        accountId: created.accountId,
        role: 'consultant',
        scope: { type: 'community', communityId: 'fangta' },
      },
      { as: 'yushan' },
    );
    expect(outOfScope.status).toBe(403);
    expect(outOfScope.body.error?.message).toContain('「方塔社区」');

    // The street officer of 琴川 may not take back a role in 虞山's community.
    await signIn('qinchuan');
    const revokeOther = await call(
      'organisation.revokeRole',
      {
        accountId: created.accountId,
        role: 'community_worker',
        scope: { type: 'community', communityId: 'shuyuan' },
      },
      { as: 'qinchuan' },
    );
    expect(revokeOther.status).toBe(403);

    const aboveOwnScope = await call(
      'organisation.grantRole',
      { accountId: created.accountId, role: 'city_admin', scope: { type: 'city' } },
      { as: 'yushan' },
    );
    expect(aboveOwnScope.status).toBe(403);

    const malformed = await call(
      'organisation.grantRole',
      { accountId: '', role: 'mayor', scope: { type: 'province' } },
      { as: 'admin', headers: { 'x-gongzhi-locale': 'en' } },
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.error?.data.fieldErrors?.map((e) => e.path).sort()).toEqual([
      'accountId',
      'role',
      'scope.type',
    ]);
    expect(malformed.body.error?.message).toContain(
      'Role (role): must be one of the given options',
    );
    expect(await head()).toBe(before);
  });

  it('does not let an administrator revoke their own role', async () => {
    const before = await head();
    const own = await call(
      'organisation.revokeRole',
      { accountId: 'demo-admin', role: 'city_admin', scope: { type: 'city' } },
      { as: 'admin' },
    );
    expect(own.status).toBe(403);
    expect(own.body.error?.data.reason).toBe('own_account');
    expect(await head()).toBe(before);
  });

  it('lists staff accounts with their grants: all for the city, those of one street for its officer', async () => {
    const all = await call<Listed>('organisation.staffAccounts', {}, { as: 'admin', query: true });
    expect(all.status).toBe(200);
    const logins = all.body.result!.data.accounts.map((a) => a.loginName);
    for (const login of ['admin', 'yushan', 'qinchuan', 'shuyuan', 'qinfeng', 'wu.lan']) {
      expect(logins).toContain(login);
    }
    const admin = all.body.result!.data.accounts.find((a) => a.loginName === 'admin')!;
    expect(admin).toMatchObject({
      status: 'active',
      grants: [
        { role: 'city_admin', scope: { type: 'city' }, label: { en: 'City administrator' } },
      ],
    });
    expect(admin).not.toHaveProperty('passwordHash');

    const street = await call<Listed>(
      'organisation.staffAccounts',
      { streetId: 'yushan' },
      { as: 'yushan', query: true },
    );
    expect(street.status).toBe(200);
    const streetLogins = street.body.result!.data.accounts.map((a) => a.loginName);
    expect(streetLogins).toEqual(expect.arrayContaining(['yushan', 'shuyuan', 'wu.lan']));
    expect(streetLogins).not.toContain('qinfeng');
    expect(streetLogins).not.toContain('admin');
  });

  it('refuses a street officer the whole city’s or another street’s accounts with 403, and a malformed street with 400', async () => {
    const city = await call('organisation.staffAccounts', {}, { as: 'yushan', query: true });
    expect(city.status).toBe(403);
    expect(city.body.error?.message).toContain('全市');
    const other = await call(
      'organisation.staffAccounts',
      { streetId: 'qinchuan' },
      { as: 'yushan', query: true },
    );
    expect(other.status).toBe(403);
    const malformed = await call(
      'organisation.staffAccounts',
      { streetId: '琴川' },
      { as: 'admin', query: true },
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.error?.message).toBe('街道（streetId）：格式不正确');
    const anonymous = await call('organisation.staffAccounts', {}, { query: true });
    expect(anonymous.status).toBe(401);
  });

  it('refuses deactivating out of scope or one’s own account with 403, and a malformed id with 400, writing nothing', async () => {
    const before = await head();
    const otherStreet = await call(
      'organisation.deactivateStaffAccount',
      { accountId: 'demo-qinfeng' },
      { as: 'yushan' },
    );
    expect(otherStreet.status).toBe(403);
    expect(otherStreet.body.error?.message).toContain('琴川街道');
    // A street officer's account takes the city's authority.
    const streetOfficer = await call(
      'organisation.deactivateStaffAccount',
      { accountId: 'demo-qinchuan' },
      { as: 'yushan' },
    );
    expect(streetOfficer.status).toBe(403);
    const own = await call(
      'organisation.deactivateStaffAccount',
      { accountId: 'demo-admin' },
      { as: 'admin' },
    );
    expect(own.status).toBe(403);
    expect(own.body.error?.data.reason).toBe('own_account');
    const malformed = await call(
      'organisation.deactivateStaffAccount',
      { accountId: created.accountId, reason: '' },
      { as: 'yushan' },
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.error?.data.fieldErrors?.map((e) => e.path)).toEqual(['reason']);
    const missing = await call(
      'organisation.deactivateStaffAccount',
      { accountId: 'no-such-account' },
      { as: 'admin' },
    );
    expect(missing.status).toBe(404);
    expect(await head()).toBe(before);
  });

  it('deactivates an account in the street: its sessions end, it cannot sign in, and it is listed as deactivated', async () => {
    const reply = await call<{ position: string; revokedSessions: number }>(
      'organisation.deactivateStaffAccount',
      { accountId: created.accountId, reason: '调往其他单位' },
      { as: 'yushan' },
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.result?.data.revokedSessions).toBe(1);

    const me = await call('auth.me', undefined, { as: 'wu.lan', query: true });
    expect(me.body.result?.data).toEqual({ account: null });

    const login = await call(
      'auth.login',
      { loginName: 'wu.lan', password: NEW_PASSWORD },
      { headers: { 'x-gongzhi-locale': 'en' } },
    );
    expect(login.status).toBe(403);
    expect(login.body.error?.data.reason).toBe('account_deactivated');
    expect(login.body.error?.message).toMatch(/deactivated/);

    const listed = await call<Listed>(
      'organisation.staffAccounts',
      { streetId: 'yushan', minPosition: reply.body.result!.data.position },
      { as: 'yushan', query: true },
    );
    expect(
      listed.body.result!.data.accounts.find((a) => a.accountId === created.accountId)?.status,
    ).toBe('deactivated');

    const again = await call(
      'organisation.deactivateStaffAccount',
      { accountId: created.accountId },
      { as: 'admin' },
    );
    expect(again.status).toBe(409);
    expect(again.body.error?.data.reason).toBe('account_deactivated');
  });
});
