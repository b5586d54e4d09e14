// Reading published reports (public): a street's reports with their versions, and one version
// with its hash, the previous hash, the whole chain's check and what changed from the version
// before. The read model keeps each version's canonical text exactly as hashed.
import {
  refuse,
  reportDifferences,
  verifyReportChain,
  type JsonValue,
  type ReportPeriod,
} from '@gongzhi/domain';
import {
  listReportVersions,
  listStreetReportVersions,
  type ReportVersionView,
} from '@gongzhi/projections/report';
import type { Context } from '../context.ts';
import { streetScope } from '../organisation/places.ts';
import { compileCanonical, sha256Hex } from './commands.ts';
import type { ReportData } from './data.ts';

const db = (ctx: Context) => ctx.services.readModels.db;

const versionLine = (v: ReportVersionView) => ({
  version: v.version,
  sha256: v.sha256,
  previousHash: v.previousHash,
  reason: v.reason,
  publishedAt: v.publishedAt,
});

const reportNotFound = (reportId: string): never =>
  refuse(
    'not_found',
    'report_not_found',
    `找不到成果报告（编号 ${reportId}）。`,
    `There is no outcome report with id ${reportId}.`,
  );

/** The reports of a street, latest publication first, each with its versions (oldest first). */
export async function readStreetReports(ctx: Context, streetId: string) {
  await streetScope(ctx, streetId);
  const byReport = new Map<string, ReportVersionView[]>();
  for (const v of await listStreetReportVersions(db(ctx), streetId)) {
    byReport.set(v.reportId, [...(byReport.get(v.reportId) ?? []), v]);
  }
  return [...byReport.values()]
    .map((versions) => {
      const latest = versions.at(-1)!;
      return {
        reportId: latest.reportId,
        period: (JSON.parse(latest.data) as ReportData).period,
        latest: versionLine(latest),
        versions: versions.map(versionLine),
      };
    })
    .sort((a, b) => b.latest.publishedAt.localeCompare(a.latest.publishedAt));
}

/** Every version of a report, oldest first (404 when none is published). */
export async function readVersions(ctx: Context, reportId: string) {
  const versions = await listReportVersions(db(ctx), reportId);
  if (versions.length === 0) return reportNotFound(reportId);
  return versions;
}

/** One version of a report (the latest when none is named), with the chain and the differences. */
export async function readReport(ctx: Context, reportId: string, version?: number) {
  const versions = await readVersions(ctx, reportId);
  const shown = version === undefined ? versions.at(-1) : versions[version - 1];
  if (!shown) {
    return refuse(
      'not_found',
      'report_version_not_found',
      `这份报告没有第 ${version} 版。`,
      `The report has no version ${version}.`,
      'version',
    );
  }
  const previous = versions[shown.version - 2];
  return {
    reportId,
    streetId: shown.streetId,
    period: shown.period as ReportPeriod,
    ...versionLine(shown),
    data: JSON.parse(shown.data) as ReportData,
    versions: versions.map(versionLine),
    chain: verifyReportChain(versions, sha256Hex),
    differences: previous
      ? reportDifferences(
          JSON.parse(previous.data) as JsonValue,
          JSON.parse(shown.data) as JsonValue,
        )
      : [],
  };
}

/** What publishing now would write, and how it differs from the latest published version. */
export async function previewReport(ctx: Context, streetId: string, period: ReportPeriod) {
  const compiled = await compileCanonical(ctx, streetId, period);
  const latest = (await listReportVersions(db(ctx), compiled.reportId)).at(-1) ?? null;
  return {
    reportId: compiled.reportId,
    data: compiled.data,
    sha256: compiled.sha256,
    latest: latest && versionLine(latest),
    unchanged: latest?.sha256 === compiled.sha256,
    differences: latest
      ? reportDifferences(
          JSON.parse(latest.data) as JsonValue,
          JSON.parse(compiled.canonical) as JsonValue,
        )
      : [],
  };
}
