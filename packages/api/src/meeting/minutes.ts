// Minutes procedures (会议纪要): the public reads the published versions; a resident who attended
// reads the circulated draft, asks for a correction and, as a member, signs it; community workers
// draft (from the agenda, attendance and votes), circulate, approve and correct as new versions.
import { z } from 'zod';
import {
  idSchema,
  minutesReasonSchema,
  minutesRequestSchema,
  minutesTextSchema,
  say,
} from '@gongzhi/domain';
import { readMinutes } from '@gongzhi/projections/meeting';
import { readResident } from '@gongzhi/projections/resident';
import { writerFor } from '../commands.ts';
import type { Context } from '../context.ts';
import { caughtUpTo, minPositionSchema as minPosition, written } from '../positions.ts';
import { procedure } from '../trpc.ts';
import * as commands from './minutes-commands.ts';
import { MEETING_READERS, MEETING_STAFF, meetingStaff } from './procedure-helpers.ts';

const meeting = z.object({ meetingId: idSchema });
const db = (ctx: Context) => ctx.services.readModels.db;
const nameOf = async (ctx: Context, residentId: string) =>
  (await readResident(db(ctx), residentId))?.name ?? null;

export const meetingMinutesProcedures = {
  /** The published minutes, latest version first; nothing of a draft. */
  minutes: procedure('public', z.object({ meetingId: idSchema, minPosition })).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input.minPosition);
      const minutes = await readMinutes(db(ctx), input.meetingId);
      return {
        status: minutes?.status ?? null,
        versions: (minutes?.versions ?? []).map(({ signedBy, ...version }) => ({
          ...version,
          signatures: signedBy.length,
        })),
      };
    },
  ),

  /** The circulated draft for a resident who attended, with what they did with it. */
  minutesDraft: procedure('resident', z.object({ meetingId: idSchema, minPosition })).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input.minPosition);
      const residentId = ctx.account!.accountId;
      const minutes = await readMinutes(db(ctx), input.meetingId);
      const came = await commands.attended(ctx.services, input.meetingId, residentId);
      const circulated = came && minutes?.status === 'circulated';
      return {
        attended: came,
        status: minutes?.status ?? null,
        draftText: circulated ? minutes.draftText : null,
        signed: circulated && minutes.signatures.some((s) => s.residentId === residentId),
        asked: circulated && minutes.requests.some((r) => r.residentId === residentId),
      };
    },
  ),

  /** A member who attended signs the circulated draft. */
  signMinutes: procedure('resident', meeting).mutation(async ({ ctx, input }) =>
    written(
      await commands.signMinutes(writerFor(ctx), {
        meetingId: input.meetingId,
        residentId: ctx.account!.accountId,
      }),
    ),
  ),

  /** Someone who attended asks for a correction of the circulated draft. */
  requestMinutesCorrection: procedure(
    'resident',
    z.object({ meetingId: idSchema, text: minutesRequestSchema }),
  ).mutation(async ({ ctx, input }) =>
    written(
      await commands.requestMinutesCorrection(writerFor(ctx), {
        ...input,
        residentId: ctx.account!.accountId,
      }),
    ),
  ),

  /** The minutes as staff work on them: the draft, requests and signatures by name, versions. */
  minutesWork: procedure(
    meetingStaff(MEETING_READERS, say('查看纪要草稿', 'read the draft minutes')),
    z.object({ meetingId: idSchema, minPosition }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    const minutes = await readMinutes(db(ctx), input.meetingId);
    if (!minutes) return { minutes: null };
    return {
      minutes: {
        ...minutes,
        requests: await Promise.all(
          minutes.requests.map(async (r) => ({ ...r, name: await nameOf(ctx, r.residentId) })),
        ),
        signatures: await Promise.all(
          minutes.signatures.map(async (s) => ({ ...s, name: await nameOf(ctx, s.residentId) })),
        ),
      },
    };
  }),

  /** Drafts (or redrafts) the minutes of a closed meeting. */
  draftMinutes: procedure(
    meetingStaff(MEETING_STAFF, say('起草会议纪要', 'draft the minutes')),
    z.object({ meetingId: idSchema, text: minutesTextSchema }),
  ).mutation(async ({ ctx, input }) => written(await commands.draftMinutes(writerFor(ctx), input))),

  /** Circulates the draft to those who attended. */
  circulateMinutes: procedure(
    meetingStaff(MEETING_STAFF, say('传阅纪要草稿', 'circulate the draft minutes')),
    meeting,
  ).mutation(async ({ ctx, input }) =>
    written(await commands.circulateMinutes(writerFor(ctx), input.meetingId)),
  ),

  /** Approves and publishes the signed draft: version 1, immutable. */
  approveMinutes: procedure(
    meetingStaff(MEETING_STAFF, say('通过并发布纪要', 'approve and publish the minutes')),
    meeting,
  ).mutation(async ({ ctx, input }) =>
    written(await commands.approveMinutes(writerFor(ctx), input.meetingId)),
  ),

  /** Publishes a corrected version of approved minutes, with the reason. */
  correctMinutes: procedure(
    meetingStaff(MEETING_STAFF, say('更正会议纪要', 'correct the minutes')),
    z.object({ meetingId: idSchema, text: minutesTextSchema, reason: minutesReasonSchema }),
  ).mutation(async ({ ctx, input }) =>
    written(await commands.correctMinutes(writerFor(ctx), input)),
  ),
};
