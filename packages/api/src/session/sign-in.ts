// What every way of signing in shares, staff by login name and residents by mobile number: the
// password checked under the sign-in throttle, then a session in the HttpOnly cookie.
import {
  serializeSessionCookie,
  verifyPassword,
  type LoginAttempt,
  type LoginThrottleDecision,
  type Session,
} from '@gongzhi/auth';
import type { DomainEvent } from '@gongzhi/domain';
import type { EventStore } from '@gongzhi/eventstore';
import { readState, type StreamRecord } from '../commands.ts';
import type { Context } from '../context.ts';
import { ApiRefusal } from '../trpc.ts';

export function throttled(
  ctx: Context,
  decision: Extract<LoginThrottleDecision, { allowed: false }>,
): ApiRefusal {
  ctx.resHeaders.set('retry-after', String(Math.ceil(decision.retryAfterMs / 1000)));
  return new ApiRefusal('TOO_MANY_REQUESTS', 'too_many_attempts', decision.text, ctx.locale);
}

/** Whose password is checked: the throttle's key for the account, and how to look it up. */
export interface PasswordHolder<Account extends { passwordHash: string | null }> {
  /** What identifies the account to the throttle: a login name, a phone digest. */
  accountKey: string;
  find: () => Promise<Account | undefined>;
}

/**
 * Checks a password against the account `find` returns, under the throttle: refused (429) while
 * the account key or the client address has failed too often, a failure counted, the account's
 * failures forgotten on success. The hash is verified even when no account is found, so that
 * timing does not tell which accounts exist. `refuse` makes the error for a wrong password.
 */
export async function checkPasswordThrottled<Account extends { passwordHash: string | null }>(
  ctx: Context,
  request: PasswordHolder<Account> & { password: string; refuse: () => ApiRefusal },
): Promise<Account> {
  const { loginThrottle } = ctx.services;
  const attempt: LoginAttempt = { account: request.accountKey, ip: ctx.clientAddress };
  const before = await loginThrottle.check(attempt);
  if (!before.allowed) throw throttled(ctx, before);
  const account = await request.find();
  const valid = await verifyPassword(account?.passwordHash, request.password);
  if (!valid || !account) {
    const after = await loginThrottle.recordFailure(attempt);
    if (!after.allowed) throw throttled(ctx, after);
    throw request.refuse();
  }
  await loginThrottle.clearAccount(request.accountKey);
  return account;
}

/** A stream's state as its decider folds it, and the hash of the password last set on it. */
export interface WithPasswordHash<State> {
  state: State;
  passwordHash: string | undefined;
}

/**
 * Reads a staff account's or a resident's own stream for sign-in, the password's hash with the
 * state: sign-in checks that hash, not the read model's copy, so a password changed a moment ago
 * is the only one that works, however far the read models lag. `hashSetBy` says which hash an
 * event sets, if any.
 */
export async function readWithPasswordHash<Event extends DomainEvent, State>(
  store: EventStore,
  record: StreamRecord<Event, State>,
  hashSetBy: (event: Event) => string | undefined,
): Promise<WithPasswordHash<State>> {
  const { initialState, evolve } = record.decider;
  const { state } = await readState(store, {
    ...record,
    decider: {
      initialState: (): WithPasswordHash<State> => ({
        state: initialState(),
        passwordHash: undefined,
      }),
      evolve: (folded, event) => ({
        state: evolve(folded.state, event),
        passwordHash: hashSetBy(event) ?? folded.passwordHash,
      }),
    },
  });
  return state;
}

/** Creates a session for the account and sets its cookie; the token never goes in a body. */
export async function startSession(ctx: Context, accountId: string): Promise<Session> {
  const { sessions } = ctx.services;
  const { session, token } = await sessions.create(accountId, {
    userAgent: ctx.userAgent,
    ip: ctx.clientAddress,
  });
  ctx.resHeaders.append(
    'set-cookie',
    serializeSessionCookie(token, {
      secure: ctx.secureCookies,
      maxAgeMs: sessions.policy.inactivityTimeoutMs,
    }),
  );
  return session;
}
