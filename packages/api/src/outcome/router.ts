// The public notice (公示) of a cycle's selection and its objections (异议, 群众共督). Public: the
// notice with its dates, each community's selection as counted, and every objection with its
// answer (never who filed it). Anyone signed in files an objection during the notice period; a
// community worker of the objection's community, or a street officer of its street (or a city
// administrator), answers it.
import { z } from 'zod';
import {
  idSchema,
  noticePeriod,
  objectionTextSchema,
  outcomeStreams,
  parseOutcomeEvent,
  photoRules,
  reasonSchema,
  refuse,
  type LocalizedText,
} from '@gongzhi/domain';
import { uuidv7 } from '@gongzhi/eventstore';
import { readTally } from '@gongzhi/projections/ballot';
import { listCommunities } from '@gongzhi/projections/organisation';
import { listObjections } from '@gongzhi/projections/outcome';
import { listProjectPool } from '@gongzhi/projections/proposal';
import { writerFor } from '../commands.ts';
import { today as todayOf, type Context } from '../context.ts';
import { publishedCycle } from '../cycle/commands.ts';
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

const objectionNotFound = (objectionId: string): never =>
  refuse(
    'not_found',
    'objection_not_found',
    `找不到异议(编号 ${objectionId})。`,
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
  /**
   * The notice of a cycle's selection: its dates (and whether objections are taken today), and
   * per community the last count (votes, winners, budget used), the pool with what upheld
   * objections took out, and every objection with its answer, oldest first. `mine` marks the
   * caller's own objections; who filed the others is not shown.
   */
  notice: procedure('public', z.object({ cycleId: idSchema, minPosition })).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input.minPosition);
      const cycle = await publishedCycle(ctx.services.store, input.cycleId);
      const db = ctx.services.readModels.db;
      const period = noticePeriod(cycle);
      const today = todayOf(ctx);
      const names = new Map(
        (await listCommunities(db, cycle.streetId)).map((c) => [c.communityId, c]),
      );
      const objections = await listObjections(db, { cycleId: cycle.cycleId });
      const me = ctx.account?.accountId;
      const communities = await Promise.all(
        cycle.definition.communities.map(async ({ communityId, budget }) => {
          const place = { cycleId: cycle.cycleId, communityId };
          const [pool, tally] = await Promise.all([
            listProjectPool(db, place),
            readTally(db, place),
          ]);
          const ofCommunity = objections.filter((o) => o.communityId === communityId);
          const excluded = new Set(
            ofCommunity.flatMap((o) =>
              o.answer?.consequence?.kind === 'project_excluded'
                ? [o.answer.consequence.proposalId]
                : [],
            ),
          );
          const winners = new Set(tally?.tally.winners ?? []);
          const votes = new Map(tally?.tally.projects.map((p) => [p.proposalId, p.votes]));
          const titles = new Map(pool.map((p) => [p.proposalId, p.title]));
          return {
            communityId,
            name: names.get(communityId)?.name ?? communityId,
            nameEn: names.get(communityId)?.nameEn ?? null,
            budget,
            tally: tally && {
              ballotCount: tally.tally.ballotCount,
              budgetUsed: tally.tally.budgetUsed,
              talliedAt: tally.talliedAt,
              tallies: tally.revision + 1,
            },
            projects: pool.map((p) => ({
              proposalId: p.proposalId,
              title: p.title,
              cost: p.cost,
              votes: votes.get(p.proposalId) ?? null,
              selected: winners.has(p.proposalId),
              excluded: excluded.has(p.proposalId),
            })),
            objections: ofCommunity.map(({ filedBy, ...o }) => ({
              ...o,
              projectTitle: o.proposalId === null ? null : (titles.get(o.proposalId) ?? null),
              mine: me !== undefined && filedBy === me,
            })),
          };
        }),
      );
      return {
        cycleId: cycle.cycleId,
        streetId: cycle.streetId,
        title: cycle.definition.title,
        titleEn: cycle.definition.titleEn ?? null,
        phase: cycle.phase,
        period: {
          ...period,
          days: cycle.definition.publicityDays,
          begun: cycle.publicityBegan !== undefined,
        },
        today,
        /** Objections are taken today. */
        open: cycle.phase === 'publicity' && today >= period.from && today <= period.until,
        unanswered: objections.filter((o) => o.status === 'filed').length,
        communities,
      };
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
