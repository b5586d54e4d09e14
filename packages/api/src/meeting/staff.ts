// The meeting procedures of community workers (of street officers for a street's own bodies;
// street staff read every body of their street): keeping bodies and rosters, convening with
// notice, showing the rotating sign-in code, signing in a member without a phone, recording
// leaving, tabling motions, voting, closing.
import { z } from 'zod';
import {
  agendaTitleSchema,
  bodyKindSchema,
  bodyNameSchema,
  defaultBodyRules,
  idSchema,
  isoDateSchema,
  majorityRuleSchema,
  meetingPlaceSchema,
  meetingTitleSchema,
  memberKindSchema,
  memberRoleSchema,
  motionTextSchema,
  quorumRuleSchema,
  refuse,
  say,
  voteSchema,
} from '@gongzhi/domain';
import { uuidv7 } from '@gongzhi/eventstore';
import { writerActing, writerFor } from '../commands.ts';
import { now, today, type Context } from '../context.ts';
import { caughtUpTo, minPositionSchema as minPosition, written } from '../positions.ts';
import { procedure } from '../trpc.ts';
import * as commands from './commands.ts';
import {
  bodyLevelFields,
  bodyLevelScope,
  bodyStaff,
  MEETING_READERS,
  MEETING_STAFF,
  meetingStaff,
  oneBodyLevel,
} from './procedure-helpers.ts';
import { readBodyRoster, readMeetingAttendance } from './queries.ts';
import { SIGN_IN_WINDOW_MS } from './sign-in-code.ts';
import { conveneWithTopics } from './topic-commands.ts';

const attendee = z.object({ meetingId: idSchema, residentId: idSchema });

/** The sign-in codes, or a refusal when the server runs without them. */
export function signInCodesOf(ctx: Context) {
  return (
    ctx.services.signInCodes ??
    refuse(
      'conflict',
      'sign_in_unavailable',
      '服务器未配置签到码，暂不能扫码签到。',
      'The server has no sign-in codes configured; signing in by code is unavailable.',
    )
  );
}

