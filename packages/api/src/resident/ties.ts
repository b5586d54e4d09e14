// Ties to communities that are not the resident's own declaration: the verification queue and a
// worker's decision on a tie (verify, reject), a worker declaring a tie for a resident at the
// counter, and the resident confirming or declining a tie declared for them.
//
// A worker declaring a tie for a resident needs the resident's consent: either the resident
// reads out a one-time code sent to their registered phone (`requestTieCode`, then
// `declareTieFor` with the code), or the tie is recorded as awaiting the resident, who confirms
// or declines it on their profile page. It cannot be verified until they confirm it, and the
// worker who declared it never verifies it (the domain refuses both).
import { z } from 'zod';
import { idSchema, refuse, say, tieKindSchema } from '@gongzhi/domain';
import { uuidv7 } from '@gongzhi/eventstore';
import { readCommunity } from '@gongzhi/projections/organisation';
import { listVerificationQueue } from '@gongzhi/projections/resident';
import { communityStaff } from '../access.ts';
import { writerFor } from '../commands.ts';
import type { Context } from '../context.ts';
import { currentLocale } from '../input.ts';
import { caughtUpTo, minPositionSchema, written } from '../positions.ts';
import { ApiRefusal, procedure } from '../trpc.ts';
import { tieConsentSubject } from './codes.ts';
import * as commands from './commands.ts';
import {
  codeSchema,
  RESIDENT_STAFF,
  consumeCode,
  me,
  offlineFor,
  phoneSchema,
  textSchema,
} from './procedure-helpers.ts';

/** The resident a worker names: by their id (found by search), or by their mobile number. */
const residentNamed = {
  residentId: idSchema.optional(),
  phone: phoneSchema.optional(),
};

const oneOfResidentOrPhone = (
  input: { residentId?: string | undefined; phone?: string | undefined },
  issues: z.RefinementCtx,
) => {
  if ((input.residentId === undefined) === (input.phone === undefined)) {
    issues.addIssue({
      code: 'custom',
      path: ['phone'],
      message: say(
        '请填写居民注册时使用的手机号（或居民编号，二者选一）',
        'Give the mobile number the resident registered with (or their id, one of the two)',
      )[currentLocale()],
    });
  }
};

const residentNotFound = () =>
  refuse(
    'not_found',
    'resident_not_found',
    '找不到这位居民：请确认手机号，或为其现场登记。',
    'There is no such resident: check the number, or register them on the spot.',
  );

/** The active resident a worker names, as their stream has them. */
async function namedResident(
  ctx: Context,
  input: { residentId?: string | undefined; phone?: string | undefined },
) {
  const { store, residents } = ctx.services;
  const residentId =
    input.residentId ?? (await commands.phoneHolder(store, residents.digestPhone(input.phone!)));
  if (!residentId) return residentNotFound();
  const state = await commands.currentResident(store, residentId);
  if (state.status !== 'active') return residentNotFound();
  return state;
}

/** The tie must be one the resident declared to the community the worker acts in. */
async function requireTieIn(
  ctx: Context,
  input: { communityId: string; residentId: string; tieId: string },
): Promise<void> {
  const state = await commands.currentResident(ctx.services.store, input.residentId);
  if (state.status === 'none') return; // the decider says "no such resident"
  const tie = state.ties.find((t) => t.tieId === input.tieId);
  if (tie?.communityId !== input.communityId) {
    refuse(
      'not_found',
      'tie_not_found',
      '在本社区找不到这项社区联系申报。',
      'There is no such declared tie to this community.',
    );
  }
}

const tieOfMine = z.object({ tieId: idSchema });

