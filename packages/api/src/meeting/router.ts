// Deliberation meetings (议事协商): the public reads the bodies and meetings of a community, or a
// street's own (notice, live quorum, results; no names), a resident signs in with the rotating
// code shown in the room and may record leaving; staff procedures are merged from staff.ts.
import { z } from 'zod';
import { idSchema, refuse } from '@gongzhi/domain';
import { writerFor } from '../commands.ts';
import { now } from '../context.ts';
import { caughtUpTo, minPositionSchema as minPosition, written } from '../positions.ts';
import { procedure, router } from '../trpc.ts';
import * as commands from './commands.ts';
import { bodyLevelFields, bodyLevelOf, oneBodyLevel } from './procedure-helpers.ts';
import { listBodiesAt, listMeetingsAt, readPublicMeeting } from './queries.ts';
import { meetingStaffProcedures, signInCodesOf } from './staff.ts';
import { meetingTopicProcedures } from './topics.ts';
import { meetingMinutesProcedures } from './minutes.ts';
import { meetingResolutionProcedures } from './resolutions.ts';
import { meetingVitalityProcedures } from './vitality.ts';
import { meetingRoundTableProcedures } from './round-table.ts';
import { meetingFollowProcedures } from './follow.ts';

export const meetingRouter = router({
  ...meetingStaffProcedures,
  ...meetingTopicProcedures,
  ...meetingMinutesProcedures,
  ...meetingResolutionProcedures,
  ...meetingVitalityProcedures,
  ...meetingRoundTableProcedures,
  ...meetingFollowProcedures,

  /**
   * A community's deliberative bodies, or a street's own, and their rules; whether a signed-in
   * resident follows each.
   */
  bodies: procedure(
    'public',
    z.object({ ...bodyLevelFields, minPosition }).superRefine(oneBodyLevel),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    const viewer = ctx.account?.kind === 'resident' ? ctx.account.accountId : undefined;
    return { bodies: await listBodiesAt(ctx, bodyLevelOf(input), viewer) };
  }),

  /** The meetings of a community's bodies, or of a street's own, latest first. */
  meetings: procedure(
    'public',
    z.object({ ...bodyLevelFields, minPosition }).superRefine(oneBodyLevel),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    return { meetings: await listMeetingsAt(ctx, bodyLevelOf(input)) };
  }),

  /** A meeting's notice, live quorum, attendance counts and results. */
  meeting: procedure('public', z.object({ meetingId: idSchema, minPosition })).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input.minPosition);
      return readPublicMeeting(ctx, input.meetingId);
    },
  ),

  /**
   * Signs the resident in with the code the room shows (this window's or the one before): as a
   * member when on the meeting's roster, else as an attendee (列席).
   */
  signIn: procedure(
    'resident',
    z.object({ meetingId: idSchema, code: z.string().trim().min(1).max(16) }),
  ).mutation(async ({ ctx, input }) => {
    if (!signInCodesOf(ctx).accepts(input.meetingId, input.code, now(ctx))) {
      return refuse(
        'invalid',
        'sign_in_code_expired',
        '签到码不正确或已过期，请扫描会场屏幕上当前的二维码。',
        'The sign-in code is wrong or has expired; scan the code on the screen in the room now.',
        'code',
      );
    }
    const residentId = ctx.account!.accountId;
    return written(
      await commands.signIn(writerFor(ctx), {
        meetingId: input.meetingId,
        residentId,
        via: 'code',
      }),
    );
  }),

  /** The resident records their own leaving. */
  leave: procedure('resident', z.object({ meetingId: idSchema })).mutation(async ({ ctx, input }) =>
    written(
      await commands.recordLeaving(writerFor(ctx), {
        meetingId: input.meetingId,
        residentId: ctx.account!.accountId,
      }),
    ),
  ),
});
