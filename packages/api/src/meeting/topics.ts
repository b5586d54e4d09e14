// Topic procedures (议题): the public reads a community's topics and each topic's screening; a
// resident raises topics in their community, supports others' and reads what became of their
// own; community workers raise topics (their own, from another record, or for a resident without
// a phone) and screen them: accept for a body's agenda, merge, or decline with a reason.
import { z } from 'zod';
import {
  idSchema,
  say,
  topicDetailSchema,
  topicReasonSchema,
  topicSourceRefSchema,
  topicSourceSchema,
  topicTitleSchema,
} from '@gongzhi/domain';
import { uuidv7 } from '@gongzhi/eventstore';
import { communityStaff } from '../access.ts';
import { writerFor } from '../commands.ts';
import { communityScope } from '../organisation/places.ts';
import { caughtUpTo, minPositionSchema as minPosition, written } from '../positions.ts';
import { workerActingFor } from '../resident/acting.ts';
import { writerActing } from '../commands.ts';
import { procedure } from '../trpc.ts';
import * as commands from './topic-commands.ts';
import { MEETING_STAFF, topicStaff } from './procedure-helpers.ts';
import { listCommunityTopics, listResidentTopics, readPublicTopic } from './topic-queries.ts';

const topicText = { title: topicTitleSchema, detail: topicDetailSchema };

export const meetingTopicProcedures = {
  /** A community's topics, latest first, without who raised them. */
  topics: procedure('public', z.object({ communityId: idSchema, minPosition })).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input.minPosition);
      return { topics: await listCommunityTopics(ctx, input.communityId) };
    },
  ),

  /** A topic with its screening and meeting. */
  topic: procedure('public', z.object({ topicId: idSchema, minPosition })).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input.minPosition);
      return readPublicTopic(ctx, input.topicId);
    },
  ),

  /** A resident raises a topic in a community they belong to. */
  raiseTopic: procedure('resident', z.object({ communityId: idSchema, ...topicText })).mutation(
    async ({ ctx, input }) => {
      const topicId = uuidv7();
      const { streetId } = await communityScope(ctx, input.communityId);
      const result = await commands.raiseTopic(writerFor(ctx), {
        topicId,
        communityId: input.communityId,
        streetId,
        title: input.title,
        detail: input.detail,
        raisedBy: 'resident',
        authorId: ctx.account!.accountId,
        source: 'own',
        sourceRef: null,
      });
      return { topicId, ...written(result) };
    },
  ),

  /** A resident of the topic's community supports it (once). */
  supportTopic: procedure('resident', z.object({ topicId: idSchema })).mutation(
    async ({ ctx, input }) =>
      written(
        await commands.supportTopic(writerFor(ctx), {
          topicId: input.topicId,
          residentId: ctx.account!.accountId,
        }),
      ),
  ),

  /** The topics the resident raised, with what became of each and why. */
  myTopics: procedure('resident', z.object({ minPosition })).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    return { topics: await listResidentTopics(ctx, ctx.account!.accountId) };
  }),

  /** A worker enters a topic a resident raised in person (stamped as done on their behalf). */
  raiseTopicFor: procedure(
    communityStaff(MEETING_STAFF, say('代居民提出议题', 'raise a topic for a resident')),
    z.object({ communityId: idSchema, residentId: idSchema, ...topicText }),
  ).mutation(async ({ ctx, input }) => {
    const topicId = uuidv7();
    const acting = await workerActingFor(ctx, input.residentId, input);
    const { streetId } = await communityScope(ctx, input.communityId);
    const result = await commands.raiseTopic(writerActing(ctx, acting), {
      topicId,
      communityId: input.communityId,
      streetId,
      title: input.title,
      detail: input.detail,
      raisedBy: 'resident',
      authorId: input.residentId,
      source: 'own',
      sourceRef: null,
    });
    return { topicId, ...written(result) };
  }),

  /** Staff raise a topic of their own, or one from a proposal, objection, report or ledger item. */
  raiseStaffTopic: procedure(
    communityStaff(MEETING_STAFF, say('提出议题', 'raise a topic')),
    z.object({
      communityId: idSchema,
      ...topicText,
      source: topicSourceSchema,
      sourceRef: topicSourceRefSchema.optional(),
    }),
  ).mutation(async ({ ctx, input }) => {
    const topicId = uuidv7();
    const { streetId } = await communityScope(ctx, input.communityId);
    const result = await commands.raiseTopic(writerFor(ctx), {
      topicId,
      communityId: input.communityId,
      streetId,
      title: input.title,
      detail: input.detail,
      raisedBy: 'staff',
      authorId: ctx.account!.accountId,
      source: input.source,
      sourceRef: input.sourceRef ?? null,
    });
    return { topicId, ...written(result) };
  }),

  /** Accepts a topic for the agenda of a body of its community. */
  acceptTopic: procedure(
    topicStaff(MEETING_STAFF, say('采纳议题', 'accept a topic')),
    z.object({ topicId: idSchema, bodyId: idSchema, note: topicReasonSchema.optional() }),
  ).mutation(async ({ ctx, input }) =>
    written(
      await commands.acceptTopic(writerFor(ctx), {
        topicId: input.topicId,
        bodyId: input.bodyId,
        note: input.note ?? null,
      }),
    ),
  ),

  /** Merges a topic into another open topic of its community, saying why. */
  mergeTopic: procedure(
    topicStaff(MEETING_STAFF, say('合并议题', 'merge a topic')),
    z.object({ topicId: idSchema, intoTopicId: idSchema, reason: topicReasonSchema }),
  ).mutation(async ({ ctx, input }) => written(await commands.mergeTopic(writerFor(ctx), input))),

  /** Declines a topic with the reason its author reads. */
  declineTopic: procedure(
    topicStaff(MEETING_STAFF, say('不予采纳议题', 'decline a topic')),
    z.object({ topicId: idSchema, reason: topicReasonSchema }),
  ).mutation(async ({ ctx, input }) => written(await commands.declineTopic(writerFor(ctx), input))),
};