export const tieProcedures = {
  /**
   * Declared ties awaiting a worker of the community, oldest first; each says whether the caller
   * declared it (then another worker verifies it).
   */
  verificationQueue: procedure(
    communityStaff(RESIDENT_STAFF, {
      'zh-CN': '查看待核实的居民申报',
      en: 'see the ties awaiting verification',
    }),
    z.object({ communityId: idSchema, minPosition: minPositionSchema }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    const queue = await listVerificationQueue(ctx.services.readModels.db, input.communityId);
    return {
      ties: queue.map((tie) => ({
        residentId: tie.residentId,
        tieId: tie.tieId,
        kind: tie.kind,
        declaredAt: tie.declaredAt,
        declaredByMe: tie.declaredBy === me(ctx).accountId,
        name: tie.name,
        phoneMasked: tie.phoneMasked,
        birthYear: tie.birthYear,
      })),
    };
  }),

  verifyTie: procedure(
    communityStaff(RESIDENT_STAFF, {
      'zh-CN': '核实居民的社区联系',
      en: 'verify a resident’s tie',
    }),
    z.object({ communityId: idSchema, residentId: idSchema, tieId: idSchema, note: textSchema }),
  ).mutation(async ({ ctx, input }) => {
    await requireTieIn(ctx, input);
    return written(
      await commands.verifyTie(writerFor(ctx), {
        residentId: input.residentId,
        tieId: input.tieId,
        note: input.note,
        verifiedBy: me(ctx).accountId,
      }),
    );
  }),

  rejectTie: procedure(
    communityStaff(RESIDENT_STAFF, {
      'zh-CN': '驳回居民的社区联系',
      en: 'reject a resident’s tie',
    }),
    z.object({ communityId: idSchema, residentId: idSchema, tieId: idSchema, reason: textSchema }),
  ).mutation(async ({ ctx, input }) => {
    await requireTieIn(ctx, input);
    return written(
      await commands.rejectTie(writerFor(ctx), {
        residentId: input.residentId,
        tieId: input.tieId,
        reason: input.reason,
        rejectedBy: me(ctx).accountId,
      }),
    );
  }),

  /**
   * Sends the resident at the counter a code to read out, so that a worker may declare a tie for
   * them. The text says what the code is for; it serves for nothing else (see codes.ts).
   */
  requestTieCode: procedure(
    communityStaff(['community_worker'], {
      'zh-CN': '向居民发送确认验证码',
      en: 'send a resident a consent code',
    }),
    z.object({ communityId: idSchema, ...residentNamed }).superRefine(oneOfResidentOrPhone),
  ).mutation(async ({ ctx, input }) => {
    const { store, readModels, residents } = ctx.services;
    const resident = await namedResident(ctx, input);
    const phone = await commands.registeredPhone(store, resident.residentId);
    if (!phone) return residentNotFound();
    const issued = await residents.codes.issue(
      tieConsentSubject(resident.phoneDigest),
      ctx.clientAddress,
    );
    if (!issued.issued) {
      const seconds = Math.ceil(issued.retryAfterMs / 1000);
      ctx.resHeaders.set('retry-after', String(seconds));
      throw new ApiRefusal(
        'TOO_MANY_REQUESTS',
        `code_${issued.reason}`,
        say(
          `验证码刚刚发送过或发送过于频繁，请在 ${seconds} 秒后再试。`,
          `A code was sent a moment ago or too often; try again in ${seconds} seconds.`,
        ),
        ctx.locale,
      );
    }
    const community = await readCommunity(readModels.db, input.communityId);
    const name = community?.name ?? input.communityId;
    const minutes = Math.round(residents.codes.policy.validForMs / 60_000);
    await residents.codeSender.send({
      phone,
      code: issued.code,
      text: say(
        `【共治】${name}的社区工作者正为您登记与该社区的联系。如您本人在场并同意，请把验证码 ${issued.code} 告诉工作人员，${minutes} 分钟内有效。如非本人在场，请勿告诉任何人。`,
        `[Gongzhi] A community worker of ${name} is recording your tie to that community. If you are there and agree, tell them the code ${issued.code} (valid for ${minutes} minutes). If you are not there, tell nobody.`,
      ),
    });
    return { expiresAt: issued.expiresAt.toISOString() };
  }),

  /**
   * A worker declares a tie for a registered resident: with the code the resident read out, or,
   * without one, awaiting the resident's own confirmation online.
   */
  declareTieFor: procedure(
    communityStaff(['community_worker'], {
      'zh-CN': '代居民申报社区联系',
      en: 'declare a tie for a resident',
    }),
    z
      .object({
        communityId: idSchema,
        kind: tieKindSchema,
        ...residentNamed,
        code: codeSchema.optional(),
      })
      .superRefine(oneOfResidentOrPhone),
  ).mutation(async ({ ctx, input }) => {
    const resident = await namedResident(ctx, input);
    const { residentId } = resident;
    const tieId = uuidv7();
    const tie = {
      residentId,
      tieId,
      communityId: input.communityId,
      kind: input.kind,
      declaredFor: {
        by: me(ctx).accountId,
        consent:
          input.code === undefined ? ('awaiting_resident' as const) : ('phone_code' as const),
      },
    };
    if (input.code !== undefined) {
      // Refusals that need no code (a tie declared already) come before the code is used up.
      await commands.checkTieDeclaration(ctx.services.store, tie);
      await consumeCode(ctx, tieConsentSubject(resident.phoneDigest), input.code);
    }
    const result = await commands.declareTie(offlineFor(ctx, residentId), tie);
    // Without the resident's code the worker learns nothing of whom the number names.
    return input.code === undefined
      ? { tieId, awaitingResident: true as const, residentId: null, ...written(result) }
      : { tieId, awaitingResident: false as const, residentId, ...written(result) };
  }),

  /** I confirm a tie a worker declared for me: it then awaits verification. */
  confirmTie: procedure('resident', tieOfMine).mutation(async ({ ctx, input }) =>
    written(
      await commands.answerTie(writerFor(ctx), 'ConfirmTie', {
        residentId: me(ctx).accountId,
        tieId: input.tieId,
      }),
    ),
  ),

  /** I decline a tie a worker declared for me: it never takes effect. */
  declineTie: procedure('resident', tieOfMine).mutation(async ({ ctx, input }) =>
    written(
      await commands.answerTie(writerFor(ctx), 'DeclineTie', {
        residentId: me(ctx).accountId,
        tieId: input.tieId,
      }),
    ),
  ),
};
