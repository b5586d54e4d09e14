// Sign-in and sessions: argon2id passwords, Lucia-style sessions in the HttpOnly
// `gongzhi_session` cookie, failed attempts throttled per account and address (sign-in.ts). The
// token is never in a response body, where page scripts could read it; a non-browser client
// takes it from Set-Cookie and may send it back as `Authorization: Bearer <token>`.
//
// `auth` signs staff in and out (residents sign in with `resident.login`); `session` lets any
// signed-in person see and end their sessions and change their password. Neither is a domain
// module: the password change is recorded on the staff account's stream or the resident's.
import { isIPv4, isIPv6 } from 'node:net';
import { z } from 'zod';
import {
  hashPassword,
  PASSWORD_MAX_LENGTH,
  ROLE_LABELS,
  serializeBlankSessionCookie,
  type Grant,
} from '@gongzhi/auth';
import { lineText, type LocalizedText } from '@gongzhi/domain';
import { writerFor } from '../commands.ts';
import type { Context, SignedInAccount } from '../context.ts';
import * as organisation from '../organisation/commands.ts';
import { staffById, staffByLoginName } from '../organisation/credentials.ts';
import * as residentCommands from '../resident/commands.ts';
import { residentById } from '../resident/credentials.ts';
import { ApiRefusal, procedure, procedureWithoutInput, router } from '../trpc.ts';
import { newPasswordSchema } from './passwords.ts';
import { checkPasswordThrottled, startSession, type PasswordHolder } from './sign-in.ts';

const WRONG_CREDENTIALS: LocalizedText = {
  'zh-CN': '登录名或密码不正确。',
  en: 'The login name or password is incorrect.',
};

const ACCOUNT_DEACTIVATED: LocalizedText = {
  'zh-CN': '此账号已停用，无法登录。如有疑问请联系管理员。',
  en: 'This account has been deactivated and cannot sign in; ask an administrator.',
};

const WRONG_CURRENT_PASSWORD: LocalizedText = {
  'zh-CN': '当前密码不正确',
  en: 'The current password is incorrect',
};

const PASSWORD_UNCHANGED: LocalizedText = {
  'zh-CN': '新密码不能与当前密码相同',
  en: 'The new password must differ from the current one',
};

const SESSION_NOT_FOUND: LocalizedText = {
  'zh-CN': '找不到这个会话，它可能已经结束。',
  en: 'There is no such session; it may have ended already.',
};

function describeAccount(account: Omit<SignedInAccount, 'sessionId'>) {
  return {
    accountId: account.accountId,
    kind: account.kind,
    loginName: account.loginName,
    displayName: account.displayName,
    grants: account.grants.map((grant: Grant) => ({ ...grant, label: ROLE_LABELS[grant.role] })),
  };
}

/** The signed-in account; the procedures here are declared `signed_in`, so there is one. */
const signedIn = (ctx: Context): SignedInAccount => ctx.account!;

/**
 * An address as a session list shows it: enough to recognise a place, not to find a person.
 * IPv4 keeps three octets (203.0.113.*), IPv6 its first three groups (2001:db8:85a3::*).
 */
export function maskAddress(ip: string | null): string | null {
  if (!ip) return null;
  const address = ip.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (isIPv4(address)) return `${address.split('.').slice(0, 3).join('.')}.*`;
  if (!isIPv6(address)) return null;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const groups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const full = [...groups, ...Array<string>(8 - groups.length - tailGroups.length).fill('0')];
  return `${full
    .concat(tailGroups)
    .slice(0, 3)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::*`;
}

export const authRouter = router({
  login: procedure(
    'public',
    // Only the shape is checked here: a login name of the wrong format is simply not found.
    z.object({
      loginName: lineText({ max: 64 }).toLowerCase(),
      password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    }),
  ).mutation(async ({ ctx, input }) => {
    // The account's own stream says which password works, whether it may sign in, and with
    // which roles: a change, deactivation or revocation a moment ago counts, though the read
    // model has not caught up with it.
    const account = await checkPasswordThrottled(ctx, {
      ...staffByLoginName(ctx, input.loginName),
      password: input.password,
      refuse: () =>
        new ApiRefusal('UNAUTHORIZED', 'wrong_credentials', WRONG_CREDENTIALS, ctx.locale),
    });
    // Said only to someone who knows the password.
    if (account.status !== 'active') {
      throw new ApiRefusal('FORBIDDEN', 'account_deactivated', ACCOUNT_DEACTIVATED, ctx.locale);
    }
    const session = await startSession(ctx, account.accountId);
    return {
      account: describeAccount({ ...account, kind: 'staff' }),
      expiresAt: session.expiresAt.toISOString(),
    };
  }),

  logout: procedureWithoutInput('public').mutation(async ({ ctx }) => {
    if (ctx.account)
      await ctx.services.sessions.revoke(ctx.account.accountId, ctx.account.sessionId);
    ctx.resHeaders.append('set-cookie', serializeBlankSessionCookie({ secure: ctx.secureCookies }));
    return { signedOut: ctx.account !== null };
  }),

  me: procedureWithoutInput('public').query(({ ctx }) => ({
    account: ctx.account ? describeAccount(ctx.account) : null,
  })),
});

