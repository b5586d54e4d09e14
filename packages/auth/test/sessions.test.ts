import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionStore, type SessionStore } from '../src/index.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe.each(DIALECTS)('sessions on %s', (dialect) => {
  let database: TestDatabase;
  let clock = Date.UTC(2025, 0, 1);
  let sessions: SessionStore;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    sessions = createSessionStore(database.db, { now: () => clock });
  });
  afterAll(() => database.dispose());

  it('issues an <id>.<secret> token and stores only the hash of the secret', async () => {
    const { session, token } = await sessions.create('acct-store', {
      userAgent: 'Firefox',
      ip: '203.0.113.7',
    });
    expect(token).toMatch(/^[a-z2-7]{24}\.[a-z2-7]{32}$/);
    const [id, secret] = token.split('.') as [string, string];
    expect(session.id).toBe(id);
    expect(session).not.toHaveProperty('secretHash');

    const row = await database.db.get('SELECT * FROM auth_sessions WHERE id = ?', [id]);
    expect(row?.secret_hash).toBe(encodeHexLowerCase(sha256(new TextEncoder().encode(secret))));
    expect(
      Object.values(row ?? {})
        .map(String)
        .join(' '),
    ).not.toContain(secret);
    expect(row).toMatchObject({
      account_id: 'acct-store',
      user_agent: 'Firefox',
      ip: '203.0.113.7',
    });
  });

  it('validates the token it issued and refuses altered, malformed and unknown ones', async () => {
    const { token } = await sessions.create('acct-validate');
    const [id, secret] = token.split('.') as [string, string];
    const flipped = `${id}.${secret[0] === 'a' ? 'b' : 'a'}${secret.slice(1)}`;

    expect((await sessions.validate(token))?.session.accountId).toBe('acct-validate');
    expect(await sessions.validate(flipped)).toBeNull();
    expect(await sessions.validate(id)).toBeNull();
    expect(await sessions.validate(`${token}x`)).toBeNull();
    expect(await sessions.validate(`${'a'.repeat(24)}.${secret}`)).toBeNull();
    // A wrong secret neither ends nor disturbs the real session.
    expect(await sessions.validate(token)).not.toBeNull();
  });

  it('ends a session after 30 days without use, and refreshes activity at most hourly', async () => {
    const start = clock;
    const { token } = await sessions.create('acct-idle');

    clock = start + 30 * 60 * 1000;
    let validated = await sessions.validate(token);
    expect(validated?.refreshed).toBe(false);
    expect(validated?.session.lastActiveAt.getTime()).toBe(start);

    clock = start + 2 * HOUR;
    validated = await sessions.validate(token);
    expect(validated?.refreshed).toBe(true);
    expect(validated?.session.expiresAt.getTime()).toBe(start + 2 * HOUR + 30 * DAY);

    clock = start + 2 * HOUR + 30 * DAY - 1;
    expect((await sessions.validate(token))?.refreshed).toBe(true);

    clock += 30 * DAY;
    expect(await sessions.validate(token)).toBeNull();
    const [id] = token.split('.');
    expect(
      await database.db.get('SELECT id FROM auth_sessions WHERE id = ?', [id!]),
    ).toBeUndefined();
  });

  it('lists, revokes one and revokes all sessions of an account', async () => {
    const phone = await sessions.create('acct-many', { userAgent: 'phone' });
    clock += HOUR;
    const laptop = await sessions.create('acct-many', { userAgent: 'laptop' });
    clock += HOUR;
    const kiosk = await sessions.create('acct-many', { userAgent: 'kiosk' });
    const stranger = await sessions.create('acct-other');

    const listed = await sessions.listForAccount('acct-many');
    expect(listed.map((s) => s.userAgent)).toEqual(['kiosk', 'laptop', 'phone']);

    // Only the owner can end a session.
    expect(await sessions.revoke('acct-other', phone.session.id)).toBe(false);
    expect(await sessions.revoke('acct-many', phone.session.id)).toBe(true);
    expect(await sessions.validate(phone.token)).toBeNull();

    // After a password change, every other session ends.
    expect(await sessions.revokeAll('acct-many', { except: kiosk.session.id })).toBe(1);
    expect(await sessions.validate(laptop.token)).toBeNull();
    expect(await sessions.validate(kiosk.token)).not.toBeNull();
    expect(await sessions.revokeAll('acct-many')).toBe(1);
    expect(await sessions.listForAccount('acct-many')).toEqual([]);
    expect(await sessions.validate(stranger.token)).not.toBeNull();
  });

  it('drops expired sessions from listings and from the table', async () => {
    const old = await sessions.create('acct-expiry');
    clock += 31 * DAY;
    const fresh = await sessions.create('acct-expiry');
    expect((await sessions.listForAccount('acct-expiry')).map((s) => s.id)).toEqual([
      fresh.session.id,
    ]);
    expect(await sessions.deleteExpired()).toBeGreaterThanOrEqual(1);
    expect(
      await database.db.get('SELECT id FROM auth_sessions WHERE id = ?', [old.session.id]),
    ).toBeUndefined();
  });
});
