// Proposals (建议共提, 筛选共议). Public: listings with filters, a proposal and its timeline (no
// personal data), the project pool and the round-tables. Residents (or their proxies) submit,
// edit, withdraw, co-sign and resubmit. What staff do (the intake queue, paper proposals,
// merging, screening, site surveys, round-tables) is in staff.ts.
//
// Money is integer fen (分). Photos are uploaded first (POST /api/photos) and named by id.
import { z } from 'zod';
import {
  fenSchema,
  idSchema,
  projectCategorySchema,
  proposalDescriptionSchema,
  proposalTitleSchema,
  reasonSchema,
  type ProposalChanges,
  type ProposalDisplayStatus,
} from '@gongzhi/domain';
import { uuidv7 } from '@gongzhi/eventstore';
import {
  countProposalsByStatus,
  listProjectPool,
  listProposals,
  listProposalsOfResident,
  listRoundTables,
  proposalDisplayStatuses,
  readParticipation,
  readProposal,
  readProposalTimeline,
} from '@gongzhi/projections/proposal';
import { proposalNotFound, proposalScope } from '../access.ts';
import { writerActing } from '../commands.ts';
import type { Context } from '../context.ts';
import {
  caughtUpTo,
  expectedRevisionSchema,
  minPositionSchema,
  revisionOf,
  written,
} from '../positions.ts';
import { actingAsResident } from '../resident/acting.ts';
import { procedure, router } from '../trpc.ts';
import * as commands from './commands.ts';
import {
  actingForAuthor,
  contentInput,
  locationInput,
  photoIdsInput,
} from './procedure-helpers.ts';
import { photosOf } from './photos.ts';
import { proposalStaffProcedures } from './staff.ts';

/** The fields an edit or a resubmission changes; those left out stay as they are. */
const changesInput = {
  title: proposalTitleSchema.optional(),
  description: proposalDescriptionSchema.optional(),
  category: projectCategorySchema.optional(),
  estimatedCost: fenSchema.optional(),
  location: locationInput.optional(),
  photoIds: photoIdsInput.optional(),
};

async function changesOf(
  ctx: Context,
  input: { [K in keyof typeof changesInput]?: z.output<(typeof changesInput)[K]> },
): Promise<ProposalChanges> {
  const { photoIds, ...fields } = input;
  const changes: ProposalChanges = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) Object.assign(changes, { [key]: value });
  }
  if (photoIds !== undefined) changes.photos = await photosOf(ctx, photoIds);
  return changes;
}

/**
 * Edit and resubmit: the author (or their proxy, or a worker for them) changes the proposal as
 * it was at the revision they saw.
 */
const changedByAuthor = (change: typeof commands.editProposal) =>
  procedure(
    'signed_in',
    z.object({ proposalId: idSchema, ...changesInput, expectedRevision: expectedRevisionSchema }),
  ).mutation(async ({ ctx, input }) => {
    const { proposalId, expectedRevision, ...fields } = input;
    const { acting, byResidentId } = await actingForAuthor(ctx, proposalId);
    const changes = await changesOf(ctx, fields);
    return written(
      await change(
        writerActing(ctx, acting),
        { proposalId, byResidentId, changes },
        revisionOf(expectedRevision),
      ),
    );
  });

const statusInput = z.enum(
  proposalDisplayStatuses as [ProposalDisplayStatus, ...ProposalDisplayStatus[]],
);

