// Residents' supervision of a project, merged into the project router: anyone reads it; a resident
// follows a project (told at each stage), volunteers as a supervisor or is named by a worker, files
// reports the implementer answers, and comments; a worker hides a comment only with a reason. The
// staff's dashboards list the reports waiting for an answer, overdue ones flagged.
import { z } from 'zod';
import {
  idSchema,
  lineText,
  paragraphText,
  reasonSchema,
  supervisorSourceSchema,
} from '@gongzhi/domain';
import { uuidv7 } from '@gongzhi/eventstore';
import { listWaitingReports, readSupervision } from '@gongzhi/projections/project';
import { communityStaff, STREET_ROLES } from '../access.ts';
import { writerFor } from '../commands.ts';
import { today } from '../context.ts';
import { caughtUpTo, minPositionSchema as minPosition, written } from '../positions.ts';
import { procedure } from '../trpc.ts';
import {
  IMPLEMENTER_ACTS,
  PROJECT_STAFF,
  projectPhotoInput,
  projectPhotosOf,
  projectScope,
  projectStaff,
} from './procedure-helpers.ts';
import * as supervision from './supervision.ts';

/** Who names supervisors and hides comments: the community's workers and the street. */
const SUPERVISION_STAFF = ['community_worker', ...STREET_ROLES] as const;
const on = { projectId: idSchema };

export const supervisionProcedures = {
  /** Supervisors (by how they came, never by name), reports with answers, comments. */
  supervision: procedure('public', z.object({ ...on, minPosition })).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input.minPosition);
      await projectScope(ctx, input.projectId);
      const viewer = ctx.account?.kind === 'resident' ? ctx.account.accountId : undefined;
      return readSupervision(ctx.services.readModels.db, input.projectId, viewer, today(ctx));
    },
  ),

  follow: procedure('resident', z.object(on)).mutation(async ({ ctx, input }) =>
    written(
      await supervision.setFollowing(
        writerFor(ctx),
        { ...input, residentId: ctx.account!.accountId },
        true,
      ),
    ),
  ),

  unfollow: procedure('resident', z.object(on)).mutation(async ({ ctx, input }) =>
    written(
      await supervision.setFollowing(
        writerFor(ctx),
        { ...input, residentId: ctx.account!.accountId },
        false,
      ),
    ),
  ),

  /** A resident eligible in the project's community volunteers as a supervisor (监督员). */
  volunteerAsSupervisor: procedure('resident', z.object(on)).mutation(async ({ ctx, input }) => {
    const residentId = ctx.account!.accountId;
    return written(
      await supervision.nameSupervisor(writerFor(ctx), {
        ...input,
        residentId,
        source: 'volunteered',
        by: residentId,
      }),
    );
  }),

  /** A worker names a supervisor the round-table chose (or who volunteered in person). */
  nameSupervisor: procedure(
    projectStaff(SUPERVISION_STAFF, { 'zh-CN': '确定监督员', en: 'name a supervisor' }),
    z.object({ ...on, residentId: idSchema, source: supervisorSourceSchema }),
  ).mutation(async ({ ctx, input }) =>
    written(
      await supervision.nameSupervisor(writerFor(ctx), { ...input, by: ctx.account!.accountId }),
    ),
  ),

  /** A supervisor's report: what, where, photos; the answer is due within the cycle's days. */
  fileReport: procedure(
    'resident',
    z.object({
      ...on,
      what: paragraphText({ min: 5, max: 1000 }),
      where: lineText({ min: 2, max: 120 }),
      photos: projectPhotoInput,
    }),
  ).mutation(async ({ ctx, input }) => {
    const photos = await projectPhotosOf(ctx, input.photos);
    const reportId = uuidv7();
    const result = await supervision.fileReport(writerFor(ctx), {
      projectId: input.projectId,
      reportId,
      supervisorId: ctx.account!.accountId,
      what: input.what,
      where: input.where,
      photos,
    });
    return { reportId, ...written(result) };
  }),

  /** The implementer's answer to a report, once. */
  answerReport: procedure(
    projectStaff(IMPLEMENTER_ACTS, { 'zh-CN': '答复监督报告', en: 'answer a supervision report' }),
    z.object({ ...on, reportId: idSchema, answer: paragraphText({ min: 5, max: 2000 }) }),
  ).mutation(async ({ ctx, input }) =>
    written(
      await supervision.answerReport(writerFor(ctx), { ...input, by: ctx.account!.accountId }),
    ),
  ),

  comment: procedure(
    'resident',
    z.object({ ...on, text: paragraphText({ min: 2, max: 1000 }) }),
  ).mutation(async ({ ctx, input }) => {
    const commentId = uuidv7();
    const result = await supervision.commentOnProject(writerFor(ctx), {
      ...input,
      commentId,
      residentId: ctx.account!.accountId,
    });
    return { commentId, ...written(result) };
  }),

  /** Hides a comment with a reason the public sees and its author is told. */
  hideComment: procedure(
    projectStaff(SUPERVISION_STAFF, { 'zh-CN': '隐藏评论', en: 'hide a comment' }),
    z.object({ ...on, commentId: idSchema, reason: reasonSchema }),
  ).mutation(async ({ ctx, input }) =>
    written(
      await supervision.hideComment(writerFor(ctx), { ...input, by: ctx.account!.accountId }),
    ),
  ),

  /** Reports waiting for an answer in a community (overdue ones flagged), for the dashboards. */
  waitingReports: procedure(
    communityStaff(PROJECT_STAFF, { 'zh-CN': '查看待答复的监督报告', en: 'see reports to answer' }),
    z.object({ communityId: idSchema, overdueOnly: z.boolean().optional(), minPosition }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    const reports = await listWaitingReports(
      ctx.services.readModels.db,
      [input.communityId],
      today(ctx),
      { overdueOnly: input.overdueOnly ?? false },
    );
    return { reports };
  }),
};
