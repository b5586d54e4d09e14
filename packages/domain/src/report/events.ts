// Street outcome reports (成果报告): stream `report-<reportId>`, one per street and period (a
// cycle or a calendar year). Each publication is an immutable version whose data is the report's
// canonical JSON, hashed (SHA-256) and chained to the previous version's hash. A correction is a
// new version with a reason; nothing published is changed. docs/events.md is the catalogue;
// docs/outcome-reports.md says what a report holds.
import { z } from 'zod';
import { eventParsing, type EventUnion } from '../shared/events.ts';
import { inputText, storedText } from '../shared/text.ts';
import { idSchema } from '../organisation/events.ts';

const REASON = { max: 500 };

export const reportReasonSchema = inputText.paragraph(REASON);

/** The period a report covers: one cycle of the street, or one calendar year (China time). */
export const reportPeriodSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cycle'), cycleId: idSchema }),
  z.object({ type: z.literal('year'), year: z.number().int().min(2000).max(2100) }),
]);
export type ReportPeriod = z.infer<typeof reportPeriodSchema>;

/** A SHA-256 digest in lower-case hexadecimal. */
export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);

/** The largest canonical text a version may hold (characters). */
export const REPORT_DATA_MAX = 2_000_000;

export const reportEventSchemas = {
  ReportPublished: {
    version: 1,
    schema: z.object({
      reportId: idSchema,
      streetId: idSchema,
      period: reportPeriodSchema,
      /** 1 for the first publication, then one more per correction. */
      version: z.number().int().min(1),
      /** The report's canonical JSON, exactly as hashed. */
      data: z.string().max(REPORT_DATA_MAX),
      /** SHA-256 of `data`'s UTF-8 bytes. */
      sha256: sha256HexSchema,
      /** The previous version's `sha256`; null for version 1. */
      previousHash: sha256HexSchema.nullable(),
      /** Why a correction was made; null for version 1. */
      reason: storedText.paragraph(REASON).nullable(),
      /** The staff account that published it. */
      publishedBy: idSchema,
      /** ISO-8601 UTC. */
      publishedAt: z.iso.datetime(),
    }),
  },
} as const;

type Schemas = typeof reportEventSchemas;
export type ReportEventType = keyof Schemas;
export type ReportEventData<T extends ReportEventType> = z.output<Schemas[T]['schema']>;
export type ReportEvent = EventUnion<Schemas>;
export type ReportEventOf<T extends ReportEventType> = Extract<ReportEvent, { type: T }>;

export const {
  types: reportEventTypes,
  isType: isReportEventType,
  parse: parseReportEvent,
} = eventParsing(reportEventSchemas, 'a report event');

export const reportStreams = {
  report: (reportId: string) => `report-${reportId}`,
};

/** The readable part of a report's id: `cycle-<cycleId>` or `<streetId>-<year>`. */
export const reportKey = (streetId: string, period: ReportPeriod): string =>
  period.type === 'cycle' ? `cycle-${period.cycleId}` : `${streetId}-${period.year}`;
