// Proposals (建议共提, 筛选共议). Public: listings with filters, a proposal and its timeline (no
// personal data), the project pool and the round-tables. Residents (or their proxies) submit,
// edit, withdraw, co-sign and resubmit. Community workers see the intake queue, enter paper
// proposals for residents, merge duplicates, screen, and record round-tables (with committee
// members). Consultants and department staff record site surveys.
//
// Money is integer fen (分). Photos are uploaded first (POST /api/photos) and named by id.
import { z } from 'zod';
import {
  attendeeSchema,
  fenSchema,
  idSchema,
  isoDateSchema,
  lineText,
  locationSchema,
  nameText,
  notesSchema,
  photoRules,
  projectCategorySchema,
  proposalDescriptionSchema,
  proposalStatusText,
  proposalTitleSchema,
  reasonSchema,
  say,
  surveyOpinionSchema,
  type Photo,
  type ProposalChanges,
  type ProposalDisplayStatus,
} from '@gongzhi/domain';
import { hasGrant, type Role } from '@gongzhi/auth';
import { uuidv7 } from '@gongzhi/eventstore';
import {
  countProposalsByStatus,
  listIntakeQueue,
  listProjectPool,
  listProposals,
  listProposalsOfResident,
  listRoundTables,
  proposalDisplayStatuses,
  readParticipation,
  readProposal,
  readProposalTimeline,
} from '@gongzhi/projections/proposal';
import { readResident } from '@gongzhi/projections/resident';
import { communityStaff, proposalNotFound, proposalScope, proposalStaff } from '../access.ts';
import { writerActing, writerFor } from '../commands.ts';
import type { Context } from '../context.ts';
import { currentLocale } from '../input.ts';
import {
  caughtUpTo,
  expectedRevisionSchema,
  minPositionSchema,
  revisionOf,
  written,
} from '../positions.ts';
import { actingFor, workerActingFor, type Acting } from '../resident/acting.ts';
import { ApiRefusal, procedure, router } from '../trpc.ts';
import * as commands from './commands.ts';
import { findPhotos } from './photos.ts';

export const WORKERS: readonly Role[] = ['community_worker'];
export const ROUND_TABLE: readonly Role[] = ['community_worker', 'committee_member'];
const SURVEYORS: readonly Role[] = ['consultant', 'department_staff'];

/** Both coordinates or neither, said in the caller's language. */
const locationInput = z.object(locationSchema.shape).superRefine((location, issues) => {
  if ((location.lat === undefined) !== (location.lng === undefined)) {
    issues.addIssue({
      code: 'custom',
      path: [location.lat === undefined ? 'lat' : 'lng'],
      message: say('经度和纬度须同时填写', 'Give latitude and longitude together')[currentLocale()],
    });
  }
});

const photoIdsInput = z.array(idSchema).max(photoRules.maxCount);

/** What an author writes; photos by the ids their upload answered. */
const contentInput = {
  title: proposalTitleSchema,
  description: proposalDescriptionSchema,
  category: projectCategorySchema,
  estimatedCost: fenSchema,
  location: locationInput,
  photoIds: photoIdsInput.optional(),
};

/** The fields an edit or a resubmission changes; those left out stay as they are. */
const changesInput = {
  title: proposalTitleSchema.optional(),
  description: proposalDescriptionSchema.optional(),
  category: projectCategorySchema.optional(),
  estimatedCost: fenSchema.optional(),
  location: locationInput.optional(),
  photoIds: photoIdsInput.optional(),
};

/** The stored photos with these ids, in order; a 400 about the field for an unknown id. */
export async function photosOf(
  ctx: Context,
  photoIds: readonly string[] | undefined,
  field = 'photoIds',
): Promise<Photo[]> {
  if (!photoIds || photoIds.length === 0) return [];
  const found = await findPhotos(ctx.services.readModels.db, photoIds);
  const missing = photoIds.findIndex((id) => !found.has(id));
  if (missing >= 0) {
    const text = say('找不到这张照片,请重新上传。', 'There is no such photo; upload it again.');
    throw new ApiRefusal('BAD_REQUEST', 'photo_not_found', text, ctx.locale, [
      { path: `${field}.${missing}`, message: text[ctx.locale] },
    ]);
  }
  return photoIds.map((id) => found.get(id)!);
}

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

const OFFLINE_ENTRY_ONLY = say(
  '社区工作者代居民录入建议,请使用“线下录入”,以便核对是否重复录入。',
  'Community workers enter a resident’s proposal through offline entry, which checks for repeated entries.',
);

const RESIDENT_FOR = say(
  '请用居民账号办理,或指明您代办的居民。',
  'Sign in as a resident, or name the resident you act for.',
);

/**
 * Who the caller acts for: themselves (a resident), or `forResidentId` through a proxy with the
 * power to propose. A worker's entry for a resident goes through `submitFor` instead.
 */
