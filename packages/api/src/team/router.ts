// Volunteer teams (志愿服务) and their service records. Public: the list of teams and a team's
// page. Staff of a community (or its street) register a team there with its organising body and
// first leaders; residents ask to join; the team's leaders answer, hand over, record and confirm
// service; a volunteer asks for a correction of their own record, which a leader or the
// community decides with a reason. Who leads is the team's own stream's business: those
// procedures are open to any signed-in account and the decider refuses anyone but a leader.
import { z } from 'zod';
import {
  evaluationSchema,
  idSchema,
  organiserSchema,
  reasonSchema,
  serviceContentSchema,
  servicePlaceSchema,
  skillsSchema,
  teamDescriptionSchema,
  teamKindSchema,
  teamNameSchema,
  type TeamState,
} from '@gongzhi/domain';
import { uuidv7 } from '@gongzhi/eventstore';
import { communityStaff } from '../access.ts';
import { writerFor } from '../commands.ts';
import { now } from '../context.ts';
import { caughtUpTo, minPositionSchema as minPosition, written } from '../positions.ts';
import { communityScope } from '../organisation/places.ts';
import { procedure, router } from '../trpc.ts';
import type { Context } from '../context.ts';
import { activityProcedures } from './activity-router.ts';
import { certificateProcedures } from './certificate-router.ts';
import { needProcedures } from './need-router.ts';
import { reportProcedures } from './report-router.ts';
import { onServiceRecord, onTeam } from './commands.ts';
import {
  isTeamStaff,
  readMyService,
  readTeamManagement,
  readTeamPage,
  TEAM_STAFF,
} from './queries.ts';
import { listTeams } from '@gongzhi/projections/team';

/** Who decides on a record: the caller, and whether they are staff of the team's place. */
const decidingAccount = (ctx: Context, team: TeamState) => ({
  accountId: ctx.account!.accountId,
  communityStaff: team.status === 'registered' && isTeamStaff(ctx, team),
});

const onSite = { startedAt: z.iso.datetime(), endedAt: z.iso.datetime() };

