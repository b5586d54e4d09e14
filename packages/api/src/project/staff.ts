// What staff record on a project, merged into the project router. The street (its officers, or a
// city administrator) approves, reviews the budget, suspends, resumes and cancels; the implementer
// (department staff of the project's community, or the street) records procurement, the works,
// payments, acceptance and the final account. Each act is one command: a refusal writes nothing.
import { z } from 'zod';
import {
  bidderSchema,
  committeeMemberSchema,
  fenSchema,
  idSchema,
  implementerSchema,
  isoDateSchema,
  lineText,
  milestonePlanSchema,
  paragraphText,
  photoRules,
  procurementMethodSchema,
  reasonSchema,
} from '@gongzhi/domain';
import { uuidv7 } from '@gongzhi/eventstore';
import { writerFor } from '../commands.ts';
import { expectedRevisionSchema as expectedRevision, revisionOf, written } from '../positions.ts';
import { photosOf } from '../proposal/photos.ts';
import { procedure } from '../trpc.ts';
import * as commands from './commands.ts';
import {
  IMPLEMENTER_ACTS,
  projectPhotoInput,
  projectPhotosOf,
  projectStaff,
  STREET_ACTS,
} from './procedure-helpers.ts';

const note = paragraphText({ max: 1000 }).optional();
const documentIds = z.array(idSchema).max(photoRules.maxCount).optional();
const on = { projectId: idSchema, expectedRevision };
const milestoneId = z.string().regex(/^m[0-9]{1,2}$/);

