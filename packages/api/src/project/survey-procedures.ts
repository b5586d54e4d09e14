// The satisfaction survey and the evaluation, merged into the project router: the community's
// workers or the street open and close the survey; a resident eligible in the community answers
// (or their proxy, with the power to vote); the implementer publishes the evaluation with a reply.
import { z } from 'zod';
import { idSchema, paragraphText, reasonSchema, surveyScoresSchema } from '@gongzhi/domain';
import { listPaperSheets, listSurveyComments } from '@gongzhi/projections/project';
import { STREET_ROLES } from '../access.ts';
import { writerActing, writerFor } from '../commands.ts';
import { caughtUpTo, minPositionSchema as minPosition, written } from '../positions.ts';
import { actingAsResident } from '../resident/acting.ts';
import { procedure } from '../trpc.ts';
import { IMPLEMENTER_ACTS, projectScope, projectStaff } from './procedure-helpers.ts';
import * as paper from './paper-survey.ts';
import * as survey from './survey.ts';

const SURVEY_STAFF = ['community_worker', ...STREET_ROLES] as const;
/** Paper answers are entered and resolved by the community's workers, as paper ballots are. */
const PAPER_STAFF = ['community_worker'] as const;
const paperEntry = {
  zh: '录入纸质测评答卷',
  en: 'enter a paper survey answer',
};

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

  /**
   * One worker's entry of a resident's paper answer; the second entry must be another worker's.
   * Answers whether this was the first or second entry and whether the sheet now counts.
   */
  enterPaperAnswer: procedure(
    projectStaff(PAPER_STAFF, { 'zh-CN': paperEntry.zh, en: paperEntry.en }),
    z.object({
      projectId: idSchema,
      residentId: idSchema,
      scores: surveyScoresSchema,
      comment: paragraphText({ max: 500 }).optional(),
    }),
  ).mutation(async ({ ctx, input }) => {
    const { entry, counted } = await paper.enterPaperAnswer(writerFor(ctx), {
      ...input,
      by: ctx.account!.accountId,
    });
    return { entry, counted, position: String((await ctx.services.store.headPosition()) ?? 0n) };
  }),

  /** A third worker picks one of two differing readings, or rejects the sheet with a reason. */
  resolvePaperAnswer: procedure(
    projectStaff(PAPER_STAFF, { 'zh-CN': '裁定纸质测评答卷', en: 'resolve a paper survey answer' }),
    z.object({
      projectId: idSchema,
      residentId: idSchema,
      pick: z.enum(['first', 'second', 'rejected']),
      reason: reasonSchema.optional(),
    }),
  ).mutation(async ({ ctx, input }) => {
    const { counted } = await paper.resolvePaperAnswer(writerFor(ctx), {
      ...input,
      by: ctx.account!.accountId,
    });
    return { counted, position: String((await ctx.services.store.headPosition()) ?? 0n) };
  }),

  /** The project's paper sheets: who entered each, the readings only where they differ. */
  paperSheets: procedure(
    projectStaff(PAPER_STAFF, { 'zh-CN': '查看纸质测评答卷', en: 'see paper survey answers' }),
    z.object({ projectId: idSchema, minPosition }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    return { sheets: await listPaperSheets(ctx.services.readModels.db, input.projectId) };
  }),

  /** The survey's free-text answers as given, without who gave them, for staff to review. */
  surveyComments: procedure(
    projectStaff(SURVEY_STAFF, { 'zh-CN': '审阅测评意见', en: 'review the survey’s comments' }),
    z.object({ projectId: idSchema, minPosition }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    return { comments: await listSurveyComments(ctx.services.readModels.db, input.projectId) };
  }),

  /** Publishes the reviewed comments (personal data taken out, some left out) once closed. */
  publishSurveyComments: procedure(
    projectStaff(SURVEY_STAFF, { 'zh-CN': '公布测评意见', en: 'publish the survey’s comments' }),
    z.object({
      projectId: idSchema,
      comments: z.array(paragraphText({ min: 1, max: 500 })).max(500),
    }),
  ).mutation(async ({ ctx, input }) =>
    written(
      await survey.publishSurveyComments(writerFor(ctx), { ...input, by: ctx.account!.accountId }),
    ),
  ),
};
