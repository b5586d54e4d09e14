// Micro-project cycles (民生微实事, step 1 方案共定): published cycles are public; a street officer
// of the cycle's street (or a city administrator) drafts, publishes, moves phases and amends.
// Money is integer fen (分) in every input and answer.
import { z } from 'zod';
import {
  cycleDefinitionSchema,
  cyclePhaseSchema,
  cycleScheduleSchema,
  fenSchema,
  idSchema,
  reasonSchema,
  type LocalizedText,
} from '@gongzhi/domain';
import { uuidv7 } from '@gongzhi/eventstore';
import { listCycles } from '@gongzhi/projections/cycle';
import { listFeedbackOwed } from '@gongzhi/projections/proposal';
import { cycleStaff, STREET_ROLES } from '../access.ts';
import { writerFor } from '../commands.ts';
import { advanceCyclePhase } from '../workflows/advance-cycle-phase.ts';
import { streetScope } from '../organisation/places.ts';
import {
  caughtUpTo,
  expectedRevisionSchema as expectedRevision,
  minPositionSchema as minPosition,
  revisionOf,
  written,
} from '../positions.ts';
import { procedure, router, type Access } from '../trpc.ts';
import * as commands from './commands.ts';
import { readVisibleCycle } from './queries.ts';

/** Street officers of the street the input names, and city administrators. */
const streetStaff = (action: LocalizedText): Access<{ streetId: string }> => ({
  roles: STREET_ROLES,
  scope: (input, ctx) => streetScope(ctx, input.streetId),
  action,
});

export const cycleRouter = router({
  /** Published cycles, newest first: all, or of one street. */
  list: procedure(
    'public',
    z.object({ streetId: idSchema.optional(), minPosition }).optional(),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input?.minPosition);
    return {
      cycles: await listCycles(ctx.services.readModels.db, {
        ...(input?.streetId === undefined ? {} : { streetId: input.streetId }),
      }),
    };
  }),

  /** A street's cycles, drafts included, for its officers' set-up page. */
  drafts: procedure(
    streetStaff({ 'zh-CN': '查看街道的项目周期草稿', en: 'see the street’s draft cycles' }),
    z.object({ streetId: idSchema, minPosition }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    return {
      cycles: await listCycles(ctx.services.readModels.db, {
        streetId: input.streetId,
        includeDrafts: true,
      }),
    };
  }),

  /**
   * One cycle: rules, budgets per community (with names), phases with their dates, and the public
   * history (publication, phase moves, amendments with reasons). A draft only for its street's
   * officers; for anyone else it does not exist.
   */
  get: procedure('public', z.object({ cycleId: idSchema, minPosition })).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input.minPosition);
      return readVisibleCycle(ctx, input.cycleId);
    },
  ),

  draft: procedure(
    streetStaff({ 'zh-CN': '起草项目周期', en: 'draft a cycle' }),
    z.object({ streetId: idSchema, ...cycleDefinitionSchema.shape }),
  ).mutation(async ({ ctx, input }) => {
    const cycleId = uuidv7();
    const result = await commands.draftCycle(writerFor(ctx), { cycleId, ...input });
    return { cycleId, ...written(result) };
  }),

  /** Replaces the whole draft (until it is published). */
  amendDraft: procedure(
    cycleStaff({ 'zh-CN': '修改项目周期草稿', en: 'amend a draft cycle' }),
    z.object({ cycleId: idSchema, ...cycleDefinitionSchema.shape, expectedRevision }),
  ).mutation(async ({ ctx, input }) => {
    const { expectedRevision: shown, ...data } = input;
    return written(await commands.amendCycleDraft(writerFor(ctx), data, revisionOf(shown)));
  }),

  publish: procedure(
    cycleStaff({ 'zh-CN': '发布项目周期', en: 'publish a cycle' }),
    z.object({ cycleId: idSchema, expectedRevision }),
  ).mutation(async ({ ctx, input }) =>
    written(
      await commands.publishCycle(
        writerFor(ctx),
        { cycleId: input.cycleId },
        revisionOf(input.expectedRevision),
      ),
    ),
  ),

  /** Moves to the next phase; a reason is needed on any day but the scheduled one. */
  advancePhase: procedure(
    cycleStaff({ 'zh-CN': '推进项目周期的阶段', en: 'move a cycle to its next phase' }),
    z.object({
      cycleId: idSchema,
      to: cyclePhaseSchema,
      reason: reasonSchema.optional(),
      expectedRevision,
    }),
  ).mutation(async ({ ctx, input }) => {
    const { expectedRevision: shown, ...data } = input;
    return written(await advanceCyclePhase(writerFor(ctx), data, revisionOf(shown)));
  }),

  /**
   * The cycle's proposals not selected whose authors still wait for feedback (意见共商): the
   * cycle closes once there are none. Titles are public; authors are not named.
   */
  feedbackOwed: procedure(
    cycleStaff({
      'zh-CN': '查看尚待反馈的未入选建议',
      en: 'see the proposals still owed feedback',
    }),
    z.object({ cycleId: idSchema, minPosition }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    const owed = await listFeedbackOwed(ctx.services.readModels.db, { cycleId: input.cycleId });
    return {
      proposals: owed.map(({ proposalId, communityId, title }) => ({
        proposalId,
        communityId,
        title,
      })),
    };
  }),

  /** Changes budgets of communities after publishing (before voting), with a reason. */
  amendBudget: procedure(
    cycleStaff({ 'zh-CN': '调整项目周期的预算', en: 'amend a cycle’s budgets' }),
    z.object({
      cycleId: idSchema,
      budgets: z
        .array(z.object({ communityId: idSchema, budget: fenSchema }))
        .min(1)
        .max(200),
      reason: reasonSchema,
      expectedRevision,
    }),
  ).mutation(async ({ ctx, input }) => {
    const { expectedRevision: shown, ...data } = input;
    return written(await commands.amendCycleBudget(writerFor(ctx), data, revisionOf(shown)));
  }),

  /** Changes the dates of phases not yet begun, after publishing, with a reason. */
  amendSchedule: procedure(
    cycleStaff({ 'zh-CN': '调整项目周期的日程', en: 'amend a cycle’s schedule' }),
    z.object({
      cycleId: idSchema,
      schedule: cycleScheduleSchema,
      reason: reasonSchema,
      expectedRevision,
    }),
  ).mutation(async ({ ctx, input }) => {
    const { expectedRevision: shown, ...data } = input;
    return written(await commands.amendCycleSchedule(writerFor(ctx), data, revisionOf(shown)));
  }),
});
