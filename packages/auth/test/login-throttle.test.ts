import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressKey, createLoginThrottle, type LoginThrottle } from '../src/index.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const MINUTE = 60 * 1000;

describe.each(DIALECTS)('login throttling on %s', (dialect) => {
  let database: TestDatabase;
  let clock = Date.UTC(2025, 0, 1);
  // Two API instances sharing one database.
  let instanceA: LoginThrottle;
  let instanceB: LoginThrottle;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    instanceA = createLoginThrottle(database.db, { now: () => clock });
    instanceB = createLoginThrottle(database.db, { now: () => clock });
  });
  afterAll(() => database.dispose());

  it('blocks an account after 5 failures in 15 minutes, counted across instances', async () => {
    const start = clock;
    for (let i = 0; i < 4; i++) {
      const instance = i % 2 ? instanceA : instanceB;
      expect(
        await instance.recordFailure({ account: '13800000001', ip: `198.51.100.${i}` }),
      ).toEqual({ allowed: true });
      clock += MINUTE;
    }
    const fifth = await instanceA.recordFailure({ account: ' 13800000001 ', ip: '198.51.100.9' });
    expect(fifth).toMatchObject({
      allowed: false,
      limitedBy: 'account',
      retryAfterMs: 11 * MINUTE,
    });

    const seen = await instanceB.check({ account: '13800000001', ip: '192.0.2.1' });
    expect(seen).toMatchObject({ allowed: false, limitedBy: 'account' });
    if (seen.allowed) throw new Error('unreachable');
    expect(seen.text['zh-CN']).toBe('登录失败次数过多，请 11 分钟后再试');
    expect(seen.text.en).toBe('Too many failed sign-in attempts; try again in 11 minutes');

    // Another account from the same addresses is unaffected.
    expect(await instanceB.check({ account: '13800000002', ip: '198.51.100.9' })).toEqual({
      allowed: true,
    });

    // The first failure ages out 15 minutes after it happened: one more attempt is allowed.
    clock = start + 15 * MINUTE - 1;
    expect((await instanceA.check({ account: '13800000001', ip: null })).allowed).toBe(false);
    clock = start + 15 * MINUTE;
    expect(await instanceA.check({ account: '13800000001', ip: null })).toEqual({ allowed: true });
  });

  it('blocks an address after 20 failures on any accounts; a success does not reset it', async () => {
    const ip = '203.0.113.50';
    for (let i = 0; i < 19; i++) {
      await instanceA.recordFailure({ account: `139000000${String(i).padStart(2, '0')}`, ip });
    }
    // The attacker signs in to an account of their own: the account rule resets, the address rule not.
    await instanceA.clearAccount('13900000000');
    const twentieth = await instanceB.recordFailure({ account: '13900000099', ip });
    expect(twentieth).toMatchObject({
      allowed: false,
      limitedBy: 'address',
      retryAfterMs: 15 * MINUTE,
    });
    expect((await instanceB.check({ account: '13700000000', ip })).allowed).toBe(false);
    expect(await instanceB.check({ account: '13700000000', ip: '203.0.113.51' })).toEqual({
      allowed: true,
    });
  });

  it('a successful sign-in clears the account count', async () => {
    for (let i = 0; i < 4; i++) await instanceA.recordFailure({ account: 'worker-7', ip: null });
    await instanceA.clearAccount('WORKER-7');
    expect(await instanceA.recordFailure({ account: 'worker-7', ip: null })).toEqual({
      allowed: true,
    });
  });

  it('prunes failures older than every window', async () => {
    await instanceA.recordFailure({ account: 'prune-me', ip: '192.0.2.200' });
    clock += 16 * MINUTE;
    expect(await instanceA.prune()).toBeGreaterThanOrEqual(1);
    const left = await database.db.get<{ n: unknown }>(
      'SELECT COUNT(*) AS n FROM auth_login_failures WHERE failed_at <= ?',
      [clock - 15 * MINUTE],
    );
    expect(Number(left?.n)).toBe(0);
  });
});

describe('address keys', () => {
  it('counts IPv4 addresses one by one and IPv6 clients by their /64', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:0:1:aaaa::1')).toBe('2001:db8:0:1::/64');
    expect(addressKey('2001:0DB8:0000:0001:ffff:ffff:ffff:ffff')).toBe('2001:db8:0:1::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
  });
});
