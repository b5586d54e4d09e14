// What the resident procedures (router.ts, public.ts, staff.ts, ties.ts, erasure.ts) share: the
// inputs of a resident's data, the signed-in account, a worker's writer for a resident who came
// in person, the roles that look after a community's residents, and using up a one-time code.
import { z } from 'zod';
import { paragraphText, personalDataSchema, say, type LocalizedText } from '@gongzhi/domain';
import { normalizeMainlandMobile, type Role } from '@gongzhi/auth';
import { writerActing } from '../commands.ts';
import type { Context, SignedInAccount } from '../context.ts';
import { currentLocale } from '../input.ts';
import { ApiRefusal } from '../trpc.ts';
import type { CheckResult } from './codes.ts';

export const codeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/);

export const textSchema = paragraphText({ max: 500 });

/** A mainland mobile number as people type it (spaces, +86), in its canonical 11 digits. */
export const phoneSchema = z
  .string()
  .max(24)
  .refine((value) => normalizeMainlandMobile(value) !== undefined, {
    error: () =>
      say('请输入 11 位中国大陆手机号码', 'Enter an 11-digit mainland China mobile number')[
        currentLocale()
      ],
  })
  .transform((value) => normalizeMainlandMobile(value)!);

export const {
  name: nameSchema,
  idNumber: idNumberSchema,
  address: addressSchema,
} = personalDataSchema.shape;
export const birthYearSchema = z.number().int().min(1900).max(2100);

/** The signed-in account: the resident, or the worker; every procedure but the public ones has one. */
export const me = (ctx: Context): SignedInAccount => ctx.account!;

/** A worker's act for a resident who came in person. */
export const offlineFor = (ctx: Context, residentId: string) =>
  writerActing(ctx, { actor: me(ctx).accountId, onBehalfOf: residentId, channel: 'offline' });

/** Staff who look after a community's residents: they decide ties and search residents. */
export const RESIDENT_STAFF: readonly Role[] = [
  'community_worker',
  'committee_member',
  'street_officer',
];

const CODE_REFUSALS: Record<Exclude<CheckResult, { valid: true }>['reason'], LocalizedText> = {
  no_code: say('请先获取短信验证码。', 'Request a code by text message first.'),
  expired: say('验证码已过期，请重新获取。', 'The code has expired; request a new one.'),
  too_many_attempts: say(
    '验证码输错次数过多，请重新获取。',
    'Too many wrong codes were entered; request a new one.',
  ),
  wrong_code: say('验证码不正确。', 'The code is incorrect.'),
};

/**
 * Uses up the code sent under `subject` (a phone digest, or a purpose's key for it, see
 * codes.ts), or refuses with a 400 about the `code` field.
 */
export async function consumeCode(ctx: Context, subject: string, code: string): Promise<void> {
  const checked = await ctx.services.residents.codes.consume(subject, code);
  if (checked.valid) return;
  const text =
    checked.reason === 'wrong_code'
      ? say(
          `验证码不正确，还可以再试 ${checked.attemptsLeft} 次。`,
          `The code is incorrect; ${checked.attemptsLeft} more ${checked.attemptsLeft === 1 ? 'try' : 'tries'}.`,
        )
      : CODE_REFUSALS[checked.reason];
  throw new ApiRefusal('BAD_REQUEST', `code_${checked.reason}`, text, ctx.locale, [
    { path: 'code', message: text[ctx.locale] },
  ]);
}
