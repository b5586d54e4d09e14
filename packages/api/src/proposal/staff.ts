// What staff do with proposals: community workers see the intake queue, enter paper proposals
// for residents, merge duplicates and screen; with committee members they record round-tables
// (邻里圆桌会). Consultants and department staff record site surveys. Merged into the proposal
// router under the same names.
import { z } from 'zod';
import {
  attendeeSchema,
  fenSchema,
  idSchema,
  isoDateSchema,
  lineText,
  nameText,
  notesSchema,
  proposalStatusText,
  reasonSchema,
  say,
  surveyOpinionSchema,
} from '@gongzhi/domain';
import { hasGrant, type Role } from '@gongzhi/auth';
import { uuidv7 } from '@gongzhi/eventstore';
import { listIntakeQueue, listProposalsOfResident } from '@gongzhi/projections/proposal';
import { communityStaff, proposalScope, proposalStaff } from '../access.ts';
import { writerActing, writerFor } from '../commands.ts';
import type { Context } from '../context.ts';
import { currentLocale } from '../input.ts';
import { caughtUpTo, caughtUpToHead, minPositionSchema, written } from '../positions.ts';
import { workerActingFor } from '../resident/acting.ts';
import { ApiRefusal, procedure } from '../trpc.ts';
import * as commands from './commands.ts';
import { photosOf } from './photos.ts';
import {
  contentInput,
  photoIdsInput,
  ROUND_TABLE,
  withAuthor,
  WORKERS,
} from './procedure-helpers.ts';

const SURVEYORS: readonly Role[] = ['consultant', 'department_staff'];

/** Who records a survey: a consultant where the caller holds that role there, else a department. */
async function surveyorOf(ctx: Context, proposalId: string) {
  const scope = await proposalScope(ctx, proposalId);
  return hasGrant(ctx.account!.grants, 'consultant', scope) ? 'consultant' : 'department';
}

const sameTitle = (a: string, b: string) =>
  a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();

/**
 * A worker entering a paper form twice: an earlier proposal of the same resident in the same
 * cycle under the same title stops the entry, unless the worker confirms it is another one. The
 * proposals are read once the read models hold every event written so far, or an entry made a
 * moment before would slip past.
 */
async function refuseRepeatedEntry(
  ctx: Context,
  entry: { cycleId: string; residentId: string; title: string },
): Promise<void> {
  await caughtUpToHead(ctx.services);
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
      `该居民在本周期已有同名建议「${earlier.title}」（编号 ${earlier.proposalId}，${day} 提交，${status['zh-CN']}）。如确属另一条建议，请勾选“确认重复录入”后再提交。`,
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

export const proposalStaffProcedures = {
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
              '请从负面清单中选择理由，或填写理由',
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
    return written(
      await commands.recordSiteSurvey(writerFor(ctx), {
        ...survey,
        surveyor: await surveyorOf(ctx, input.proposalId),
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
};
