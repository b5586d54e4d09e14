// The satisfaction survey and the evaluation, merged into the project router: the community's
// workers or the street open and close the survey; a resident eligible in the community answers
// (or their proxy, with the power to vote); the implementer publishes the evaluation with a reply.
import { z } from 'zod';
import { idSchema, paragraphText, surveyScoresSchema } from '@gongzhi/domain';
import { STREET_ROLES } from '../access.ts';
import { writerActing, writerFor } from '../commands.ts';
import { written } from '../positions.ts';
import { actingAsResident } from '../resident/acting.ts';
import { procedure } from '../trpc.ts';
import { IMPLEMENTER_ACTS, projectScope, projectStaff } from './procedure-helpers.ts';
import * as survey from './survey.ts';

const SURVEY_STAFF = ['community_worker', ...STREET_ROLES] as const;

export const surveyProcedures = {
  openSurvey: procedure(
    projectStaff(SURVEY_STAFF, { 'zh-CN': '开始满意度测评', en: 'open a satisfaction survey' }),
    z.object({ projectId: idSchema }),
  ).mutation(async ({ ctx, input }) =>
    written(await survey.openSurvey(writerFor(ctx), { ...input, by: ctx.account!.accountId })),
  ),

  closeSurvey: procedure(
    projectStaff(SURVEY_STAFF, { 'zh-CN': '结束满意度测评', en: 'close a satisfaction survey' }),
    z.object({ projectId: idSchema }),
  ).mutation(async ({ ctx, input }) =>
    written(await survey.closeSurvey(writerFor(ctx), { ...input, by: ctx.account!.accountId })),
  ),

  /** One answer per eligible resident, changeable until the survey closes; a proxy may answer. */
  answerSurvey: procedure(
    'signed_in',
    z.object({
      projectId: idSchema,
      scores: surveyScoresSchema,
      comment: paragraphText({ max: 500 }).optional(),
      forResidentId: idSchema.optional(),
    }),
  ).mutation(async ({ ctx, input }) => {
    const place = await projectScope(ctx, input.projectId);
    const acting = await actingAsResident(ctx, input.forResidentId, 'vote', place);
    const result = await survey.answerSurvey(writerActing(ctx, acting), {
      projectId: input.projectId,
      residentId: acting.residentId,
      scores: input.scores,
      comment: input.comment,
    });
    return written(result);
  }),

  /** Publishes the evaluation (the survey's counts) with the implementer's reply. */
  evaluate: procedure(
    projectStaff(IMPLEMENTER_ACTS, { 'zh-CN': '公布评价结果', en: 'publish an evaluation' }),
    z.object({ projectId: idSchema, reply: paragraphText({ min: 5, max: 2000 }) }),
  ).mutation(async ({ ctx, input }) =>
    written(await survey.evaluateProject(writerFor(ctx), { ...input, by: ctx.account!.accountId })),
  ),
};
