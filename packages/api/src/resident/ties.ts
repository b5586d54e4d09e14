// Ties to communities that are not the resident's own declaration: the verification queue and a
// worker's decision on a tie (verify, reject), a worker declaring a tie for a resident at the
// counter, and the resident confirming or declining a tie declared for them.
//
// A worker declaring a tie for a resident needs the resident's consent: either the resident
// reads out a one-time code sent to their registered phone (`requestTieCode`, then
// `declareTieFor` with the code), or the tie is recorded as awaiting the resident, who confirms
// or declines it on their profile page. It cannot be verified until they confirm it, and the
// worker who declared it never verifies it (the domain refuses both).
//
// A worker naming the resident by number learns nothing of whether it is registered: the code is
// issued either way and sent only to a resident's number, a declaration without the code answers
// alike and writes nothing for a number nobody holds, and with a code the code is checked first.
import { z } from 'zod';
import {
  DomainError,
  idSchema,
  refuse,
  say,
  tieKindSchema,
  type RegisteredResident,
  type TieConsent,
} from '@gongzhi/domain';
import { uuidv7 } from '@gongzhi/eventstore';
import { readCommunity } from '@gongzhi/projections/organisation';
import { listVerificationQueue } from '@gongzhi/projections/resident';
import { communityStaff } from '../access.ts';
import { readState, writerFor } from '../commands.ts';
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

/** The active resident a worker names by id (found by search), as their stream has them. */
async function residentWithId(ctx: Context, residentId: string): Promise<RegisteredResident> {
  const { state } = await readState(ctx.services.store, commands.residentRecord(residentId));
  return state.status === 'active' ? state : residentNotFound();
}

/** The active resident holding the number, if any: never told to the worker. */
async function activeHolder(ctx: Context, phone: string): Promise<RegisteredResident | undefined> {
  const { store, residents } = ctx.services;
  const residentId = await commands.phoneHolder(store, residents.digestPhone(phone));
  if (!residentId) return undefined;
  const { state } = await readState(store, commands.residentRecord(residentId));
  return state.status === 'active' ? state : undefined;
}

/** What a declaration by number without the resident's code answers, whoever holds the number. */
const AWAITING_WHOEVER_HOLDS_IT = {
  tieId: null,
  awaitingResident: true as const,
  residentId: null,
  position: null,
  revision: null,
};

/** The tie must be one the resident declared to the community the worker acts in. */
async function requireTieIn(
  ctx: Context,
  input: { communityId: string; residentId: string; tieId: string },
): Promise<void> {
  const { state } = await readState(ctx.services.store, commands.residentRecord(input.residentId));
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
    let phone: string | undefined;
    let phoneDigest: string;
    if (input.phone === undefined) {
      const resident = await residentWithId(ctx, input.residentId!);
      phone = await commands.registeredPhone(store, resident.residentId);
      if (!phone) return residentNotFound();
      phoneDigest = resident.phoneDigest;
    } else {
      // Issued whether or not a resident holds the number, sent only if one does: the answer,
      // and the wait before another, are the same either way.
      phone = (await activeHolder(ctx, input.phone)) ? input.phone : undefined;
      phoneDigest = residents.digestPhone(input.phone);
    }
    const issued = await residents.codes.issue(tieConsentSubject(phoneDigest), ctx.clientAddress);
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
    const expiresAt = issued.expiresAt.toISOString();
    if (phone === undefined) return { expiresAt };
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
    return { expiresAt };
  }),

  /**
   * A worker declares a tie for a registered resident: with the code the resident read out, or,
   * without one, awaiting the resident's own confirmation online. By number without the code,
   * the answer names nobody and is the same whether or not the number is registered.
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
    const request = { tieId: uuidv7(), communityId: input.communityId, kind: input.kind };
    const forResident = (residentId: string, consent: TieConsent) => ({
      residentId,
      ...request,
      declaredFor: { by: me(ctx).accountId, consent },
    });
    const declared = (residentId: string, consent: TieConsent) =>
      commands.declareTie(offlineFor(ctx, residentId), forResident(residentId, consent));
    const withCode = async (residentId: string) => ({
      tieId: request.tieId,
      awaitingResident: false as const,
      residentId,
      ...written(await declared(residentId, 'phone_code')),
    });

    if (input.phone !== undefined) {
      const holder = await activeHolder(ctx, input.phone);
      if (input.code === undefined) {
        if (!holder) {
          await commands.checkTieForAnyone(ctx.services.store, request);
          return AWAITING_WHOEVER_HOLDS_IT;
        }
        try {
          await declared(holder.residentId, 'awaiting_resident');
        } catch (error) {
          // A tie they have already: refusing would say the number is registered.
          if (!(error instanceof DomainError && error.code === 'tie_exists')) throw error;
        }
        return AWAITING_WHOEVER_HOLDS_IT;
      }
      // The code first: any refusal before it would say whether the number is registered. Only
      // a resident's number was sent one.
      const phoneDigest = ctx.services.residents.digestPhone(input.phone);
      await consumeCode(ctx, tieConsentSubject(phoneDigest), input.code);
      return holder ? withCode(holder.residentId) : residentNotFound();
    }

    const { residentId, phoneDigest } = await residentWithId(ctx, input.residentId!);
    if (input.code === undefined) {
      const result = await declared(residentId, 'awaiting_resident');
      return {
        tieId: request.tieId,
        awaitingResident: true as const,
        residentId: null,
        ...written(result),
      };
    }
    // Refusals that need no code (a tie declared already) come before the code is used up.
    await commands.checkTieDeclaration(ctx.services.store, forResident(residentId, 'phone_code'));
    await consumeCode(ctx, tieConsentSubject(phoneDigest), input.code);
    return withCode(residentId);
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
