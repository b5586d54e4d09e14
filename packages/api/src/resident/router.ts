// Residents (居民): registration with a one-time code, sign-in by mobile number, my profile,
// ties to communities and their verification by community workers, family proxies (家人代办),
// registration on the spot from a paper form, "forget me", and eligibility.
//
// A resident signs in as the account whose id is their residentId. Their own acts are declared
// `resident`; workers' acts name the community they act in, and their events carry the worker
// as actor, the resident as onBehalfOf and the channel `offline`.
import { z } from 'zod';
import {
  idSchema,
  isoDateSchema,
  lineText,
  personalDataSchema,
  proxyPowersSchema,
  refuse,
  say,
  tieKindSchema,
} from '@gongzhi/domain';
import {
  checkPasswordPolicy,
  hashPassword,
  normalizeMainlandMobile,
  PASSWORD_MAX_LENGTH,
  serializeBlankSessionCookie,
} from '@gongzhi/auth';
import { uuidv7 } from '@gongzhi/eventstore';
import {
  listResidentTies,
  readResident,
  readResidentLogin,
  residentEligibility,
  searchResidents,
  SEARCHABLE_TIE_STATUSES,
  type ResidentRow,
} from '@gongzhi/projections/resident';
import { readStaffAccount } from '@gongzhi/projections/organisation';
import { communityStaff } from '../access.ts';
import { writerActing, writerFor } from '../commands.ts';
import { now, today, type Context } from '../context.ts';
import { currentLocale } from '../input.ts';
import { caughtUpTo, minPositionSchema, written } from '../positions.ts';
import { newPasswordSchema } from '../session/passwords.ts';
import { checkPasswordThrottled, startSession } from '../session/sign-in.ts';
import { ApiRefusal, procedure, router } from '../trpc.ts';
import * as commands from './commands.ts';
import { residentById, residentByPhone } from './credentials.ts';
import { erasureProcedures } from './erasure.ts';
import { codeSchema, RESIDENT_STAFF, consumeCode, me, offlineFor } from './procedure-helpers.ts';
import { readProfile } from './profile.ts';
import { tieProcedures } from './ties.ts';

/** A mainland mobile number as people type it (spaces, +86), in its canonical 11 digits. */
const phoneSchema = z
  .string()
  .max(24)
  .refine((value) => normalizeMainlandMobile(value) !== undefined, {
    error: () =>
      say('请输入 11 位中国大陆手机号码', 'Enter an 11-digit mainland China mobile number')[
        currentLocale()
      ],
  })
  .transform((value) => normalizeMainlandMobile(value)!);

/** The new password must not contain the number it goes with. */
const withoutPhone = (input: { phone: string; password: string }, issues: z.RefinementCtx) => {
  for (const problem of checkPasswordPolicy(input.password, { phone: input.phone })) {
    if (problem.code !== 'contains_phone') continue;
    issues.addIssue({ code: 'custom', path: ['password'], message: problem.text[currentLocale()] });
  }
};

const {
  name: nameSchema,
  idNumber: idNumberSchema,
  address: addressSchema,
} = personalDataSchema.shape;
const birthYearSchema = z.number().int().min(1900).max(2100);

const WRONG_CREDENTIALS = say(
  '手机号或密码不正确。由社区工作者代为登记的居民，请先用短信验证码设置密码。',
  'The mobile number or password is incorrect. If a community worker registered you, first set a password with a code sent to your phone.',
);
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

function residentView(resident: ResidentRow) {
  return {
    residentId: resident.residentId,
    name: resident.name,
    phoneMasked: resident.phoneMasked,
    birthYear: resident.birthYear,
    phoneConfirmed: resident.phoneConfirmed,
    hasPassword: resident.hasPassword,
    channel: resident.channel,
    registeredAt: resident.registeredAt,
  };
}

