// Sessions after Lucia's current guide (lucia-auth.com/sessions/basic and /inactivity-timeout):
// the token is `<id>.<secret>`; only SHA-256 of the secret is stored and it is compared in
// constant time, so neither a leaked table nor response timing yields a usable token.
// See docs/decisions/0004-sessions.md.
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeHex, encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { SqlExecutor } from '@gongzhi/projections';
import { millis } from './sql-values.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SessionPolicy {
  /** A session unused for this long is over. */
  inactivityTimeoutMs: number;
  /** Last activity is written at most this often, to keep validation a read. */
  activityRefreshIntervalMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  inactivityTimeoutMs: 30 * DAY_MS,
  activityRefreshIntervalMs: 60 * 60 * 1000,
};

/** What may be shown about a session; the secret hash never leaves this module. */
export interface Session {
  id: string;
  accountId: string;
  createdAt: Date;
  lastActiveAt: Date;
  /** When the session ends unless it is used again before. */
  expiresAt: Date;
  userAgent: string | null;
  ip: string | null;
}

export interface SessionClient {
  userAgent?: string | null;
  ip?: string | null;
}

export interface ValidatedSession {
  session: Session;
  /** Last activity was just moved forward: set the cookie again so its Max-Age follows. */
  refreshed: boolean;
}

export interface SessionStore {
  readonly policy: SessionPolicy;
  create(accountId: string, client?: SessionClient): Promise<{ session: Session; token: string }>;
  /** The session the token proves, or null (malformed, unknown, wrong secret, or expired). */
  validate(token: string): Promise<ValidatedSession | null>;
  /** The account's live sessions, most recently active first. */
  listForAccount(accountId: string): Promise<Session[]>;
  /** Ends one of the account's sessions; false when it has no such session. */
  revoke(accountId: string, sessionId: string): Promise<boolean>;
  /** Ends all the account's sessions (e.g. after a password change), optionally but one. */
  revokeAll(accountId: string, options?: { except?: string }): Promise<number>;
  /** Deletes expired sessions; validation already refuses them, this only reclaims space. */
  deleteExpired(): Promise<number>;
}

// 15 bytes = 120 bits for the id (Lucia's minimum for identifiers that must not collide),
// 20 bytes = 160 bits for the secret; base32 makes them 24 and 32 characters.
const ID_BYTES = 15;
const SECRET_BYTES = 20;
const TOKEN_PATTERN = /^([a-z2-7]{24})\.([a-z2-7]{32})$/;
const USER_AGENT_MAX = 512;

function randomBase32(bytes: number): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

const hashSecret = (secret: string): Uint8Array => sha256(new TextEncoder().encode(secret));

interface SessionRow {
  [column: string]: unknown;
  id: string;
  account_id: string;
  created_at: unknown;
  last_active_at: unknown;
  user_agent: string | null;
  ip: string | null;
}

const PUBLIC_COLUMNS = 'id, account_id, created_at, last_active_at, user_agent, ip';

export function createSessionStore(
  db: SqlExecutor,
  options: Partial<SessionPolicy> & { now?: () => number } = {},
): SessionStore {
  const { now = Date.now, ...overrides } = options;
  const policy: SessionPolicy = { ...DEFAULT_SESSION_POLICY, ...overrides };

  const toSession = (row: SessionRow): Session => {
    const lastActiveAt = millis(row.last_active_at);
    return {
      id: row.id,
      accountId: row.account_id,
      createdAt: new Date(millis(row.created_at)),
      lastActiveAt: new Date(lastActiveAt),
      expiresAt: new Date(lastActiveAt + policy.inactivityTimeoutMs),
      userAgent: row.user_agent,
      ip: row.ip,
    };
  };

  return {
    policy,

    async create(accountId, client = {}) {
      const id = randomBase32(ID_BYTES);
      const secret = randomBase32(SECRET_BYTES);
      const at = now();
      const row: SessionRow = {
        id,
        account_id: accountId,
        created_at: at,
        last_active_at: at,
        user_agent: client.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
        ip: client.ip ?? null,
      };
      await db.run(
        `INSERT INTO auth_sessions (id, account_id, secret_hash, created_at, last_active_at, user_agent, ip)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [id, accountId, encodeHexLowerCase(hashSecret(secret)), at, at, row.user_agent, row.ip],
      );
      return { session: toSession(row), token: `${id}.${secret}` };
    },

    async validate(token) {
      const parts = TOKEN_PATTERN.exec(token);
      if (!parts) return null;
      const [, id, secret] = parts as unknown as [string, string, string];
      const row = await db.get<SessionRow & { secret_hash: string }>(
        `SELECT ${PUBLIC_COLUMNS}, secret_hash FROM auth_sessions WHERE id = ?`,
        [id],
      );
      if (!row) return null;
      if (!constantTimeEqual(hashSecret(secret), decodeHex(row.secret_hash))) return null;

      const at = now();
      const lastActiveAt = millis(row.last_active_at);
      if (at - lastActiveAt >= policy.inactivityTimeoutMs) {
        await db.run('DELETE FROM auth_sessions WHERE id = ?', [id]);
        return null;
      }
      // Only after the secret matched may the session be touched (Lucia's inactivity guide).
      const refreshed = at - lastActiveAt >= policy.activityRefreshIntervalMs;
      if (refreshed) {
        await db.run('UPDATE auth_sessions SET last_active_at = ? WHERE id = ?', [at, id]);
        row.last_active_at = at;
      }
      return { session: toSession(row), refreshed };
    },

    async listForAccount(accountId) {
      const rows = await db.all<SessionRow>(
        `SELECT ${PUBLIC_COLUMNS} FROM auth_sessions
         WHERE account_id = ? AND last_active_at > ?
         ORDER BY last_active_at DESC, id`,
        [accountId, now() - policy.inactivityTimeoutMs],
      );
      return rows.map(toSession);
    },

    async revoke(accountId, sessionId) {
      const { changes } = await db.run(
        'DELETE FROM auth_sessions WHERE id = ? AND account_id = ?',
        [sessionId, accountId],
      );
      return changes > 0;
    },

    async revokeAll(accountId, { except } = {}) {
      const { changes } = except
        ? await db.run('DELETE FROM auth_sessions WHERE account_id = ? AND id <> ?', [
            accountId,
            except,
          ])
        : await db.run('DELETE FROM auth_sessions WHERE account_id = ?', [accountId]);
      return changes;
    },

    async deleteExpired() {
      const { changes } = await db.run('DELETE FROM auth_sessions WHERE last_active_at <= ?', [
        now() - policy.inactivityTimeoutMs,
      ]);
      return changes;
    },
  };
}
