// Residents' registration and sign-in, open to anyone: a one-time code sent to a mobile number,
// registering with it, signing in with the number and password, and setting a password with a
// code (the first one after a worker registered the resident, or a forgotten one). Merged into
// the resident router under the same names.
import { z } from 'zod';
import { idSchema, refuse, say, tieKindSchema } from '@gongzhi/domain';
import { checkPasswordPolicy, hashPassword, PASSWORD_MAX_LENGTH } from '@gongzhi/auth';
import { uuidv7 } from '@gongzhi/eventstore';
import { writerActing } from '../commands.ts';
import { today } from '../context.ts';
import { currentLocale } from '../input.ts';
import { caughtUpTo, written } from '../positions.ts';
import { newPasswordSchema } from '../session/passwords.ts';
import { checkPasswordThrottled, startSession } from '../session/sign-in.ts';
import { ApiRefusal, procedure } from '../trpc.ts';
import * as commands from './commands.ts';
import { residentByPhone } from './credentials.ts';
import {
  addressSchema,
  birthYearSchema,
  codeSchema,
  consumeCode,
  idNumberSchema,
  nameSchema,
  phoneSchema,
} from './procedure-helpers.ts';

/** The new password must not contain the number it goes with. */
const withoutPhone = (input: { phone: string; password: string }, issues: z.RefinementCtx) => {
  for (const problem of checkPasswordPolicy(input.password, { phone: input.phone })) {
    if (problem.code !== 'contains_phone') continue;
    issues.addIssue({ code: 'custom', path: ['password'], message: problem.text[currentLocale()] });
  }
};

const WRONG_CREDENTIALS = say(
  '手机号或密码不正确。由社区工作者代为登记的居民，请先用短信验证码设置密码。',
  'The mobile number or password is incorrect. If a community worker registered you, first set a password with a code sent to your phone.',
);

export const publicProcedures = {
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
};
