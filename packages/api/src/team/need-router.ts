// Service needs and teams' claims (procedures merged into the team router): staff of a community
// post a need (their own, from a resident's proposal, or a micro-project of the community offered
// whole or in part); a leader claims it for their team; staff of the need's community accept one
// claim and the other teams are told why not. Anyone may read the needs and their claims.
import { z } from 'zod';
import {
  claimNoteSchema,
  idSchema,
  needDescriptionSchema,
  needPeopleSchema,
  needPlaceSchema,
  needTitleSchema,
  reasonSchema,
  refuse,
  skillsSchema,
} from '@gongzhi/domain';
import { uuidv7 } from '@gongzhi/eventstore';
import {
  listNeedClaims,
  listNeeds,
  listTeamsOf,
  readNeed,
  readTeam,
} from '@gongzhi/projections/team';
import { communityStaff, proposalScope } from '../access.ts';
import { readState, writerFor } from '../commands.ts';
import { now, type Context } from '../context.ts';
import { communityScope } from '../organisation/places.ts';
import { caughtUpTo, minPositionSchema as minPosition, written } from '../positions.ts';
import { projectRecord } from '../project/commands.ts';
import { procedure } from '../trpc.ts';
import { acceptNeedClaim } from '../workflows/accept-need-claim.ts';
import { teamState } from './commands.ts';
import { needNotFound, needStaff, onNeed } from './needs.ts';
import { isTeamStaff, TEAM_STAFF } from './queries.ts';

const sourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('community') }),
  z.object({ kind: z.literal('request'), proposalId: idSchema }),
  z.object({ kind: z.literal('project'), projectId: idSchema, part: z.enum(['whole', 'part']) }),
]);

/** A need with its claims (and the claiming teams' names), and what the caller may do with it. */
async function readNeedPage(ctx: Context, needId: string) {
  const db = ctx.services.readModels.db;
  const need = (await readNeed(db, needId)) ?? needNotFound(needId);
  const claims = await listNeedClaims(db, needId);
  const names = new Map<string, string>();
  for (const c of claims) names.set(c.teamId, (await readTeam(db, c.teamId))?.name ?? c.teamId);
  const me = ctx.account?.accountId;
  const led = me ? (await listTeamsOf(db, me)).filter((t) => t.standing === 'leader') : [];
  return {
    need,
    claims: claims.map((c) => ({ ...c, teamName: names.get(c.teamId)! })),
    /** Teams the caller leads that may still claim (a team of another street is refused). */
    mayClaimFor: led
      .filter((t) => !claims.some((c) => c.teamId === t.teamId))
      .map((t) => ({ teamId: t.teamId, teamName: t.teamName })),
    mayAccept: isTeamStaff(ctx, need),
  };
}

export const needProcedures = {
  /** Needs of a community or a street, newest first (`open`: those not given to a team yet). */
  needs: procedure(
    'public',
    z.object({
      communityId: idSchema.optional(),
      streetId: idSchema.optional(),
      open: z.boolean().optional(),
      minPosition,
    }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    const { minPosition: _, ...filter } = input;
    return { needs: await listNeeds(ctx.services.readModels.db, filter) };
  }),

  /** One need with its claims; for a declined team, the reason. */
  need: procedure('public', z.object({ needId: idSchema, minPosition })).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input.minPosition);
      return readNeedPage(ctx, input.needId);
    },
  ),

  /** Staff of a community post a service need: what, where, when, how many, which skills. */
  postNeed: procedure(
    communityStaff(TEAM_STAFF, { 'zh-CN': '发布服务需求', en: 'post a service need' }),
    z.object({
      communityId: idSchema,
      title: needTitleSchema,
      description: needDescriptionSchema,
      place: needPlaceSchema,
      startsAt: z.iso.datetime(),
      endsAt: z.iso.datetime(),
      people: needPeopleSchema,
      skills: skillsSchema,
      source: sourceSchema.default({ kind: 'community' }),
    }),
  ).mutation(async ({ ctx, input }) => {
    const needId = uuidv7();
    const { streetId } = await communityScope(ctx, input.communityId);
    const { source } = input;
    if (source.kind === 'request') {
      const scope = await proposalScope(ctx, source.proposalId);
      if (scope.communityId !== input.communityId) {
        refuse(
          'invalid',
          'proposal_elsewhere',
          '这条居民建议不属于本社区。',
          'This resident’s proposal belongs to another community.',
          'source.proposalId',
        );
      }
    }
    const project =
      source.kind === 'project'
        ? (await readState(ctx.services.store, projectRecord(source.projectId))).state
        : undefined;
    const result = await onNeed(writerFor(ctx), needId, () => ({
      type: 'PostNeed',
      data: { ...input, needId, streetId, postedBy: ctx.account!.accountId },
      ...(project ? { project } : {}),
      now: now(ctx).toISOString(),
    }));
    return { needId, ...written(result) };
  }),

  /** A leader claims a need for their team (the decider refuses anyone but its leaders). */
  claimNeed: procedure(
    'signed_in',
    z.object({ needId: idSchema, teamId: idSchema, note: claimNoteSchema.optional() }),
  ).mutation(async ({ ctx, input }) =>
    written(
      await onNeed(writerFor(ctx), input.needId, async () => ({
        type: 'ClaimNeed',
        data: { ...input, claimedBy: ctx.account!.accountId },
        team: await teamState(ctx.services, input.teamId),
      })),
    ),
  ),

  /** Staff of the need's community accept one claim; the others are declined with the reason. */
  acceptClaim: procedure(
    needStaff({ 'zh-CN': '接受团队认领', en: 'accept a team’s claim' }),
    z.object({ needId: idSchema, teamId: idSchema, reason: reasonSchema.optional() }),
  ).mutation(async ({ ctx, input }) =>
    written(await acceptNeedClaim(writerFor(ctx), { ...input, by: ctx.account!.accountId })),
  ),
};
