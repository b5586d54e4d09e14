// One-time codes that prove a person holds a mobile number (registration, setting a password).
// Six digits, valid for ten minutes, five tries, at most one per number a minute and a few per
// client address an hour (so that the page cannot be used to flood numbers with messages).
//
// Codes are operational state beside the auth tables, never events. A row names the number only
// by its keyed digest, and keeps the code as an HMAC under a key derived from the master key:
// a leaked table yields neither numbers nor codes (six digits alone would be guessed at once).
import { createHmac, hkdfSync, randomInt, timingSafeEqual } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import { maskPhone, type LocalizedText } from '@gongzhi/domain';
import type { SqlExecutor } from '@gongzhi/projections';
import { addressKey } from '@gongzhi/auth';

export interface PhoneCodePolicy {
  validForMs: number;
  maxAttempts: number;
  /** Least time between two codes to one number. */
  resendAfterMs: number;
  /** Most codes requested from one client address per hour. */
  perAddressPerHour: number;
}

export const DEFAULT_PHONE_CODE_POLICY: PhoneCodePolicy = {
  validForMs: 10 * 60_000,
  maxAttempts: 5,
  resendAfterMs: 60_000,
  perAddressPerHour: 20,
};

const HOUR_MS = 60 * 60_000;

/** Delivers a code to a number: an SMS gateway in production, the console in development. */
export interface OneTimeCodeSender {
  send(message: { phone: string; code: string; text: LocalizedText }): Promise<void>;
}

/** Prints codes (with the number masked) where the developer running the server sees them. */
export const consoleCodeSender: OneTimeCodeSender = {
  async send({ phone, code }) {
    console.log(`  验证码 one-time code for ${maskPhone(phone)}: ${code}`);
  },
};

/**
 * Appends each code as a JSON line `{"phone","code","at"}` to a file, for browser tests that read
 * what the phone would receive. Development and tests only: the file holds numbers and codes in
 * clear.
 */
export function createFileCodeSender(path: string): OneTimeCodeSender {
  return {
    async send({ phone, code }) {
      const line = JSON.stringify({ phone, code, at: new Date().toISOString() });
      await appendFile(path, `${line}\n`, { mode: 0o600 });
    },
  };
}

/**
 * The sender GONGZHI_CODE_SENDER names: `console` (the default) or `file:<path>`. An SMS
 * gateway is another implementation of OneTimeCodeSender, passed to the runtime.
 */
export function codeSenderFromEnv(value: string | undefined): OneTimeCodeSender {
  if (value === undefined || value === '' || value === 'console') return consoleCodeSender;
  if (value.startsWith('file:') && value.length > 'file:'.length) {
    return createFileCodeSender(value.slice('file:'.length));
  }
  throw new Error(`GONGZHI_CODE_SENDER must be console or file:<path>, not ${value}`);
}

/** Keeps sent codes in memory, for tests that play the person reading their messages. */
export function createMemoryCodeSender(): OneTimeCodeSender & {
  sent: { phone: string; code: string }[];
  /** The last code sent to the number. */
  lastCodeFor(phone: string): string | undefined;
} {
  const sent: { phone: string; code: string }[] = [];
  return {
    sent,
    lastCodeFor: (phone) => sent.findLast((message) => message.phone === phone)?.code,
    async send({ phone, code }) {
      sent.push({ phone, code });
    },
  };
}

export const PHONE_CODE_TABLE = `CREATE TABLE IF NOT EXISTS resident_phone_codes (
  id TEXT PRIMARY KEY,
  phone_digest TEXT NOT NULL,
  address_key TEXT,
  code_hmac TEXT NOT NULL,
  sent_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  attempts INTEGER NOT NULL
)`;

const PHONE_CODE_INDEXES = [
  'CREATE INDEX IF NOT EXISTS resident_phone_codes_by_phone ON resident_phone_codes (phone_digest, sent_at)',
  'CREATE INDEX IF NOT EXISTS resident_phone_codes_by_address ON resident_phone_codes (address_key, sent_at)',
];

/** Creates the code table, if missing. Safe on every start. */
export async function ensurePhoneCodeTable(db: SqlExecutor): Promise<void> {
  await db.run(PHONE_CODE_TABLE);
  for (const ddl of PHONE_CODE_INDEXES) await db.run(ddl);
}

/**
 * The key under which codes for agreeing to a tie a worker declares are kept: apart from the
 * number's own codes (registering, setting a password), so that a code a resident reads out to a
 * worker at the counter can never set their password, nor the other way round.
 */
export const tieConsentSubject = (phoneDigest: string): string => `tie-consent-${phoneDigest}`;

export type IssueResult =
  | { issued: true; code: string; expiresAt: Date }
  | { issued: false; reason: 'resend_too_soon' | 'address_limit'; retryAfterMs: number };

export type CheckResult =
  | { valid: true }
  | { valid: false; reason: 'no_code' | 'expired' | 'too_many_attempts' }
  | { valid: false; reason: 'wrong_code'; attemptsLeft: number };

