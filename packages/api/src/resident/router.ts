// Residents (居民): my profile, ties I declare, family proxies (家人代办), "forget me", and
// eligibility. Registration and sign-in (public.ts), what workers do (staff.ts), ties declared
// or decided by others (ties.ts) and a worker's erasure (erasure.ts) are merged in by name.
//
// A resident signs in as the account whose id is their residentId. Their own acts are declared
// `resident`; workers' acts name the community they act in, and their events carry the worker
// as actor, the resident as onBehalfOf and the channel `offline`.
import { z } from 'zod';
import {
  idSchema,
  isoDateSchema,
  proxyPowersSchema,
  refuse,
  say,
  tieKindSchema,
} from '@gongzhi/domain';
import { PASSWORD_MAX_LENGTH, serializeBlankSessionCookie } from '@gongzhi/auth';
import { uuidv7 } from '@gongzhi/eventstore';
import { readResident, residentEligibility } from '@gongzhi/projections/resident';
import { readStaffAccount } from '@gongzhi/projections/organisation';
import { writerFor } from '../commands.ts';
import { today, type Context } from '../context.ts';
import { currentLocale } from '../input.ts';
import { caughtUpTo, minPositionSchema, written } from '../positions.ts';
import { checkPasswordThrottled } from '../session/sign-in.ts';
import { ApiRefusal, procedure, router } from '../trpc.ts';
import * as commands from './commands.ts';
import { residentById } from './credentials.ts';
import { erasureProcedures } from './erasure.ts';
import { me, phoneSchema } from './procedure-helpers.ts';
import { readProfile } from './profile.ts';
import { publicProcedures } from './public.ts';
import { staffProcedures } from './staff.ts';
import { tieProcedures } from './ties.ts';

const WRONG_PASSWORD = say('密码不正确', 'The password is incorrect');

/** Checks the signed-in resident's password, throttled like sign-in. */
async function checkOwnPassword(ctx: Context, password: string): Promise<void> {
  await checkPasswordThrottled(ctx, {
    ...(await residentById(ctx, me(ctx).accountId)),
    password,
    refuse: () =>
      new ApiRefusal('BAD_REQUEST', 'wrong_password', WRONG_PASSWORD, ctx.locale, [
        { path: 'password', message: WRONG_PASSWORD[ctx.locale] },
      ]),
  });
}

export const residentRouter = router({
  ...publicProcedures,
  ...staffProcedures,
  ...tieProcedures,
  ...erasureProcedures,

  /** My profile: record (phone masked), ties, proxies, and acts others did on my record. */
  me: procedure('resident', z.object({ minPosition: minPositionSchema }).optional()).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input?.minPosition);
      const profile = await readProfile(ctx, me(ctx).accountId);
      if (!profile) throw new Error('a signed-in resident is in the read model');
      return profile;
    },
  ),

  /** Declares that I live, work or study in a community; a worker there verifies it. */
  declareTie: procedure(
    'resident',
    z.object({ communityId: idSchema, kind: tieKindSchema }),
  ).mutation(async ({ ctx, input }) => {
    const tieId = uuidv7();
    const result = await commands.declareTie(writerFor(ctx), {
      residentId: me(ctx).accountId,
      tieId,
      ...input,
    });
    return { tieId, ...written(result) };
  }),

  /** Lets another account (a relative) propose, vote or both for me, until a day or revoked. */
  grantProxy: procedure(
    'resident',
    z
      .object({
        granteePhone: phoneSchema.optional(),
        granteeAccountId: idSchema.optional(),
        powers: proxyPowersSchema,
        until: isoDateSchema.optional(),
      })
      .superRefine((input, issues) => {
        if ((input.granteePhone === undefined) === (input.granteeAccountId === undefined)) {
          issues.addIssue({
            code: 'custom',
            path: ['granteePhone'],
            message: say(
              '请填写受托人的手机号（或账号，二者选一）',
              'Give the mobile number of the person (or their account, one of the two)',
            )[currentLocale()],
          });
        }
      }),
  ).mutation(async ({ ctx, input }) => {
    const granteeAccountId = await findGrantee(ctx, input);
    if (!granteeAccountId) {
      return refuse(
        'not_found',
        'grantee_not_found',
        '找不到受托人：对方需要先注册为居民。',
        'There is no such person: they need to register as a resident first.',
      );
    }
    const proxyId = uuidv7();
    const result = await commands.grantProxy(
      writerFor(ctx),
      {
        residentId: me(ctx).accountId,
        proxyId,
        granteeAccountId,
        powers: input.powers,
        ...(input.until && { until: input.until }),
      },
      today(ctx),
    );
    return { proxyId, ...written(result) };
  }),

  revokeProxy: procedure('resident', z.object({ proxyId: idSchema })).mutation(
    async ({ ctx, input }) =>
      written(
        await commands.revokeProxy(writerFor(ctx), {
          residentId: me(ctx).accountId,
          proxyId: input.proxyId,
        }),
      ),
  ),

  /**
   * "Forget me" (注销): deletes my personal data for good and signs me out everywhere. My past
   * acts stay, shown as by 已注销居民. Asks for the password, so that a session left open on a
   * shared computer cannot do it.
   */
  forgetMe: procedure(
    'resident',
    z.object({ password: z.string().min(1).max(PASSWORD_MAX_LENGTH) }),
  ).mutation(async ({ ctx, input }) => {
    const residentId = me(ctx).accountId;
    await checkOwnPassword(ctx, input.password);
    const { position } = await commands.forgetResident(
      writerFor(ctx),
      commands.erasureServices(ctx.services),
      {
        type: 'ForgetResident',
        data: { residentId, requestedBy: 'self' },
      },
    );
    if (ctx.tokenSource === 'cookie') {
      ctx.resHeaders.append(
        'set-cookie',
        serializeBlankSessionCookie({ secure: ctx.secureCookies }),
      );
    }
    return { forgotten: true, position: String(position ?? 0n) };
  }),

  /** Whether I may take part in a community's decisions under a rule, on a day (default today). */
  eligibility: procedure(
    'resident',
    z.object({
      communityId: idSchema,
      tieKinds: z.array(tieKindSchema).min(1).max(3),
      minAge: z.number().int().min(0).max(120),
      on: isoDateSchema.optional(),
      minPosition: minPositionSchema,
    }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    const result = await residentEligibility(ctx.services.readModels.db, me(ctx).accountId, {
      communityId: input.communityId,
      tieKinds: input.tieKinds,
      minAge: input.minAge,
      on: input.on ?? today(ctx),
    });
    return result.eligible
      ? { eligible: true as const, reason: null, message: null }
      : { eligible: false as const, reason: result.reason, message: result.text[ctx.locale] };
  }),
});

/** The account a proxy is granted to: a registered number's resident, or an active account. */
async function findGrantee(
  ctx: Context,
  input: { granteePhone?: string | undefined; granteeAccountId?: string | undefined },
): Promise<string | undefined> {
  const { store, readModels, residents } = ctx.services;
  if (input.granteePhone) {
    return commands.phoneHolder(store, residents.digestPhone(input.granteePhone));
  }
  const accountId = input.granteeAccountId!;
  const staff = await readStaffAccount(readModels.db, accountId);
  const resident = await readResident(readModels.db, accountId);
  return staff?.status === 'active' || resident?.status === 'active' ? accountId : undefined;
}
