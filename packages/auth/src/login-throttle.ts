// Failed sign-ins are counted in SQL, not in memory, so every API instance sees the same
// counts. Each failure is one row; a rule (limit per sliding window) refuses further attempts
// until enough of the recent failures have aged out. Two rules apply: per account (guessing one
// person's password from many addresses) and per address (trying many accounts from one place).
import { isIPv6 } from 'node:net';
import type { LocalizedText } from '@gongzhi/domain';
import type { SqlExecutor } from '@gongzhi/projections';
import { millis } from './sql-values.ts';

export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

export interface LoginThrottlePolicy {
  perAccount: ThrottleRule;
  perAddress: ThrottleRule;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

export const DEFAULT_LOGIN_THROTTLE_POLICY: LoginThrottlePolicy = {
  perAccount: { limit: 5, windowMs: FIFTEEN_MINUTES },
  perAddress: { limit: 20, windowMs: FIFTEEN_MINUTES },
};

export interface LoginAttempt {
  /** What the person typed to identify themselves (e.g. the mobile number), known or not. */
  account: string;
  /** The client address, when known. */
  ip: string | null;
}

export type LoginThrottleDecision =
  | { allowed: true }
  | {
      allowed: false;
      limitedBy: 'account' | 'address';
      retryAfterMs: number;
      text: LocalizedText;
    };

export interface LoginThrottle {
  readonly policy: LoginThrottlePolicy;
  /** Whether a sign-in may be attempted now. Check before verifying the password. */
  check(attempt: LoginAttempt): Promise<LoginThrottleDecision>;
  /** Records a failed sign-in and says whether the next one may be attempted. */
  recordFailure(attempt: LoginAttempt): Promise<LoginThrottleDecision>;
  /** Forgets the account's failures after a successful sign-in; the address keeps its count. */
  clearAccount(account: string): Promise<void>;
  /** Deletes failures too old to matter; returns how many. */
  prune(): Promise<number>;
}

export function tooManyFailuresText(retryAfterMs: number): LocalizedText {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return {
    'zh-CN': `登录失败次数过多，请 ${minutes} 分钟后再试`,
    en: `Too many failed sign-in attempts; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
  };
}

const accountKey = (account: string): string => account.trim().toLowerCase();

/**
 * The key an address is counted under. An IPv6 client usually owns a whole /64, so one address
 * there is as cheap as one port elsewhere: count the /64.
 */
export function addressKey(ip: string): string {
  const address = ip.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export function createLoginThrottle(
  db: SqlExecutor,
  options: Partial<LoginThrottlePolicy> & { now?: () => number } = {},
): LoginThrottle {
  const { now = Date.now, ...overrides } = options;
  const policy: LoginThrottlePolicy = { ...DEFAULT_LOGIN_THROTTLE_POLICY, ...overrides };

  /** How long until `column = key` has fewer than `rule.limit` failures in the window; 0 if it has. */
  async function waitFor(
    column: 'account_key' | 'address_key',
    key: string,
    rule: ThrottleRule,
    at: number,
  ): Promise<number> {
    const recent = await db.all<{ failed_at: unknown }>(
      `SELECT failed_at FROM auth_login_failures
       WHERE ${column} = ? AND failed_at > ?
       ORDER BY failed_at DESC LIMIT ?`,
      [key, at - rule.windowMs, rule.limit],
    );
    // The limit-th most recent failure is the one whose ageing out lifts the block.
    const blocking = recent[rule.limit - 1];
    return blocking ? millis(blocking.failed_at) + rule.windowMs - at : 0;
  }

  async function decide(attempt: LoginAttempt, at: number): Promise<LoginThrottleDecision> {
    const accountWait = await waitFor(
      'account_key',
      accountKey(attempt.account),
      policy.perAccount,
      at,
    );
    const addressWait = attempt.ip
      ? await waitFor('address_key', addressKey(attempt.ip), policy.perAddress, at)
      : 0;
    const retryAfterMs = Math.max(accountWait, addressWait);
    if (retryAfterMs <= 0) return { allowed: true };
    return {
      allowed: false,
      limitedBy: accountWait >= addressWait ? 'account' : 'address',
      retryAfterMs,
      text: tooManyFailuresText(retryAfterMs),
    };
  }

  const longestWindow = () => Math.max(policy.perAccount.windowMs, policy.perAddress.windowMs);

  return {
    policy,

    check: (attempt) => decide(attempt, now()),

    async recordFailure(attempt) {
      const at = now();
      const account = accountKey(attempt.account);
      const address = attempt.ip ? addressKey(attempt.ip) : null;
      await db.run(
        'INSERT INTO auth_login_failures (id, account_key, address_key, failed_at) VALUES (?, ?, ?, ?)',
        [crypto.randomUUID(), account, address, at],
      );
      // Keep the rows of this account and address bounded without a timer; prune() does the rest.
      await db.run(
        'DELETE FROM auth_login_failures WHERE (account_key = ? OR address_key = ?) AND failed_at <= ?',
        [account, address, at - longestWindow()],
      );
      return decide(attempt, at);
    },

    async clearAccount(account) {
      // The rows stay, detached from the account, so that the address keeps its count: else
      // signing in to one's own account between guesses would reset the address rule.
      await db.run('UPDATE auth_login_failures SET account_key = NULL WHERE account_key = ?', [
        accountKey(account),
      ]);
    },

    async prune() {
      const { changes } = await db.run('DELETE FROM auth_login_failures WHERE failed_at <= ?', [
        now() - longestWindow(),
      ]);
      return changes;
    },
  };
}
