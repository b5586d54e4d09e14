// Sign-in for staff accounts: argon2id passwords, Lucia-style sessions in the HttpOnly
// `gongzhi_session` cookie, failed attempts throttled per account and address. The token is
// never in a response body, where page scripts could read it; a non-browser client takes it
// from Set-Cookie and may send it back as `Authorization: Bearer <token>`.
import { z } from 'zod';
import {
  PASSWORD_MAX_LENGTH,
  ROLE_LABELS,
  serializeBlankSessionCookie,
  serializeSessionCookie,
  verifyPassword,
  type Grant,
  type LoginAttempt,
} from '@gongzhi/auth';
import { listGrants, readStaffAccountByLoginName } from '@gongzhi/projections/organisation';
import type { Context, SignedInAccount } from '../context.ts';
import { ApiRefusal, procedure, procedureWithoutInput, router } from '../trpc.ts';

const WRONG_CREDENTIALS = {
  'zh-CN': '登录名或密码不正确。',
  en: 'The login name or password is incorrect.',
};

function describeAccount(account: Omit<SignedInAccount, 'sessionId'>) {
  return {
    accountId: account.accountId,
    loginName: account.loginName,
    displayName: account.displayName,
    grants: account.grants.map((grant: Grant) => ({ ...grant, label: ROLE_LABELS[grant.role] })),
  };
}

function throttled(
  ctx: Context,
  decision: { allowed: false; retryAfterMs: number; text: { 'zh-CN': string; en: string } },
) {
  ctx.resHeaders.set('retry-after', String(Math.ceil(decision.retryAfterMs / 1000)));
  return new ApiRefusal('TOO_MANY_REQUESTS', 'too_many_attempts', decision.text, ctx.locale);
}

export const authRouter = router({
  login: procedure(
    'public',
    // Only the shape is checked here: a login name of the wrong format is simply not found.
    z.object({
      loginName: z.string().trim().toLowerCase().min(1).max(64),
      password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    }),
  ).mutation(async ({ ctx, input }) => {
    const { sessions, loginThrottle, readModels } = ctx.services;
    const attempt: LoginAttempt = { account: input.loginName, ip: ctx.clientAddress };
    const before = await loginThrottle.check(attempt);
    if (!before.allowed) throw throttled(ctx, before);

    const account = await readStaffAccountByLoginName(readModels.db, input.loginName);
    // Verified even for an unknown name, so that timing does not tell which names exist.
    const valid = await verifyPassword(account?.passwordHash, input.password);
    if (!valid || !account) {
      const after = await loginThrottle.recordFailure(attempt);
      if (!after.allowed) throw throttled(ctx, after);
      throw new ApiRefusal('UNAUTHORIZED', 'wrong_credentials', WRONG_CREDENTIALS, ctx.locale);
    }
    await loginThrottle.clearAccount(input.loginName);

    const { session, token } = await sessions.create(account.accountId, {
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
    return {
      account: describeAccount({
        ...account,
        grants: await listGrants(readModels.db, account.accountId),
      }),
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