export const meetingStaffProcedures = {
  /**
   * Establishes a body of a community, or a street's own body (街道议事协商委员会: community
   * workers cannot, its street officers can), with the law's rules unless others are given.
   */
  establishBody: procedure(
    {
      roles: MEETING_STAFF,
      scope: (input, ctx) => bodyLevelScope(ctx, input),
      action: say('设立议事机构', 'establish a deliberative body'),
    },
    z
      .object({
        ...bodyLevelFields,
        kind: bodyKindSchema,
        name: bodyNameSchema,
        quorum: quorumRuleSchema.optional(),
        majority: majorityRuleSchema.optional(),
        noticeDays: z.number().int().min(0).max(30).optional(),
      })
      .superRefine(oneBodyLevel),
  ).mutation(async ({ ctx, input }) => {
    const bodyId = uuidv7();
    const scope = await bodyLevelScope(ctx, input);
    const defaults = defaultBodyRules(input.kind);
    const result = await commands.establishBody(writerFor(ctx), {
      bodyId,
      communityId: scope.type === 'community' ? scope.communityId : null,
      streetId: scope.streetId,
      kind: input.kind,
      name: input.name,
      rules: {
        quorum: input.quorum ?? defaults.quorum,
        majority: input.majority ?? defaults.majority,
        noticeDays: input.noticeDays ?? defaults.noticeDays,
      },
    });
    return { bodyId, ...written(result) };
  }),

  /** A resident joins the roster from a day, with their kind and part. */
  joinBody: procedure(
    bodyStaff(MEETING_STAFF, say('登记议事成员', 'add a member to a body')),
    z.object({
      bodyId: idSchema,
      residentId: idSchema,
      kind: memberKindSchema,
      role: memberRoleSchema,
      from: isoDateSchema,
    }),
  ).mutation(async ({ ctx, input }) => written(await commands.joinBody(writerFor(ctx), input))),

  /** A member leaves the roster from a day on. */
  leaveBody: procedure(
    bodyStaff(MEETING_STAFF, say('登记成员离任', 'record a member leaving a body')),
    z.object({ bodyId: idSchema, residentId: idSchema, from: isoDateSchema }),
  ).mutation(async ({ ctx, input }) => written(await commands.leaveBody(writerFor(ctx), input))),

  /** A body with its roster as of a day (today by default), names included. */
  roster: procedure(
    bodyStaff(MEETING_READERS, say('查看议事成员名册', 'read a body’s roster')),
    z.object({ bodyId: idSchema, asOf: isoDateSchema.optional(), minPosition }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    return readBodyRoster(ctx, input.bodyId, input.asOf ?? today(ctx));
  }),

  /** Convenes a meeting of the body: the notice is published now, its time recorded. */
  convene: procedure(
    bodyStaff(MEETING_STAFF, say('召集议事会议', 'convene a meeting')),
    z.object({
      bodyId: idSchema,
      title: meetingTitleSchema,
      agenda: z
        .array(z.object({ title: agendaTitleSchema, reserved: z.boolean().optional() }))
        .max(30),
      startsAt: z.iso.datetime(),
      place: meetingPlaceSchema,
      /** Topics accepted for the body, each put first on the agenda as an item of its own. */
      topicIds: z.array(idSchema).max(30).optional(),
    }),
  ).mutation(async ({ ctx, input }) => {
    const meetingId = uuidv7();
    const topics = [...new Set(input.topicIds ?? [])].map((topicId) => ({
      topicId,
      itemId: uuidv7(),
    }));
    const result = await conveneWithTopics(writerFor(ctx), topics, {
      meetingId,
      bodyId: input.bodyId,
      title: input.title,
      agenda: input.agenda.map((item) => ({
        itemId: uuidv7(),
        title: item.title,
        reserved: item.reserved ?? false,
      })),
      startsAt: new Date(input.startsAt).toISOString(),
      place: input.place,
    });
    return { meetingId, ...written(result) };
  }),

  /** The sign-in code of this 30-second window, for the QR code on the sign-in screen. */
  signInCode: procedure(
    meetingStaff(MEETING_STAFF, say('显示签到码', 'show the sign-in code')),
    z.object({ meetingId: idSchema }),
  ).query(({ ctx, input }) => ({
    ...signInCodesOf(ctx).current(input.meetingId, now(ctx)),
    windowMs: SIGN_IN_WINDOW_MS,
  })),

  /** A worker signs in someone without a phone: a member, or an attendee (列席). */
  signInFor: procedure(
    meetingStaff(MEETING_STAFF, say('代为签到', 'sign someone in')),
    attendee,
  ).mutation(async ({ ctx, input }) => {
    const w = writerActing(ctx, {
      actor: ctx.account!.accountId,
      onBehalfOf: input.residentId,
      channel: 'offline',
    });
    return written(await commands.signIn(w, { ...input, via: 'worker' }));
  }),

  /** Records that someone present left. */
  recordLeaving: procedure(
    meetingStaff(MEETING_STAFF, say('登记离场', 'record someone leaving')),
    attendee,
  ).mutation(async ({ ctx, input }) => {
    const w = writerActing(ctx, {
      actor: ctx.account!.accountId,
      onBehalfOf: input.residentId,
      channel: 'offline',
    });
    return written(await commands.recordLeaving(w, input));
  }),

  /** The meeting with its roster and who signed in, by name. */
  attendance: procedure(
    meetingStaff(MEETING_READERS, say('查看签到情况', 'read a meeting’s attendance')),
    z.object({ meetingId: idSchema, minPosition }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    return readMeetingAttendance(ctx, input.meetingId);
  }),

  /** Tables a motion on an agenda item. */
  tableMotion: procedure(
    meetingStaff(MEETING_STAFF, say('提出动议', 'table a motion')),
    z.object({ meetingId: idSchema, itemId: idSchema, text: motionTextSchema }),
  ).mutation(async ({ ctx, input }) => {
    const motionId = uuidv7();
    const result = await commands.tableMotion(writerFor(ctx), { ...input, motionId });
    return { motionId, ...written(result) };
  }),

  /** Records a vote (a count of hands, or named votes); refused while quorum does not hold. */
  vote: procedure(
    meetingStaff(MEETING_STAFF, say('记录表决', 'record a vote')),
    z.object({ meetingId: idSchema, motionId: idSchema, vote: voteSchema }),
  ).mutation(async ({ ctx, input }) => written(await commands.voteOnMotion(writerFor(ctx), input))),

  /** Closes the meeting: no more sign-ins, motions or votes. */
  close: procedure(
    meetingStaff(MEETING_STAFF, say('结束会议', 'close a meeting')),
    z.object({ meetingId: idSchema }),
  ).mutation(async ({ ctx, input }) =>
    written(await commands.closeMeeting(writerFor(ctx), input.meetingId)),
  ),
};