export const staffProcedures = {
  /** 立项: the street approves the project and names its implementer (a department). */
  approve: procedure(
    projectStaff(STREET_ACTS, { 'zh-CN': '项目立项', en: 'approve a project' }),
    z.object({ ...on, implementer: implementerSchema, note, documentIds }),
  ).mutation(async ({ ctx, input }) => {
    const { expectedRevision: shown, documentIds: ids, ...data } = input;
    const documents = await photosOf(ctx, ids, 'documentIds');
    const result = await commands.approveProject(
      writerFor(ctx),
      { ...data, by: ctx.account!.accountId, documents },
      revisionOf(shown),
    );
    return written(result);
  }),

  /** 概审: the approved budget; above the selected cost with the street's decision and a reason. */
  reviewBudget: procedure(
    projectStaff(STREET_ACTS, { 'zh-CN': '项目概审', en: 'review a project’s budget' }),
    z.object({
      ...on,
      approvedBudget: fenSchema,
      reason: reasonSchema.optional(),
      decisionRef: lineText({ max: 60 }).optional(),
    }),
  ).mutation(async ({ ctx, input }) => {
    const { expectedRevision: shown, ...data } = input;
    const result = await commands.reviewBudget(
      writerFor(ctx),
      { ...data, by: ctx.account!.accountId },
      revisionOf(shown),
    );
    return written(result);
  }),

  /** 采购: method, bidders with their amounts, the contractor, the contract value and the reason. */
  awardContract: procedure(
    projectStaff(IMPLEMENTER_ACTS, { 'zh-CN': '记录采购定标', en: 'record a contract award' }),
    z.object({
      ...on,
      method: procurementMethodSchema,
      bidders: z.array(bidderSchema).min(1).max(20),
      contractor: z.string().trim().min(2).max(80),
      contractValue: fenSchema,
      reason: reasonSchema,
      documentIds,
    }),
  ).mutation(async ({ ctx, input }) => {
    const { expectedRevision: shown, documentIds: ids, ...data } = input;
    const documents = await photosOf(ctx, ids, 'documentIds');
    const result = await commands.awardContract(
      writerFor(ctx),
      { ...data, by: ctx.account!.accountId, documents },
      revisionOf(shown),
    );
    return written(result);
  }),

  /** 开工: the day works began and the weighted milestones they are measured by. */
  startWorks: procedure(
    projectStaff(IMPLEMENTER_ACTS, { 'zh-CN': '记录开工', en: 'record the start of works' }),
    z.object({
      ...on,
      startedOn: isoDateSchema,
      milestones: z.array(milestonePlanSchema).min(1).max(20),
      photos: projectPhotoInput,
    }),
  ).mutation(async ({ ctx, input }) => {
    const { expectedRevision: shown, photos: given, ...data } = input;
    const photos = await projectPhotosOf(ctx, given);
    const result = await commands.startWorks(
      writerFor(ctx),
      { ...data, by: ctx.account!.accountId, photos },
      revisionOf(shown),
    );
    return written(result);
  }),

  /** A milestone reached, with photos (before / during / after, each with its capture time). */
  reachMilestone: procedure(
    projectStaff(IMPLEMENTER_ACTS, { 'zh-CN': '记录完成节点', en: 'record a milestone' }),
    z.object({ ...on, milestoneId, reachedOn: isoDateSchema, note, photos: projectPhotoInput }),
  ).mutation(async ({ ctx, input }) => {
    const { expectedRevision: shown, photos: given, ...data } = input;
    const photos = await projectPhotosOf(ctx, given);
    const result = await commands.reachMilestone(
      writerFor(ctx),
      { ...data, by: ctx.account!.accountId, photos },
      revisionOf(shown),
    );
    return written(result);
  }),

  /** A payment within the contract; one above it is refused and nothing is written. */
  recordPayment: procedure(
    projectStaff(IMPLEMENTER_ACTS, { 'zh-CN': '记录付款', en: 'record a payment' }),
    z.object({
      ...on,
      amount: fenSchema,
      paidOn: isoDateSchema,
      milestoneId: milestoneId.optional(),
      note,
    }),
  ).mutation(async ({ ctx, input }) => {
    const { expectedRevision: shown, ...data } = input;
    const paymentId = uuidv7();
    const result = await commands.recordPayment(
      writerFor(ctx),
      { ...data, paymentId, by: ctx.account!.accountId },
      revisionOf(shown),
    );
    return { paymentId, ...written(result) };
  }),

  /** 完工: once every milestone is reached. */
  completeWorks: procedure(
    projectStaff(IMPLEMENTER_ACTS, { 'zh-CN': '记录完工', en: 'record the completion of works' }),
    z.object({ ...on, completedOn: isoDateSchema, photos: projectPhotoInput }),
  ).mutation(async ({ ctx, input }) => {
    const { expectedRevision: shown, photos: given, ...data } = input;
    const photos = await projectPhotosOf(ctx, given);
    const result = await commands.completeWorks(
      writerFor(ctx),
      { ...data, by: ctx.account!.accountId, photos },
      revisionOf(shown),
    );
    return written(result);
  }),

  /** 验收: the committee's verdict, every member signing; a conditional pass lists rectifications. */
  recordAcceptance: procedure(
    projectStaff(IMPLEMENTER_ACTS, { 'zh-CN': '记录验收', en: 'record an acceptance' }),
    z.object({
      ...on,
      verdict: z.enum(['passed', 'conditional', 'failed']),
      acceptedOn: isoDateSchema,
      committee: z.array(committeeMemberSchema).min(1).max(20),
      rectifications: z
        .array(z.object({ item: lineText({ max: 200 }), dueOn: isoDateSchema }))
        .max(30)
        .default([]),
      note,
    }),
  ).mutation(async ({ ctx, input }) => {
    const { expectedRevision: shown, ...data } = input;
    const result = await commands.recordAcceptance(
      writerFor(ctx),
      { ...data, by: ctx.account!.accountId },
      revisionOf(shown),
    );
    return written(result);
  }),

  /** 结算: the final account, explained where it differs from the contract. */
  settle: procedure(
    projectStaff(IMPLEMENTER_ACTS, { 'zh-CN': '记录结算', en: 'record the final account' }),
    z.object({ ...on, finalAmount: fenSchema, reason: reasonSchema.optional() }),
  ).mutation(async ({ ctx, input }) => {
    const { expectedRevision: shown, ...data } = input;
    const result = await commands.settleProject(
      writerFor(ctx),
      { ...data, by: ctx.account!.accountId },
      revisionOf(shown),
    );
    return written(result);
  }),

  suspend: procedure(
    projectStaff(STREET_ACTS, { 'zh-CN': '暂停项目', en: 'suspend a project' }),
    z.object({ ...on, reason: reasonSchema }),
  ).mutation(async ({ ctx, input }) => {
    const { expectedRevision: shown, ...data } = input;
    const w = writerFor(ctx);
    return written(
      await commands.suspendProject(w, { ...data, by: ctx.account!.accountId }, revisionOf(shown)),
    );
  }),

  resume: procedure(
    projectStaff(STREET_ACTS, { 'zh-CN': '恢复项目', en: 'resume a project' }),
    z.object({ ...on, reason: reasonSchema }),
  ).mutation(async ({ ctx, input }) => {
    const { expectedRevision: shown, ...data } = input;
    const w = writerFor(ctx);
    return written(
      await commands.resumeProject(w, { ...data, by: ctx.account!.accountId }, revisionOf(shown)),
    );
  }),

  /** Cancels the project with a reason; what was not spent of its budget is released. */
  cancel: procedure(
    projectStaff(STREET_ACTS, { 'zh-CN': '撤销项目', en: 'cancel a project' }),
    z.object({ ...on, reason: reasonSchema }),
  ).mutation(async ({ ctx, input }) => {
    const { expectedRevision: shown, ...data } = input;
    const w = writerFor(ctx);
    return written(
      await commands.cancelProject(w, { ...data, by: ctx.account!.accountId }, revisionOf(shown)),
    );
  }),
};
