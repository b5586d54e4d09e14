// Follow-through procedures (落实反馈): the public reads a meeting's resolutions with their
// progress and report back (overdue flagged); community workers assign an owner and a due day to
// an adopted motion, report progress and close with a report back; community and street staff
// list the overdue ones for their dashboards.
import { z } from 'zod';
import {
  idSchema,
  isoDateSchema,
  parseResolutionEvent,
  refuse,
  resolutionOverdue,
  resolutionOwnerSchema,
  resolutionRefSchema,
  resolutionReportSchema,
  resolutionStreams,
  say,
  type LocalizedText,
} from '@gongzhi/domain';
import type { Role } from '@gongzhi/auth';
import { uuidv7 } from '@gongzhi/eventstore';
import {
  listOverdueResolutions,
  listResolutionsOfMeeting,
  type ResolutionView,
} from '@gongzhi/projections/meeting';
import { communityStaff, STREET_ROLES } from '../access.ts';
import { writerFor } from '../commands.ts';
import { today, type Context } from '../context.ts';
import { firstEvent } from '../organisation/places.ts';
import { caughtUpTo, minPositionSchema as minPosition, written } from '../positions.ts';
import { procedure, type Access } from '../trpc.ts';
import * as commands from './resolution-commands.ts';
import {
  bodyPlaceScope,
  MEETING_READERS,
  MEETING_STAFF,
  meetingStaff,
} from './procedure-helpers.ts';

const db = (ctx: Context) => ctx.services.readModels.db;

/** A resolution as pages show it: overdue when open past its due day (China's today). */
export const withOverdue = (ctx: Context, resolution: ResolutionView) => ({
  ...resolution,
  overdue: resolution.status === 'open' && resolutionOverdue(resolution.dueOn, today(ctx)),
});

async function resolutionScope(ctx: Context, resolutionId: string) {
  const event = await firstEvent(
    ctx,
    resolutionStreams.resolution(resolutionId),
    parseResolutionEvent,
  );
  if (event?.type !== 'ResolutionAssigned') {
    return refuse(
      'not_found',
      'resolution_not_found',
      '找不到这项决议的落实记录。',
      'There is no such resolution.',
    );
  }
  return bodyPlaceScope(event.data);
}

const resolutionStaff = (
  roles: readonly Role[],
  action: LocalizedText,
): Access<{ resolutionId: string }> => ({
  roles,
  scope: (input, ctx) => resolutionScope(ctx, input.resolutionId),
  action,
});

export const meetingResolutionProcedures = {
  /** A meeting's resolutions: owner, due day, progress, report back, overdue flag. */
  resolutions: procedure('public', z.object({ meetingId: idSchema, minPosition })).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input.minPosition);
      const list = await listResolutionsOfMeeting(db(ctx), input.meetingId);
      return { resolutions: list.map((r) => withOverdue(ctx, r)) };
    },
  ),

  /** Gives an adopted motion an owner and a due day, optionally linking a proposal or ledger item. */
  assignResolution: procedure(
    meetingStaff(MEETING_STAFF, say('明确决议落实责任', 'assign a resolution’s follow-through')),
    z.object({
      meetingId: idSchema,
      motionId: idSchema,
      owner: resolutionOwnerSchema,
      dueOn: isoDateSchema,
      link: z.object({ kind: z.enum(['proposal', 'ledger']), ref: resolutionRefSchema }).optional(),
    }),
  ).mutation(async ({ ctx, input }) => {
    const resolutionId = uuidv7();
    const result = await commands.assignResolution(
      writerFor(ctx),
      { resolutionId, ...input, link: input.link ?? null },
      today(ctx),
    );
    return { resolutionId, ...written(result) };
  }),

  /** Reports progress on an open resolution. */
  reportResolutionProgress: procedure(
    resolutionStaff(MEETING_STAFF, say('报告落实进展', 'report progress on a resolution')),
    z.object({ resolutionId: idSchema, text: resolutionReportSchema }),
  ).mutation(async ({ ctx, input }) =>
    written(await commands.reportResolutionProgress(writerFor(ctx), { ...input, on: today(ctx) })),
  ),

  /** Closes a resolution with the report back its meeting's attendees and topic's supporters read. */
  closeResolution: procedure(
    resolutionStaff(MEETING_STAFF, say('办结并反馈决议', 'close a resolution with a report back')),
    z.object({ resolutionId: idSchema, report: resolutionReportSchema }),
  ).mutation(async ({ ctx, input }) =>
    written(await commands.closeResolution(writerFor(ctx), { ...input, on: today(ctx) })),
  ),

  /** A community's overdue resolutions (its dashboard). */
  overdueResolutions: procedure(
    communityStaff(MEETING_READERS, say('查看逾期决议', 'read overdue resolutions')),
    z.object({ communityId: idSchema, minPosition }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    const list = await listOverdueResolutions(db(ctx), input, today(ctx));
    return { resolutions: list.map((r) => withOverdue(ctx, r)) };
  }),

  /** A street's overdue resolutions, across its communities (the street's dashboard). */
  streetOverdueResolutions: procedure(
    {
      roles: STREET_ROLES,
      scope: (input: { streetId: string }) => ({ type: 'street', streetId: input.streetId }),
      action: say('查看街道逾期决议', 'read a street’s overdue resolutions'),
    },
    z.object({ streetId: idSchema, minPosition }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    const list = await listOverdueResolutions(db(ctx), input, today(ctx));
    return { resolutions: list.map((r) => withOverdue(ctx, r)) };
  }),
};