export const residentRouter = router({
  ...tieProcedures,
  ...erasureProcedures,

  /**
   * Sends a six-digit code to the number. Says the same whether or not the number is
   * registered; at most one code a minute per number.
   */
  requestPhoneCode: procedure('public', z.object({ phone: phoneSchema })).mutation(
    async ({ ctx, input }) => {
      const { codes, codeSender, digestPhone } = ctx.services.residents;
      const issued = await codes.issue(digestPhone(input.phone), ctx.clientAddress);
      if (!issued.issued) {
        const seconds = Math.ceil(issued.retryAfterMs / 1000);
        ctx.resHeaders.set('retry-after', String(seconds));
        const text =
          issued.reason === 'resend_too_soon'
            ? say(
                `验证码刚刚发送过，请在 ${seconds} 秒后再重新获取。`,
                `A code was sent a moment ago; you can ask for another in ${seconds} seconds.`,
              )
            : say(
                `获取验证码过于频繁，请 ${Math.ceil(seconds / 60)} 分钟后再试。`,
                `Too many codes were requested from here; try again in ${Math.ceil(seconds / 60)} minutes.`,
              );
        throw new ApiRefusal('TOO_MANY_REQUESTS', `code_${issued.reason}`, text, ctx.locale);
      }
      const minutes = Math.round(codes.policy.validForMs / 60_000);
      await codeSender.send({
        phone: input.phone,
        code: issued.code,
        text: say(
          `【共治】您的验证码是 ${issued.code}，${minutes} 分钟内有效。请勿告诉他人。`,
          `[Gongzhi] Your code is ${issued.code}. It is valid for ${minutes} minutes; do not share it.`,
        ),
      });
      return {
        expiresAt: issued.expiresAt.toISOString(),
        resendAfterSeconds: Math.ceil(codes.policy.resendAfterMs / 1000),
      };
    },
  ),

  /** Registers with the code sent to the number, and signs in. */
  register: procedure(
    'public',
    z
      .object({
        name: nameSchema,
        phone: phoneSchema,
        code: codeSchema,
        password: newPasswordSchema,
        birthYear: birthYearSchema,
        idNumber: idNumberSchema,
        address: addressSchema,
        ties: z
          .array(z.object({ communityId: idSchema, kind: tieKindSchema }))
          .min(1)
          .max(6),
      })
      .superRefine(withoutPhone),
  ).mutation(async ({ ctx, input }) => {
    const { digestPhone } = ctx.services.residents;
    const residentId = uuidv7();
    const { name, phone, idNumber, address } = input;
    const data = {
      residentId,
      phoneDigest: digestPhone(phone),
      birthYear: input.birthYear,
      passwordHash: await hashPassword(input.password),
      channel: 'online' as const,
      personal: { name, phone, ...(idNumber && { idNumber }), ...(address && { address }) },
    };
    const ties = input.ties.map((tie) => ({ tieId: uuidv7(), ...tie }));
    // Refusals that need no code (a closed community) come before the code is used up.
    const registration = await commands.prepareRegistration(ctx.services.store, {
      data,
      ties,
      today: today(ctx),
    });
    await consumeCode(ctx, digestPhone(phone), input.code);
    const w = writerActing(ctx, { actor: residentId, onBehalfOf: undefined, channel: 'online' });
    await commands.registerResident(w, registration);
    const result = await commands.confirmPhone(w, residentId);
    await caughtUpTo(ctx, result.position);
    const session = await startSession(ctx, residentId);
    return { residentId, ...written(result), expiresAt: session.expiresAt.toISOString() };
  }),

  /** Signs a resident in with their mobile number and password. */
  login: procedure(
    'public',
    z.object({ phone: phoneSchema, password: z.string().min(1).max(PASSWORD_MAX_LENGTH) }),
  ).mutation(async ({ ctx, input }) => {
    const login = await checkPasswordThrottled(ctx, {
      ...residentByPhone(ctx, ctx.services.residents.digestPhone(input.phone)),
      password: input.password,
      refuse: () =>
        new ApiRefusal('UNAUTHORIZED', 'wrong_credentials', WRONG_CREDENTIALS, ctx.locale),
    });
    const session = await startSession(ctx, login.residentId);
    return { residentId: login.residentId, expiresAt: session.expiresAt.toISOString() };
  }),

  /**
   * Sets a password with a code sent to the number: the first one after a worker registered the
   * resident on the spot, or a new one when it was forgotten. Confirms the number, ends every
   * other session, and signs in.
   */
  setPassword: procedure(
    'public',
    z
      .object({ phone: phoneSchema, code: codeSchema, password: newPasswordSchema })
      .superRefine(withoutPhone),
  ).mutation(async ({ ctx, input }) => {
    const { store, sessions } = ctx.services;
    await consumeCode(ctx, ctx.services.residents.digestPhone(input.phone), input.code);
    const residentId = await commands.phoneHolder(
      store,
      ctx.services.residents.digestPhone(input.phone),
    );
    if (!residentId) {
      return refuse(
        'not_found',
        'phone_not_registered',
        '这个手机号还没有注册，请先注册。',
        'This mobile number is not registered yet; register first.',
      );
    }
    const w = writerActing(ctx, { actor: residentId, onBehalfOf: undefined, channel: 'online' });
    await commands.changePassword(w, {
      residentId,
      passwordHash: await hashPassword(input.password),
    });
    const result = await commands.confirmPhone(w, residentId);
    await caughtUpTo(ctx, result.position);
    await sessions.revokeAll(residentId);
    const session = await startSession(ctx, residentId);
    return { residentId, ...written(result), expiresAt: session.expiresAt.toISOString() };
  }),

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

  /**
   * Residents with a tie to the community they declared or agreed to (not one a worker declared
   * that awaits them), by part of the name, the last digits of the number, or the whole number.
   * Results show the number masked.
   */
  search: procedure(
    communityStaff(RESIDENT_STAFF, { 'zh-CN': '查找居民', en: 'search residents' }),
    z.object({ communityId: idSchema, query: lineText({ max: 40 }) }),
  ).query(async ({ ctx, input }) => {
    const { db } = ctx.services.readModels;
    const phone = normalizeMainlandMobile(input.query);
    let found: ResidentRow[];
    if (phone) {
      const login = await readResidentLogin(db, ctx.services.residents.digestPhone(phone));
      const resident = login && (await readResident(db, login.residentId));
      found = resident ? [resident] : [];
    } else {
      found = await searchResidents(db, { communityId: input.communityId, text: input.query });
    }
    const residents = await Promise.all(
      found.map(async (resident) => ({
        ...residentView(resident),
        ties: (await listResidentTies(db, resident.residentId))
          .filter(
            (tie) =>
              tie.communityId === input.communityId && SEARCHABLE_TIE_STATUSES.includes(tie.status),
          )
          .map((tie) => ({ tieId: tie.tieId, kind: tie.kind, status: tie.status })),
      })),
    );
    return { residents: residents.filter((resident) => resident.ties.length > 0) };
  }),

  /**
   * A worker registers a resident who came in person, from a paper form they signed (their
   * consent is recorded). The resident has no password until they set one with a code.
   */
  registerOnSpot: procedure(
    communityStaff(['community_worker'], {
      'zh-CN': '现场登记居民',
      en: 'register a resident in person',
    }),
    z.object({
      communityId: idSchema,
      kind: tieKindSchema,
      name: nameSchema,
      phone: phoneSchema,
      birthYear: birthYearSchema,
      idNumber: idNumberSchema,
      address: addressSchema,
      consent: z.object({ form: z.literal('paper') }),
    }),
  ).mutation(async ({ ctx, input }) => {
    const residentId = uuidv7();
    const worker = me(ctx).accountId;
    const { name, phone, idNumber, address } = input;
    const registration = await commands.prepareRegistration(ctx.services.store, {
      data: {
        residentId,
        phoneDigest: ctx.services.residents.digestPhone(phone),
        birthYear: input.birthYear,
        channel: 'offline',
        consent: { recordedBy: worker, form: input.consent.form, at: now(ctx).toISOString() },
        personal: { name, phone, ...(idNumber && { idNumber }), ...(address && { address }) },
      },
      ties: [
        {
          tieId: uuidv7(),
          communityId: input.communityId,
          kind: input.kind,
          declaredFor: { by: worker, consent: 'paper_form' },
        },
      ],
      today: today(ctx),
    });
    const result = await commands.registerResident(offlineFor(ctx, residentId), registration);
    return { residentId, ...written(result) };
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
