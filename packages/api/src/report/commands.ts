// Publishing a street's outcome report: compile from the read models once they hold every event so
// far, write the canonical JSON, hash it here (node:crypto; the domain stays pure) and let the
// report's decider make a new version of it, or nothing when the latest version has that data.
import { createHash } from 'node:crypto';
import {
  canonicalJson,
  describeReportEvent,
  parseReportEvent,
  reportDecider,
  reportEventSchemas,
  reportKey,
  reportStreams,
  type LocalizedText,
  type ReportEvent,
  type ReportPeriod,
} from '@gongzhi/domain';
import { executeCommand, writerFor, type EventCodec } from '../commands.ts';
import { now, type Context } from '../context.ts';
import { caughtUpToHead } from '../positions.ts';
import { compileReport } from './compile.ts';
import { asJson } from './data.ts';

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export const reportCodec: EventCodec<ReportEvent> = {
  read: (recorded) => parseReportEvent(recorded.type, recorded.data),
  versionOf: (type) => reportEventSchemas[type].version,
  describe: describeReportEvent,
};

export const reportRecord = (reportId: string) => ({
  stream: reportStreams.report(reportId),
  decider: reportDecider,
  codec: reportCodec,
});

const reportSubject = (): LocalizedText => ({ 'zh-CN': '这份成果报告', en: 'The outcome report' });

/** A report's id: readable (`cycle-<cycleId>`, `<streetId>-<year>`), hashed when too long. */
export function reportIdOf(streetId: string, period: ReportPeriod): string {
  const key = reportKey(streetId, period);
  return key.length <= 64 ? key : `report-${sha256Hex(key).slice(0, 40)}`;
}

/** What would be published now: the data, its canonical text and hash. */
export async function compileCanonical(ctx: Context, streetId: string, period: ReportPeriod) {
  await caughtUpToHead({ store: ctx.services.store, readModels: ctx.services.readModels });
  const data = await compileReport(ctx, streetId, period);
  const canonical = canonicalJson(asJson(data));
  return { reportId: reportIdOf(streetId, period), data, canonical, sha256: sha256Hex(canonical) };
}

/** Publishes the report as compiled now; `reason` is required once a version exists. */
export async function publishReport(
  ctx: Context,
  input: { streetId: string; period: ReportPeriod; reason?: string | undefined },
) {
  const w = writerFor(ctx);
  const reportId = reportIdOf(input.streetId, input.period);
  return executeCommand(w.store, {
    ...reportRecord(reportId),
    subject: reportSubject,
    metadata: w.metadata,
    command: async () => {
      const compiled = await compileCanonical(ctx, input.streetId, input.period);
      return {
        type: 'PublishReport' as const,
        data: {
          reportId,
          streetId: input.streetId,
          period: input.period,
          data: compiled.canonical,
          sha256: compiled.sha256,
          reason: input.reason ?? null,
          publishedBy: ctx.account?.accountId ?? 'anonymous',
          publishedAt: now(ctx).toISOString(),
        },
      };
    },
  });
}