export interface PhoneCodes {
  readonly policy: PhoneCodePolicy;
  /** A new code for the number, unless one was sent too recently or the address asked too often. */
  issue(phoneDigest: string, clientAddress: string | null): Promise<IssueResult>;
  /** Checks the number's latest code: a right code is used up, a wrong one costs a try. */
  consume(phoneDigest: string, code: string): Promise<CheckResult>;
  /** Deletes every code of the number, tie-consent codes included (a forgotten resident's). */
  discard(phoneDigest: string): Promise<void>;
  /** Deletes rows too old to matter to any rule; returns how many. */
  prune(): Promise<number>;
}

export function createPhoneCodes(
  db: SqlExecutor,
  masterKey: Uint8Array,
  options: Partial<PhoneCodePolicy> & { now?: () => number } = {},
): PhoneCodes {
  const { now = Date.now, ...overrides } = options;
  const policy: PhoneCodePolicy = { ...DEFAULT_PHONE_CODE_POLICY, ...overrides };
  const key = Buffer.from(hkdfSync('sha256', masterKey, '', 'gongzhi/phone-code/v1', 32));
  const hmac = (phoneDigest: string, code: string) =>
    createHmac('sha256', key).update(`${phoneDigest}:${code}`).digest();

  return {
    policy,

    async issue(phoneDigest, clientAddress) {
      const at = now();
      const address = clientAddress ? addressKey(clientAddress) : null;
      // Rows older than an hour matter to no rule: drop this number's and this address's.
      await db.run(
        'DELETE FROM resident_phone_codes WHERE (phone_digest = ? OR address_key = ?) AND sent_at <= ?',
        [phoneDigest, address, at - HOUR_MS],
      );
      const latest = await db.get<{ sent_at: unknown }>(
        'SELECT sent_at FROM resident_phone_codes WHERE phone_digest = ? ORDER BY sent_at DESC LIMIT 1',
        [phoneDigest],
      );
      if (latest && at - Number(latest.sent_at) < policy.resendAfterMs) {
        return {
          issued: false,
          reason: 'resend_too_soon',
          retryAfterMs: Number(latest.sent_at) + policy.resendAfterMs - at,
        };
      }
      if (address) {
        const recent = await db.all<{ sent_at: unknown }>(
          `SELECT sent_at FROM resident_phone_codes WHERE address_key = ? AND sent_at > ?
           ORDER BY sent_at DESC LIMIT ?`,
          [address, at - HOUR_MS, policy.perAddressPerHour],
        );
        const blocking = recent[policy.perAddressPerHour - 1];
        if (blocking) {
          return {
            issued: false,
            reason: 'address_limit',
            retryAfterMs: Number(blocking.sent_at) + HOUR_MS - at,
          };
        }
      }
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      // Only the newest code of a number counts: an older one stops working when it is replaced.
      await db.run('DELETE FROM resident_phone_codes WHERE phone_digest = ?', [phoneDigest]);
      await db.run(
        `INSERT INTO resident_phone_codes
           (id, phone_digest, address_key, code_hmac, sent_at, expires_at, attempts)
         VALUES (?, ?, ?, ?, ?, ?, 0)`,
        [
          crypto.randomUUID(),
          phoneDigest,
          address,
          hmac(phoneDigest, code).toString('hex'),
          at,
          at + policy.validForMs,
        ],
      );
      return { issued: true, code, expiresAt: new Date(at + policy.validForMs) };
    },

    async consume(phoneDigest, code) {
      const row = await db.get<{ id: string; code_hmac: string; expires_at: unknown }>(
        `SELECT id, code_hmac, expires_at FROM resident_phone_codes
         WHERE phone_digest = ? ORDER BY sent_at DESC LIMIT 1`,
        [phoneDigest],
      );
      if (!row) return { valid: false, reason: 'no_code' };
      if (Number(row.expires_at) <= now()) return { valid: false, reason: 'expired' };
      // A try is taken before the code is compared, in one statement: requests guessing in
      // parallel cannot share one.
      const taken = await db.get<{ attempts: unknown }>(
        `UPDATE resident_phone_codes SET attempts = attempts + 1
         WHERE id = ? AND attempts < ? RETURNING attempts`,
        [row.id, policy.maxAttempts],
      );
      if (!taken) return { valid: false, reason: 'too_many_attempts' };
      if (!timingSafeEqual(hmac(phoneDigest, code), Buffer.from(row.code_hmac, 'hex'))) {
        return {
          valid: false,
          reason: 'wrong_code',
          attemptsLeft: policy.maxAttempts - Number(taken.attempts),
        };
      }
      // Deleting is the use: of two requests racing with the right code, one deletes the row.
      const { changes } = await db.run('DELETE FROM resident_phone_codes WHERE id = ?', [row.id]);
      return changes > 0 ? { valid: true } : { valid: false, reason: 'no_code' };
    },

    async discard(phoneDigest) {
      await db.run('DELETE FROM resident_phone_codes WHERE phone_digest IN (?, ?)', [
        phoneDigest,
        tieConsentSubject(phoneDigest),
      ]);
    },

    async prune() {
      const { changes } = await db.run('DELETE FROM resident_phone_codes WHERE sent_at <= ?', [
        now() - HOUR_MS,
      ]);
      return changes;
    },
  };
}
