// Street outcome reports (成果报告): a street officer previews and publishes the report of a cycle
// or a year; anyone reads a street's reports and each version with its hash and chain. Files
// (JSON as hashed, CSV, the Atom feed) are served at /api/public by files.ts.
import { z } from 'zod';
import {
  idSchema,
  reportPeriodSchema,
  reportReasonSchema,
  type LocalizedText,
} from '@gongzhi/domain';
import { streetScope } from '../organisation/places.ts';
import { caughtUpTo, minPositionSchema as minPosition, written } from '../positions.ts';
import { procedure, router, type Access } from '../trpc.ts';
import { publishReport, reportIdOf } from './commands.ts';
import { previewReport, readReport, readStreetReports, readVersions } from './queries.ts';

const reportInput = z.object({ streetId: idSchema, period: reportPeriodSchema });

/** Street officers of the street the input names. */
const streetOfficer = (action: LocalizedText): Access<{ streetId: string }> => ({
  roles: ['street_officer'],
  scope: (input, ctx) => streetScope(ctx, input.streetId),
  action,
});

export const reportRouter = router({
  /** Exactly what publishing now would write, and what differs from the latest version. */
  preview: procedure(
    streetOfficer({ 'zh-CN': '预览成果报告', en: 'preview an outcome report' }),
    reportInput,
  ).query(async ({ ctx, input }) => previewReport(ctx, input.streetId, input.period)),

  /**
   * Publishes the report as compiled now: version 1, or a correction (a new version, with a
   * reason). The same data as the latest version writes nothing and answers that version.
   */
  publish: procedure(
    streetOfficer({ 'zh-CN': '发布成果报告', en: 'publish an outcome report' }),
    // Strict: a request naming a version or data to put in place is refused, not silently
    // taken as a new publication (a published version never changes).
    reportInput.extend({ reason: reportReasonSchema.optional() }).strict(),
  ).mutation(async ({ ctx, input }) => {
    const result = await publishReport(ctx, input);
    await caughtUpTo(ctx, String(result.position ?? 0n));
    const versions = await readVersions(ctx, reportIdOf(input.streetId, input.period));
    const shown = versions.at(-1)!;
    return {
      ...written(result),
      reportId: shown.reportId,
      version: shown.version,
      sha256: shown.sha256,
      unchanged: result.events.length === 0,
    };
  }),

  /** A street's published reports, each with its versions. */
  reports: procedure('public', z.object({ streetId: idSchema, minPosition })).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input.minPosition);
      return { reports: await readStreetReports(ctx, input.streetId) };
    },
  ),

  /** One version of a report (the latest by default): data, hashes, chain check, differences. */
  report: procedure(
    'public',
    z.object({
      reportId: idSchema,
      version: z.number().int().min(1).max(10_000).optional(),
      minPosition,
    }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    return readReport(ctx, input.reportId, input.version);
  }),
});
