// The public notice (公示) of a cycle's selection and its objections (异议, 群众共督). Public: the
// notice with its dates, each community's selection as counted, and every objection with its
// answer (never who filed it). Anyone signed in files an objection during the notice period; a
// community worker of the objection's community, or a street officer of its street (or a city
// administrator), answers it.
import { z } from 'zod';
import {
  idSchema,
  objectionTextSchema,
  outcomeStreams,
  parseOutcomeEvent,
  photoRules,
  reasonSchema,
  refuse,
  type LocalizedText,
} from '@gongzhi/domain';
import { uuidv7 } from '@gongzhi/eventstore';
import { writerFor } from '../commands.ts';
import { type Context } from '../context.ts';
import { communityScope, firstEvent } from '../organisation/places.ts';
import {
  caughtUpTo,
  expectedRevisionSchema as expectedRevision,
  minPositionSchema as minPosition,
  revisionOf,
  written,
} from '../positions.ts';
import { photosOf } from '../proposal/photos.ts';
import { procedure, router, type Access } from '../trpc.ts';
import * as commands from './commands.ts';
import { readNotice } from './queries.ts';

const objectionNotFound = (objectionId: string): never =>
  refuse(
    'not_found',
    'objection_not_found',
    `找不到异议（编号 ${objectionId}）。`,
    `There is no objection with id ${objectionId}.`,
  );

/** The community of an objection, from its first event: one filed a moment ago is in scope. */
async function objectionScope(ctx: Context, objectionId: string) {
  const event = await firstEvent(ctx, outcomeStreams.objection(objectionId), parseOutcomeEvent);
  if (event?.type !== 'ObjectionFiled') return objectionNotFound(objectionId);
  return communityScope(ctx, event.data.communityId);
}

/** A community worker of the objection's community, a street officer of its street, a city admin. */
const answerers = (action: LocalizedText): Access<{ objectionId: string }> => ({
  roles: ['community_worker', 'street_officer', 'city_admin'],
  scope: (input, ctx) => objectionScope(ctx, input.objectionId),
  action,
});

export const outcomeRouter = router({
  /** The notice of a cycle's selection, per community, with its objections (queries.ts). */
  notice: procedure('public', z.object({ cycleId: idSchema, minPosition })).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input.minPosition);
      return readNotice(ctx, input.cycleId);
    },
  ),

  /** Files an objection against a pool project of the community, or against its count. */
  file: procedure(
    'signed_in',
    z.object({
      cycleId: idSchema,
      communityId: idSchema,
      /** The pool project objected to; absent: the objection is to the count. */
      proposalId: idSchema.optional(),
      text: objectionTextSchema,
      photoIds: z.array(idSchema).max(photoRules.maxCount).optional(),
    }),
  ).mutation(async ({ ctx, input }) => {
    const objectionId = uuidv7();
    const result = await commands.fileObjection(writerFor(ctx), {
      objectionId,
      cycleId: input.cycleId,
      communityId: input.communityId,
      target:
        input.proposalId === undefined
          ? { kind: 'count' }
          : { kind: 'project', proposalId: input.proposalId },
      text: input.text,
      photos: await photosOf(ctx, input.photoIds),
      filedBy: ctx.account!.accountId,
    });
    return { objectionId, ...written(result) };
  }),

  /**
   * Answers an objection: upheld (its project leaves the community's count, or the bulletin is
   * counted again, and a changed count is recorded as a new tally) or dismissed, with a reason.
   */
  answer: procedure(
    answerers({ 'zh-CN': '答复异议', en: 'answer an objection' }),
    z.object({
      objectionId: idSchema,
      answer: z.enum(['upheld', 'dismissed']),
      reason: reasonSchema,
      expectedRevision,
    }),
  ).mutation(async ({ ctx, input }) => {
    const { expectedRevision: shown, ...data } = input;
    const result = await commands.answerObjection(
      writerFor(ctx),
      { ...data, answeredBy: ctx.account!.accountId },
      revisionOf(shown),
    );
    return written(result);
  }),
});
