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
  say,
} from '@gongzhi/domain';
import { hasGrant } from '@gongzhi/auth';
import { listCyclesOfCommunity } from '@gongzhi/projections/cycle';
import {
  countFeedbackWaiting,
  listFeedbackOfResident,
  listFeedbackQueue,
  readFeedbackThread,
  readParticipation,
} from '@gongzhi/projections/proposal';
import { communityStaff, proposalScope, proposalStaff } from '../access.ts';
import { writerActing, writerFor } from '../commands.ts';
import type { Context } from '../context.ts';
import { caughtUpTo, minPositionSchema, written } from '../positions.ts';
import { actingFor, type Acting } from '../resident/acting.ts';
import { ApiRefusal, procedure, router } from '../trpc.ts';
import * as commands from './commands.ts';
import { actingForAuthor, ROUND_TABLE, withAuthor, WORKERS } from './procedure-helpers.ts';

/** The caller, when they are one of the proposal's authors (a merged duplicate's too). */
async function ownAuthorship(ctx: Context, proposalId: string): Promise<Acting | undefined> {
  const account = ctx.account!;
  if (account.kind !== 'resident') return undefined;
  const role = await readParticipation(ctx.services.readModels.db, proposalId, account.accountId);
  return role === 'author'
    ? { actor: account.accountId, onBehalfOf: undefined, channel: 'online' }
    : undefined;
}

/**
 * Who reads a thread: an author, or the submitting author's proxy (as `author`; only the
 * submitter carries the proposal forward), or the community's workers and committee members (as
 * `community`); anyone else is refused.
 */
async function threadReader(
  ctx: Context,
  proposalId: string,
): Promise<{ as: 'author' | 'community'; mayCarry: boolean }> {
  const account = ctx.account!;
  const scope = await proposalScope(ctx, proposalId);
  if (account.kind === 'staff') {
    if (ROUND_TABLE.some((role) => hasGrant(account.grants, role, scope))) {
      return { as: 'community', mayCarry: false };
    }
    throw new ApiRefusal(
      'FORBIDDEN',
      'not_in_scope',
      say(
        '只有本社区的社区工作者和两委成员可以查看意见交流。',
        'Only workers and committee members of the community can read the feedback thread.',
      ),
      ctx.locale,
    );
  }
  const thread = await readFeedbackThread(ctx.services.readModels.db, proposalId);
  const submitter = thread?.authorResidentId ?? '';
  if (account.accountId !== submitter && (await ownAuthorship(ctx, proposalId))) {
    return { as: 'author', mayCarry: false };
  }
  await actingFor(ctx, submitter, 'propose', scope);
  return { as: 'author', mayCarry: true };
}

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
    const { as, mayCarry } = await threadReader(ctx, input.proposalId);
    const db = ctx.services.readModels.db;
    const thread = (await readFeedbackThread(db, input.proposalId))!;
    const carryTargets =
      mayCarry && thread.carriedTo === null
        ? (await listCyclesOfCommunity(db, thread.communityId)).filter(
            (c) => c.phase === 'proposing' && c.cycleId !== thread.cycleId,
          )
        : [];
    const { authorResidentId: _author, ...shown } = thread;
    return { ...shown, as, mayCarry, carryTargets };
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
    const own = await ownAuthorship(ctx, input.proposalId);
    const { acting, byResidentId } = own
      ? { acting: own, byResidentId: own.actor }
      : await actingForAuthor(ctx, input.proposalId);
    // A worker writes for the community (feedback.respond), never in the author's name.
    if (acting.channel === 'offline') {
      throw new ApiRefusal(
        'FORBIDDEN',
        'reply_as_community',
        say(
          '社区工作者请以社区名义回复,不能代提议人留言。',
          'Community workers reply for the community, not in the author’s name.',
        ),
        ctx.locale,
      );
    }
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