export const proposalRouter = router({
  ...proposalStaffProcedures,

  /** A cycle's proposals, of one community or all, filtered; with counts per status. */
  list: procedure(
    'public',
    z.object({
      cycleId: idSchema,
      communityId: idSchema.optional(),
      category: projectCategorySchema.optional(),
      status: z.union([statusInput, z.array(statusInput).max(10)]).optional(),
      limit: z.number().int().min(1).max(200).optional(),
      offset: z.number().int().min(0).optional(),
      minPosition: minPositionSchema,
    }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    const db = ctx.services.readModels.db;
    const { minPosition: _minPosition, ...filter } = input;
    return {
      proposals: await listProposals(db, filter),
      counts: await countProposalsByStatus(db, {
        cycleId: input.cycleId,
        ...(input.communityId === undefined ? {} : { communityId: input.communityId }),
      }),
    };
  }),

  /** One proposal as the public sees it; `myRole` says whether the signed-in resident is in it. */
  get: procedure(
    'public',
    z.object({ proposalId: idSchema, minPosition: minPositionSchema }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    const db = ctx.services.readModels.db;
    const proposal = await readProposal(db, input.proposalId);
    if (!proposal) return proposalNotFound(input.proposalId);
    const account = ctx.account;
    const myRole =
      account?.kind === 'resident'
        ? ((await readParticipation(db, input.proposalId, account.accountId)) ?? null)
        : null;
    return { ...proposal, myRole };
  }),

  /** Every event of the proposal, oldest first; residents by label, staff by role. */
  timeline: procedure(
    'public',
    z.object({ proposalId: idSchema, minPosition: minPositionSchema }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    return { entries: await readProposalTimeline(ctx.services.readModels.db, input.proposalId) };
  }),

  /** The project pool (项目库) of a community in a cycle. */
  pool: procedure(
    'public',
    z.object({ cycleId: idSchema, communityId: idSchema, minPosition: minPositionSchema }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    return { pool: await listProjectPool(ctx.services.readModels.db, input) };
  }),

  /** The round-tables of a community's screening, with attendees and decisions. */
  roundTables: procedure(
    'public',
    z.object({ cycleId: idSchema, communityId: idSchema, minPosition: minPositionSchema }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    return { roundTables: await listRoundTables(ctx.services.readModels.db, input) };
  }),

  /** The proposals I authored or co-signed, newest first. */
  mine: procedure('resident', z.object({ minPosition: minPositionSchema }).optional()).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input?.minPosition);
      return {
        proposals: await listProposalsOfResident(
          ctx.services.readModels.db,
          ctx.account!.accountId,
        ),
      };
    },
  ),

  /**
   * Submits a proposal while the cycle is proposing: a resident for themselves, or a relative
   * holding their proxy with the power to propose (`forResidentId`).
   */
  submit: procedure(
    'signed_in',
    z.object({
      cycleId: idSchema,
      communityId: idSchema,
      ...contentInput,
      forResidentId: idSchema.optional(),
    }),
  ).mutation(async ({ ctx, input }) => {
    const { forResidentId, photoIds, ...content } = input;
    const acting = await actingAsResident(ctx, forResidentId, 'propose', input);
    const proposalId = uuidv7();
    const result = await commands.submitProposal(writerActing(ctx, acting), {
      proposalId,
      ...content,
      photos: await photosOf(ctx, photoIds),
      authorResidentId: acting.residentId,
      channel: acting.channel,
    });
    return { proposalId, ...written(result) };
  }),

  /** The author (or their proxy, or a worker for them) edits while proposing; edits are history. */
  edit: changedByAuthor(commands.editProposal),

  withdraw: procedure(
    'signed_in',
    z.object({ proposalId: idSchema, reason: reasonSchema.optional() }),
  ).mutation(async ({ ctx, input }) => {
    const { acting, byResidentId } = await actingForAuthor(ctx, input.proposalId);
    return written(
      await commands.withdrawProposal(writerActing(ctx, acting), { ...input, byResidentId }),
    );
  }),

  /** Co-signs (附议) a proposal: a resident, or their proxy for them (`forResidentId`). */
  coSign: procedure(
    'signed_in',
    z.object({ proposalId: idSchema, forResidentId: idSchema.optional() }),
  ).mutation(async ({ ctx, input }) => {
    const scope = await proposalScope(ctx, input.proposalId);
    const acting = await actingAsResident(ctx, input.forResidentId, 'propose', scope);
    return written(
      await commands.coSignProposal(writerActing(ctx, acting), {
        proposalId: input.proposalId,
        residentId: acting.residentId,
      }),
    );
  }),

  /** The author resubmits a proposal the round-table returned, while screening is open. */
  resubmit: changedByAuthor(commands.resubmitProposal),
});