async function actingAsResident(
  ctx: Context,
  forResidentId: string | undefined,
  place: { communityId: string },
): Promise<Acting & { residentId: string }> {
  const account = ctx.account!;
  const residentId = forResidentId ?? (account.kind === 'resident' ? account.accountId : undefined);
  if (residentId === undefined) {
    throw new ApiRefusal('FORBIDDEN', 'not_acting_for', RESIDENT_FOR, ctx.locale);
  }
  const acting = await actingFor(ctx, residentId, 'propose', place);
  if (acting.channel === 'offline') {
    throw new ApiRefusal('FORBIDDEN', 'offline_entry_required', OFFLINE_ENTRY_ONLY, ctx.locale);
  }
  return { ...acting, residentId };
}

/** The author the caller acts for on an author-only act (edit, withdraw, resubmit). */
export async function actingForAuthor(ctx: Context, proposalId: string) {
  const proposal = await commands.currentProposal(ctx.services.store, proposalId);
  if (proposal.status === 'none') return proposalNotFound(proposalId);
  const acting = await actingFor(ctx, proposal.authorResidentId, 'propose', {
    communityId: proposal.communityId,
  });
  return { acting, byResidentId: proposal.authorResidentId };
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

const sameTitle = (a: string, b: string) =>
  a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();

/**
 * A worker entering a paper form twice: an earlier proposal of the same resident in the same
 * cycle under the same title stops the entry, unless the worker confirms it is another one.
 */
async function refuseRepeatedEntry(
  ctx: Context,
  entry: { cycleId: string; residentId: string; title: string },
): Promise<void> {
  await caughtUpTo(ctx, await ctx.services.store.headPosition());
  const earlier = (
    await listProposalsOfResident(ctx.services.readModels.db, entry.residentId)
  ).find(
    (p) => p.role === 'author' && p.cycleId === entry.cycleId && sameTitle(p.title, entry.title),
  );
  if (!earlier) return;
  const status = proposalStatusText[earlier.status];
  const day = earlier.submittedAt.slice(0, 10);
  throw new ApiRefusal(
    'CONFLICT',
    'possible_double_entry',
    say(
      `该居民在本周期已有同名建议「${earlier.title}」(编号 ${earlier.proposalId},${day} 提交,${status['zh-CN']})。如确属另一条建议,请勾选“确认重复录入”后再提交。`,
      `This resident already has a proposal titled “${earlier.title}” in this cycle (id ${earlier.proposalId}, submitted ${day}, ${status.en}). If this is really another proposal, confirm the repeated entry and submit again.`,
    ),
    ctx.locale,
    [
      {
        path: 'confirmDuplicate',
        message: say('请确认是否重复录入', 'Confirm whether this is a repeated entry')[ctx.locale],
      },
    ],
  );
}

const statusInput = z.enum(
  proposalDisplayStatuses as [ProposalDisplayStatus, ...ProposalDisplayStatus[]],
);

/** A proposal as a queue shows it to a worker: with the author's name and masked number. */
export async function withAuthor<Entry extends { authorResidentId: string }>(
  ctx: Context,
  entry: Entry,
) {
  const author = await readResident(ctx.services.readModels.db, entry.authorResidentId);
  return {
    ...entry,
    author: author && { name: author.name, phoneMasked: author.phoneMasked },
  };
}

export const proposalRouter = router({
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
    const acting = await actingAsResident(ctx, forResidentId, input);
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

  /**
   * A community worker enters a paper proposal for a resident (found by resident.search, or
   * registered on the spot). A proposal of the same resident, cycle and title stops it with a 409
   * naming that proposal, unless `confirmDuplicate`.
   */
  submitFor: procedure(
    communityStaff(WORKERS, {
      'zh-CN': '代居民录入线下建议',
      en: 'enter a paper proposal for a resident',
    }),
    z.object({
      communityId: idSchema,
      residentId: idSchema,
      cycleId: idSchema,
      ...contentInput,
      confirmDuplicate: z.boolean().optional(),
    }),
  ).mutation(async ({ ctx, input }) => {
    const { residentId, confirmDuplicate, photoIds, ...content } = input;
    if (!confirmDuplicate) await refuseRepeatedEntry(ctx, { ...input });
    const acting = await workerActingFor(ctx, residentId, { communityId: input.communityId });
    const proposalId = uuidv7();
    const result = await commands.submitProposal(writerActing(ctx, acting), {
      proposalId,
      ...content,
      photos: await photosOf(ctx, photoIds),
      authorResidentId: residentId,
      channel: 'offline',
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
    const acting = await actingAsResident(ctx, input.forResidentId, scope);
    return written(
      await commands.coSignProposal(writerActing(ctx, acting), {
        proposalId: input.proposalId,
        residentId: acting.residentId,
      }),
    );
  }),

  /** The author resubmits a proposal the round-table returned, while screening is open. */
  resubmit: changedByAuthor(commands.resubmitProposal),

  /** Proposals awaiting a screening act in the community, oldest first, with their authors. */
  intakeQueue: procedure(
    communityStaff(ROUND_TABLE, {
      'zh-CN': '查看待处理的建议',
      en: 'see the proposals awaiting screening',
    }),
    z.object({
      communityId: idSchema,
      cycleId: idSchema.optional(),
      minPosition: minPositionSchema,
    }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    const queue = await listIntakeQueue(ctx.services.readModels.db, {
      communityId: input.communityId,
      ...(input.cycleId === undefined ? {} : { cycleId: input.cycleId }),
    });
    return { proposals: await Promise.all(queue.map((entry) => withAuthor(ctx, entry))) };
  }),

  /** Merges a duplicate into another proposal of the community; all of both are told. */
  merge: procedure(
    {
      roles: WORKERS,
      scope: (input, ctx) => proposalScope(ctx, input.duplicateId),
      action: { 'zh-CN': '合并重复建议', en: 'merge duplicate proposals' },
    },
    z.object({ duplicateId: idSchema, targetId: idSchema, note: reasonSchema.optional() }),
  ).mutation(async ({ ctx, input }) =>
    written(
      await commands.mergeProposal(writerFor(ctx), {
        proposalId: input.duplicateId,
        intoProposalId: input.targetId,
        ...(input.note === undefined ? {} : { note: input.note }),
      }),
    ),
  ),

  /** Screens a proposal out, with a line of the excluded list (负面清单) or a reason, or both. */
  markInfeasible: procedure(
    proposalStaff(WORKERS, { 'zh-CN': '认定建议不可行', en: 'mark a proposal infeasible' }),
    z
      .object({
        proposalId: idSchema,
        excludedCode: lineText({ max: 32 }).optional(),
        note: reasonSchema.optional(),
      })
      .superRefine((input, issues) => {
        if (input.excludedCode === undefined && input.note === undefined) {
          issues.addIssue({
            code: 'custom',
            path: ['note'],
            message: say(
              '请从负面清单中选择理由,或填写理由',
              'Choose a reason from the excluded list or write one',
            )[currentLocale()],
          });
        }
      }),
  ).mutation(async ({ ctx, input }) =>
    written(await commands.markProposalInfeasible(writerFor(ctx), input)),
  ),

  sendToSurvey: procedure(
    proposalStaff(WORKERS, { 'zh-CN': '安排现场踏勘', en: 'send a proposal to a site survey' }),
    z.object({ proposalId: idSchema, note: reasonSchema.optional() }),
  ).mutation(async ({ ctx, input }) =>
    written(await commands.sendProposalToSurvey(writerFor(ctx), input)),
  ),

  /** A consultant or department records the site survey: notes, photos, revised cost, opinion. */
  recordSurvey: procedure(
    proposalStaff(SURVEYORS, { 'zh-CN': '记录现场踏勘', en: 'record a site survey' }),
    z.object({
      proposalId: idSchema,
      organisation: nameText({ max: 80 }).optional(),
      notes: notesSchema,
      photoIds: photoIdsInput.optional(),
      revisedCost: fenSchema.optional(),
      opinion: surveyOpinionSchema,
      conditions: reasonSchema.optional(),
    }),
  ).mutation(async ({ ctx, input }) => {
    const { photoIds, ...survey } = input;
    const scope = await proposalScope(ctx, input.proposalId);
    const surveyor = hasGrant(ctx.account!.grants, 'consultant', scope)
      ? 'consultant'
      : 'department';
    return written(
      await commands.recordSiteSurvey(writerFor(ctx), {
        ...survey,
        surveyor,
        photos: await photosOf(ctx, photoIds),
      }),
    );
  }),

  /**
   * Records a neighbourhood round-table (邻里圆桌会) and its decision on each proposal: into the
   * pool, rejected (reason required), or back to the author to revise (reason required).
   */
  recordRoundTable: procedure(
    communityStaff(ROUND_TABLE, { 'zh-CN': '记录邻里圆桌会', en: 'record a round-table' }),
    z.object({
      cycleId: idSchema,
      communityId: idSchema,
      date: isoDateSchema,
      attendees: z.array(attendeeSchema).min(1).max(100),
      notes: notesSchema.optional(),
      decisions: z
        .array(
          z.discriminatedUnion('decision', [
            z.object({
              proposalId: idSchema,
              decision: z.literal('pool'),
              reason: reasonSchema.optional(),
            }),
            // A rejection's reason; for a revision, what the author should change.
            z.object({
              proposalId: idSchema,
              decision: z.enum(['reject', 'revise']),
              reason: reasonSchema,
            }),
          ]),
        )
        .max(200),
    }),
  ).mutation(async ({ ctx, input }) => {
    const roundTableId = uuidv7();
    const result = await commands.recordRoundTable(writerFor(ctx), {
      roundTableId,
      ...input,
    });
    return { roundTableId, ...written(result) };
  }),
});