export const sessionRouter = router({
  /** My live sessions, most recently active first; `current` is the one making this request. */
  list: procedureWithoutInput('signed_in').query(async ({ ctx }) => {
    const account = signedIn(ctx);
    const sessions = await ctx.services.sessions.listForAccount(account.accountId);
    return {
      sessions: sessions.map((session) => ({
        sessionId: session.id,
        createdAt: session.createdAt.toISOString(),
        lastActiveAt: session.lastActiveAt.toISOString(),
        expiresAt: session.expiresAt.toISOString(),
        userAgent: session.userAgent,
        ip: maskAddress(session.ip),
        current: session.id === account.sessionId,
      })),
    };
  }),

  /** Ends one of my sessions (another device's, or this one: then the cookie goes too). */
  revoke: procedure(
    'signed_in',
    z.object({ sessionId: z.string().regex(/^[a-z2-7]{24}$/) }),
  ).mutation(async ({ ctx, input }) => {
    const account = signedIn(ctx);
    const revoked = await ctx.services.sessions.revoke(account.accountId, input.sessionId);
    // Another account's session is "not found" too: its existence is none of my business.
    if (!revoked) {
      throw new ApiRefusal('NOT_FOUND', 'session_not_found', SESSION_NOT_FOUND, ctx.locale);
    }
    const signedOut = input.sessionId === account.sessionId;
    if (signedOut && ctx.tokenSource === 'cookie') {
      ctx.resHeaders.append(
        'set-cookie',
        serializeBlankSessionCookie({ secure: ctx.secureCookies }),
      );
    }
    return { signedOut };
  }),

  /** Ends all my sessions but this one ("sign out everywhere else"). */
  revokeOthers: procedureWithoutInput('signed_in').mutation(async ({ ctx }) => {
    const account = signedIn(ctx);
    const revoked = await ctx.services.sessions.revokeAll(account.accountId, {
      except: account.sessionId,
    });
    return { revoked };
  }),

  /**
   * Checks the current password (throttled like sign-in, so a borrowed session cannot be used
   * to guess it), records the new hash as `StaffPasswordChanged`, and ends every other session.
   */
  changePassword: procedure(
    'signed_in',
    z.object({
      currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
      newPassword: newPasswordSchema,
    }),
  ).mutation(async ({ ctx, input }) => {
    const account = signedIn(ctx);
    const { sessions } = ctx.services;
    const wrongPassword = () =>
      new ApiRefusal('BAD_REQUEST', 'wrong_password', WRONG_CURRENT_PASSWORD, ctx.locale, [
        { path: 'currentPassword', message: WRONG_CURRENT_PASSWORD[ctx.locale] },
      ]);
    const holder: PasswordHolder<{ passwordHash: string | null }> =
      account.kind === 'resident'
        ? await residentById(ctx, account.accountId)
        : staffById(ctx, account);
    await checkPasswordThrottled(ctx, {
      ...holder,
      password: input.currentPassword,
      refuse: wrongPassword,
    });
    if (input.newPassword.normalize('NFKC') === input.currentPassword.normalize('NFKC')) {
      throw new ApiRefusal('BAD_REQUEST', 'password_unchanged', PASSWORD_UNCHANGED, ctx.locale, [
        { path: 'newPassword', message: PASSWORD_UNCHANGED[ctx.locale] },
      ]);
    }

    const passwordHash = await hashPassword(input.newPassword);
    const result =
      account.kind === 'resident'
        ? await residentCommands.changePassword(writerFor(ctx), {
            residentId: account.accountId,
            passwordHash,
          })
        : await organisation.changeStaffPassword(writerFor(ctx), {
            accountId: account.accountId,
            passwordHash,
          });
    const revokedSessions = await sessions.revokeAll(account.accountId, {
      except: account.sessionId,
    });
    return { position: String(result.position ?? 0n), revokedSessions };
  }),
});
