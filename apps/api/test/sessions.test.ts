// Sessions over HTTP: listing and ending one's own sessions, changing one's password, sign-in
// throttling for a real account, and pruning of expired sessions.
import { describe, expect, it } from 'vitest';
import { createSessionStore } from '@gongzhi/auth';
import { demoPassword, engines, useApiServer } from './harness.ts';

interface Listed {
  sessions: {
    sessionId: string;
    createdAt: string;
    lastActiveAt: string;
    userAgent: string | null;
    ip: string | null;
    current: boolean;
  }[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(engines)('sessions over HTTP on $name', ({ make }) => {
  const api = useApiServer(make());
  const { call, signIn, head } = api;

  const list = (as: string) => call<Listed>('session.list', undefined, { as, query: true });
  const signedInAs = async (as: string) =>
    (
      (await call('auth.me', undefined, { as, query: true })).body.result?.data as {
        account: { loginName: string } | null;
      }
    ).account?.loginName ?? null;

  it('lists my sessions, newest activity first, with the current one marked and the address masked', async () => {
    await signIn('shuyuan', { as: 'phone', headers: { 'user-agent': 'Phone/1.0' } });
    await signIn('shuyuan', { as: 'desk', headers: { 'user-agent': 'Desk/2.0' } });
    await signIn('committee');

    const reply = await list('desk');
    expect(reply.status).toBe(200);
    const sessions = reply.body.result!.data.sessions;
    expect(sessions).toHaveLength(2);
    expect(sessions.map((s) => [s.userAgent, s.current]).sort()).toEqual([
      ['Desk/2.0', true],
      ['Phone/1.0', false],
    ]);
    for (const session of sessions) {
      expect(session.ip).toBe('127.0.0.*');
      expect(session.sessionId).toMatch(/^[a-z2-7]{24}$/);
      expect(Date.parse(session.lastActiveAt)).toBeGreaterThanOrEqual(
        Date.parse(session.createdAt),
      );
    }
    expect(JSON.stringify(reply.body)).not.toContain(api.tokens.get('desk')!.split('.')[1]);
  });

  it('refuses to list sessions for nobody with 401', async () => {
    const reply = await call('session.list', undefined, { query: true });
    expect(reply.status).toBe(401);
    expect(reply.body.error?.data.reason).toBe('sign_in_required');
  });

  it('ends another of my sessions by id; someone else’s or an unknown one is 404, a malformed id 400', async () => {
    const sessions = (await list('desk')).body.result!.data.sessions;
    const phone = sessions.find((s) => !s.current)!;

    const committeeSession = (await list('committee')).body.result!.data.sessions[0]!;
    const others = await call(
      'session.revoke',
      { sessionId: committeeSession.sessionId },
      { as: 'desk', headers: { 'x-gongzhi-locale': 'en' } },
    );
    expect(others.status).toBe(404);
    expect(others.body.error?.message).toBe('There is no such session; it may have ended already.');
    expect(await signedInAs('committee')).toBe('committee');

    const malformed = await call('session.revoke', { sessionId: 'x' }, { as: 'desk' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error?.message).toBe('会话（sessionId）：格式不正确');

    const reply = await call('session.revoke', { sessionId: phone.sessionId }, { as: 'desk' });
    expect(reply.status).toBe(200);
    expect(reply.body.result?.data).toEqual({ signedOut: false });
    expect(await signedInAs('phone')).toBeNull();
    expect(await signedInAs('desk')).toBe('shuyuan');
    expect((await list('desk')).body.result!.data.sessions).toHaveLength(1);

    const again = await call('session.revoke', { sessionId: phone.sessionId }, { as: 'desk' });
    expect(again.status).toBe(404);
  });

  it('ends the current session when asked, clearing its cookie', async () => {
    await signIn('shuyuan', { as: 'spare' });
    const current = (await list('spare')).body.result!.data.sessions.find((s) => s.current)!;
    const reply = await call('session.revoke', { sessionId: current.sessionId }, { as: 'spare' });
    expect(reply.body.result?.data).toEqual({ signedOut: true });
    expect(reply.headers.getSetCookie().join()).toMatch(/gongzhi_session=;/);
    expect(await signedInAs('spare')).toBeNull();
  });

  it('signs out everywhere else', async () => {
    await signIn('shuyuan', { as: 'tablet' });
    await signIn('shuyuan', { as: 'laptop' });
    const reply = await call('session.revokeOthers', undefined, { as: 'laptop' });
    expect(reply.status).toBe(200);
    expect(reply.body.result?.data).toEqual({ revoked: 2 });
    expect(await signedInAs('tablet')).toBeNull();
    expect(await signedInAs('desk')).toBeNull();
    expect(await signedInAs('laptop')).toBe('shuyuan');
    const anonymous = await call('session.revokeOthers', undefined);
    expect(anonymous.status).toBe(401);
  });

  it('refuses a password change with a wrong current password, a weak or unchanged new one with 400 naming the field, writing nothing', async () => {
    const before = await head();
    const wrong = await call(
      'session.changePassword',
      { currentPassword: 'not-my-password', newPassword: 'yushan-hill-2026' },
      { as: 'laptop', headers: { 'x-gongzhi-locale': 'en' } },
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.error?.data).toMatchObject({
      reason: 'wrong_password',
      fieldErrors: [{ path: 'currentPassword', message: 'The current password is incorrect' }],
    });

    const weak = await call(
      'session.changePassword',
      { currentPassword: demoPassword('shuyuan'), newPassword: 'password123' },
      { as: 'laptop' },
    );
    expect(weak.status).toBe(400);
    expect(weak.body.error?.message).toBe('新密码（newPassword）：这个密码太常见，很容易被猜到');

    const unchanged = await call(
      'session.changePassword',
      { currentPassword: demoPassword('shuyuan'), newPassword: demoPassword('shuyuan') },
      { as: 'laptop' },
    );
    expect(unchanged.status).toBe(400);
    expect(unchanged.body.error?.data.fieldErrors?.map((e) => e.path)).toEqual(['newPassword']);

    const anonymous = await call('session.changePassword', {
      currentPassword: demoPassword('shuyuan'),
      newPassword: 'yushan-hill-2026',
    });
    expect(anonymous.status).toBe(401);
    expect(await head()).toBe(before);
  });

  it('changes the password: StaffPasswordChanged is recorded, other sessions end, the old password stops working', async () => {
    await signIn('shuyuan', { as: 'other-device' });
    const newPassword = 'yushan-hill-2026';
    const reply = await call<{ position: string; revokedSessions: number }>(
      'session.changePassword',
      { currentPassword: demoPassword('shuyuan'), newPassword },
      { as: 'laptop' },
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.result?.data.revokedSessions).toBe(1);
    expect(reply.body.result?.data.position).toBe(await head());

    const [last] = await api.runtime.store.readStream('account-demo-shuyuan', {
      direction: 'backwards',
      maxCount: 1,
    });
    expect(last?.type).toBe('StaffPasswordChanged');
    expect(last?.metadata.actor).toBe('demo-shuyuan');
    expect(JSON.stringify(last?.data)).not.toContain(newPassword);

    expect(await signedInAs('other-device')).toBeNull();
    expect(await signedInAs('laptop')).toBe('shuyuan');
    const old = await call('auth.login', {
      loginName: 'shuyuan',
      password: demoPassword('shuyuan'),
    });
    expect(old.status).toBe(401);
    await signIn('shuyuan', { password: newPassword, as: 'with-new-password' });
  });

  it('throttles sign-in for one account: the fifth wrong password says so (429), and a sixth attempt is refused even with the right password', async () => {
    const wrong = { loginName: 'consultant', password: 'not-the-password' };
    for (let attempt = 1; attempt <= 4; attempt++) {
      const reply = await call('auth.login', wrong);
      expect(reply.status).toBe(401);
      expect(reply.body.error?.data.reason).toBe('wrong_credentials');
    }
    const fifth = await call('auth.login', wrong, { headers: { 'x-gongzhi-locale': 'en' } });
    expect(fifth.status).toBe(429);
    expect(fifth.body.error?.data).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      reason: 'too_many_attempts',
    });
    expect(fifth.body.error?.message).toBe(
      'Too many failed sign-in attempts; try again in 15 minutes',
    );

    const sixth = await call('auth.login', {
      loginName: 'consultant',
      password: demoPassword('consultant'),
    });
    expect(sixth.status).toBe(429);
    expect(sixth.body.error?.message).toBe('登录失败次数过多，请 15 分钟后再试');
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(14 * 60);

    // Another account from the same address is not affected by one account's block.
    await signIn('department');
  });

  it('prunes sessions that expired, and keeps live ones', async () => {
    const longAgo = createSessionStore(api.runtime.readModelDb, {
      now: () => Date.now() - 31 * DAY_MS,
    });
    const { token } = await longAgo.create('demo-volunteers');
    const pruned = await api.runtime.pruneAuthState();
    expect(pruned.sessions).toBe(1);
    const rows = await api.runtime.readModelDb.all<{ id: string }>(
      'SELECT id FROM auth_sessions WHERE id = ?',
      [token.split('.')[0]!],
    );
    expect(rows).toEqual([]);
    expect(await signedInAs('with-new-password')).toBe('shuyuan');
  });
});