export const teamRouter = router({
  ...activityProcedures,
  ...needProcedures,
  ...certificateProcedures,
  ...reportProcedures,

  /** Teams of a community or a street (all, without either), with hours served. */
  list: procedure(
    'public',
    z.object({ communityId: idSchema.optional(), streetId: idSchema.optional(), minPosition }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    const { minPosition: _, ...filter } = input;
    return { teams: await listTeams(ctx.services.readModels.db, filter) };
  }),

  /** A team's public page, and where the caller stands in it. */
  page: procedure('public', z.object({ teamId: idSchema, minPosition })).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input.minPosition);
      return readTeamPage(ctx, input.teamId);
    },
  ),

  /** Registers a team with a community, its organising body (the issuer) and first leaders. */
  register: procedure(
    communityStaff(TEAM_STAFF, { 'zh-CN': '登记志愿服务队', en: 'register a volunteer team' }),
    z.object({
      communityId: idSchema,
      kind: teamKindSchema,
      name: teamNameSchema,
      description: teamDescriptionSchema,
      organiser: organiserSchema,
      skills: skillsSchema,
      leaders: z.array(idSchema).min(1).max(5),
    }),
  ).mutation(async ({ ctx, input }) => {
    const teamId = uuidv7();
    const { streetId } = await communityScope(ctx, input.communityId);
    const result = await onTeam(writerFor(ctx), teamId, () => ({
      type: 'RegisterTeam',
      data: { teamId, ...input, streetId, registeredBy: ctx.account!.accountId },
    }));
    return { teamId, ...written(result) };
  }),

  /** A resident asks to join a team; a leader answers. */
  requestToJoin: procedure(
    'resident',
    z.object({ teamId: idSchema, note: reasonSchema.optional() }),
  ).mutation(async ({ ctx, input }) =>
    written(
      await onTeam(writerFor(ctx), input.teamId, () => ({
        type: 'RequestToJoinTeam',
        data: { ...input, accountId: ctx.account!.accountId },
      })),
    ),
  ),

  /** A leader accepts a request to join, or declines it with a reason. */
  answerJoinRequest: procedure(
    'signed_in',
    z.object({
      teamId: idSchema,
      accountId: idSchema,
      answer: z.enum(['accepted', 'declined']),
      reason: reasonSchema.optional(),
    }),
  ).mutation(async ({ ctx, input }) =>
    written(
      await onTeam(writerFor(ctx), input.teamId, () => ({
        type: 'AnswerJoinRequest',
        data: { ...input, by: ctx.account!.accountId },
      })),
    ),
  ),

  /** The caller leaves a team (a request to join is withdrawn the same way). */
  leave: procedure('signed_in', z.object({ teamId: idSchema })).mutation(async ({ ctx, input }) =>
    written(
      await onTeam(writerFor(ctx), input.teamId, () => ({
        type: 'LeaveTeam',
        data: { teamId: input.teamId, accountId: ctx.account!.accountId },
      })),
    ),
  ),

  /** A leader hands their leadership over to a member. */
  handOver: procedure('signed_in', z.object({ teamId: idSchema, to: idSchema })).mutation(
    async ({ ctx, input }) =>
      written(
        await onTeam(writerFor(ctx), input.teamId, () => ({
          type: 'HandOverLeadership',
          data: { teamId: input.teamId, from: ctx.account!.accountId, to: input.to },
        })),
      ),
  ),

  /** A leader sets the team's skills. */
  changeSkills: procedure(
    'signed_in',
    z.object({ teamId: idSchema, skills: skillsSchema }),
  ).mutation(async ({ ctx, input }) =>
    written(
      await onTeam(writerFor(ctx), input.teamId, () => ({
        type: 'ChangeTeamSkills',
        data: { ...input, by: ctx.account!.accountId },
      })),
    ),
  ),

  /** The team's people and records, for its leaders and the staff of its community. */
  manage: procedure('signed_in', z.object({ teamId: idSchema, minPosition })).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input.minPosition);
      return readTeamManagement(ctx, input.teamId);
    },
  ),

  /** The caller's teams, own records and confirmed hours with milestones. */
  mine: procedure('signed_in', z.object({ minPosition }).optional()).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input?.minPosition);
      return readMyService(ctx);
    },
  ),

  /**
   * A leader records a member's service: the time on site (not travel), where and what; with an
   * evaluation it is confirmed at once.
   */
  recordService: procedure(
    'signed_in',
    z.object({
      teamId: idSchema,
      volunteerId: idSchema,
      ...onSite,
      place: servicePlaceSchema,
      content: serviceContentSchema,
      evaluation: evaluationSchema.optional(),
    }),
  ).mutation(async ({ ctx, input }) => {
    const recordId = uuidv7();
    const { evaluation, ...data } = input;
    const result = await onServiceRecord(
      writerFor(ctx),
      recordId,
      (_, team) => ({
        type: 'RecordService',
        data: { ...data, recordId, source: { kind: 'entry' }, recordedBy: ctx.account!.accountId },
        ...(evaluation === undefined ? {} : { evaluation }),
        team,
        now: now(ctx).toISOString(),
      }),
      input.teamId,
    );
    return { recordId, ...written(result) };
  }),

  /** A leader (or the team's community) confirms a record with an evaluation. */
  confirmRecord: procedure(
    'signed_in',
    z.object({ recordId: idSchema, evaluation: evaluationSchema }),
  ).mutation(async ({ ctx, input }) =>
    written(
      await onServiceRecord(writerFor(ctx), input.recordId, (_, team) => ({
        type: 'ConfirmServiceRecord',
        data: input,
        by: decidingAccount(ctx, team),
        team,
      })),
    ),
  ),

  /** The volunteer asks for their record's time on site to be corrected, saying why. */
  requestCorrection: procedure(
    'signed_in',
    z.object({ recordId: idSchema, ...onSite, reason: reasonSchema }),
  ).mutation(async ({ ctx, input }) =>
    written(
      await onServiceRecord(writerFor(ctx), input.recordId, () => ({
        type: 'RequestServiceCorrection',
        data: input,
        by: ctx.account!.accountId,
        now: now(ctx).toISOString(),
      })),
    ),
  ),

  /** A leader or the team's community accepts or declines a correction, with a reason. */
  decideCorrection: procedure(
    'signed_in',
    z.object({
      recordId: idSchema,
      decision: z.enum(['accepted', 'declined']),
      reason: reasonSchema,
    }),
  ).mutation(async ({ ctx, input }) =>
    written(
      await onServiceRecord(writerFor(ctx), input.recordId, (_, team) => ({
        type: 'DecideServiceCorrection',
        data: input,
        by: decidingAccount(ctx, team),
        team,
      })),
    ),
  ),
});
