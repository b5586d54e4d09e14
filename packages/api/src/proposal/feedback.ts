// Feedback to authors of pool proposals not selected (意见共商). Community workers see the queue
// of proposals the last tally did not select, give the reason and suggestions (their own, or
// residents' representatives' whom they name) and answer in each proposal's thread. The author,
// or a relative holding their proxy to propose, reads the feedback, replies, and may carry the
// proposal into a cycle of the street open for proposals.
import { z } from 'zod';
import {
  feedbackGiverSchema,
  feedbackMessageSchema,
  feedbackReasonSchema,
  feedbackSuggestionsSchema,
  idSchema,
  representativesSchema,
} from '@gongzhi/domain';
import {
  countFeedbackWaiting,
  listFeedbackOfResident,
  listFeedbackQueue,
} from '@gongzhi/projections/proposal';
import { communityStaff, proposalStaff } from '../access.ts';
import { writerActing, writerFor } from '../commands.ts';
import { caughtUpTo, minPositionSchema, written } from '../positions.ts';
import { actingFor } from '../resident/acting.ts';
import { procedure, router } from '../trpc.ts';
import * as commands from './commands.ts';
import { readThreadFor, replyingAuthor } from './feedback-thread.ts';
import { actingForAuthor, ROUND_TABLE, withAuthor, WORKERS } from './procedure-helpers.ts';

export const feedbackRouter = router({
  /**
   * The community's pool proposals its last tally did not select: those waiting for feedback
   * first, then those whose author wrote last; with their authors, and the counts.
   */
  queue: procedure(
    communityStaff(ROUND_TABLE, {
      'zh-CN': '查看待反馈的未入选建议',
      en: 'see the proposals not selected awaiting feedback',
    }),
    z.object({
      communityId: idSchema,
      cycleId: idSchema.optional(),
      minPosition: minPositionSchema,
    }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    const db = ctx.services.readModels.db;
    const queue = await listFeedbackQueue(db, input);
    return {
      proposals: await Promise.all(queue.map((entry) => withAuthor(ctx, entry))),
      counts: await countFeedbackWaiting(db, input),
    };
  }),

  /**
   * My proposals that were not selected, with whether feedback came and who wrote last; or those
   * of `forResidentId`, who gave me a proxy to propose.
   */
  mine: procedure(
    'resident',
    z.object({ forResidentId: idSchema.optional(), minPosition: minPositionSchema }).optional(),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input?.minPosition);
    const residentId = input?.forResidentId ?? ctx.account!.accountId;
    if (residentId !== ctx.account!.accountId) await actingFor(ctx, residentId, 'propose');
    return { proposals: await listFeedbackOfResident(ctx.services.readModels.db, residentId) };
  }),

  /**
   * One proposal's outcome, feedback and thread, for its author (or proxy) or the community; for
   * the author also the cycles of the street open for proposals it can be carried into.
   */
  thread: procedure(
    'signed_in',
    z.object({ proposalId: idSchema, minPosition: minPositionSchema }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    return readThreadFor(ctx, input.proposalId);
  }),

  /** A worker gives the reason and suggestions, their own or named representatives'. */
  give: procedure(
    proposalStaff(WORKERS, {
      'zh-CN': '反馈未入选建议的原因和改进建议',
      en: 'give feedback on a proposal not selected',
    }),
    z.object({
      proposalId: idSchema,
      reason: feedbackReasonSchema,
      suggestions: feedbackSuggestionsSchema,
      givenBy: feedbackGiverSchema,
      representatives: representativesSchema.optional(),
    }),
  ).mutation(async ({ ctx, input }) => written(await commands.giveFeedback(writerFor(ctx), input))),

  /** A worker answers in the thread, for the community. */
  respond: procedure(
    proposalStaff(WORKERS, { 'zh-CN': '在意见交流中回复', en: 'reply in a feedback thread' }),
    z.object({ proposalId: idSchema, text: feedbackMessageSchema }),
  ).mutation(async ({ ctx, input }) =>
    written(await commands.postFeedbackMessage(writerFor(ctx), { ...input, from: 'community' })),
  ),

  /** An author (any of them), or the submitting author's proxy, writes in the thread. */
  reply: procedure(
    'signed_in',
    z.object({ proposalId: idSchema, text: feedbackMessageSchema }),
  ).mutation(async ({ ctx, input }) => {
    const { acting, byResidentId } = await replyingAuthor(ctx, input.proposalId);
    return written(
      await commands.postFeedbackMessage(writerActing(ctx, acting), {
        ...input,
        from: 'author',
        byResidentId,
      }),
    );
  }),

  /**
   * The author (or their proxy, or a worker for them) carries the proposal into a cycle of the
   * street open for proposals; answers with the new proposal's id.
   */
  carryForward: procedure(
    'signed_in',
    z.object({ proposalId: idSchema, cycleId: idSchema }),
  ).mutation(async ({ ctx, input }) => {
    const { acting, byResidentId } = await actingForAuthor(ctx, input.proposalId);
    const { toProposalId, result } = await commands.carryProposalForward(
      writerActing(ctx, acting),
      {
        proposalId: input.proposalId,
        toCycleId: input.cycleId,
        byResidentId,
        channel: acting.channel,
      },
    );
    return { proposalId: toProposalId, ...written(result) };
  }),
});
