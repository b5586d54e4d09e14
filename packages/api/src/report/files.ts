// A report's public files (docs/outcome-reports.md), served at /api/public by the API server:
// `/reports/<reportId>/v<n>.json` is the version's canonical JSON exactly as hashed (so
// `sha256sum` of the download is its published hash), `v<n>.csv` one row per figure (UTF-8; the
// HTTP edge adds the byte-order mark), and `/streets/<streetId>/reports.atom` an Atom feed with an
// entry per published version, corrections with their reason.
import { readStreet } from '@gongzhi/projections/organisation';
import { listStreetReportVersions } from '@gongzhi/projections/report';
import type { Context } from '../context.ts';
import { streetScope } from '../organisation/places.ts';
import { figureRows, type ReportData } from './data.ts';
import { readVersions } from './queries.ts';

export const REPORT_CSV_COLUMNS = ['section', 'figure', 'value', 'unit', 'suppressed'] as const;

/** The licence of everything published (as the open data's). */
const LICENCE = 'CC-BY-4.0';

/**
 * One version of a report: its canonical JSON exactly as hashed, and its figures as rows (one per
 * figure, columns `REPORT_CSV_COLUMNS`), which the HTTP edge renders as CSV.
 */
export async function reportVersionFiles(ctx: Context, reportId: string, version: number) {
  const versions = await readVersions(ctx, reportId);
  const shown = versions[version - 1];
  if (!shown) return undefined;
  const rows = figureRows(JSON.parse(shown.data) as ReportData).map((r) => ({
    section: r.section,
    figure: r.figure,
    value: r.value,
    unit: r.unit,
    suppressed: r.suppressed,
  }));
  return { name: `${reportId}-v${version}`, json: shown.data, rows };
}

const xml = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

const periodTitle = (data: ReportData) =>
  data.period.type === 'cycle'
    ? `${data.street.name} ${data.period.title} 成果报告`
    : `${data.street.name} ${data.period.year}年度成果报告`;

/** The Atom feed of a street's publications and corrections, newest first. */
export async function streetReportFeed(ctx: Context, streetId: string, origin: string) {
  await streetScope(ctx, streetId);
  const db = ctx.services.readModels.db;
  const street = await readStreet(db, streetId);
  const versions = (await listStreetReportVersions(db, streetId)).reverse();
  const feedUrl = `${origin}/api/public/streets/${streetId}/reports.atom`;
  const entries = versions.map((v) => {
    const data = JSON.parse(v.data) as ReportData;
    const page = `${origin}/reports/${v.reportId}?version=${v.version}`;
    const title =
      v.version === 1
        ? `${periodTitle(data)}（第 1 版）`
        : `${periodTitle(data)}（更正，第 ${v.version} 版）`;
    const summary = [
      `SHA-256 ${v.sha256}`,
      v.previousHash ? `上一版 SHA-256 ${v.previousHash}` : null,
      v.reason ? `更正原因：${v.reason}` : null,
    ]
      .filter((line) => line !== null)
      .join('\n');
    return `  <entry>
    <id>tag:gongzhi,2026:report/${xml(v.reportId)}/v${v.version}</id>
    <title>${xml(title)}</title>
    <updated>${v.publishedAt}</updated>
    <link rel="alternate" type="text/html" href="${xml(page)}"/>
    <link rel="enclosure" type="application/json" href="${xml(`${origin}/api/public/reports/${v.reportId}/v${v.version}.json`)}"/>
    <summary>${xml(summary)}</summary>
  </entry>`;
  });
  const updated = versions[0]?.publishedAt ?? new Date(0).toISOString();
  const text = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>tag:gongzhi,2026:reports/${xml(streetId)}</id>
  <title>${xml(`${street?.name ?? streetId} 成果报告`)}</title>
  <updated>${updated}</updated>
  <author><name>${xml(street?.name ?? streetId)}</name></author>
  <rights>${LICENCE}</rights>
  <link rel="self" type="application/atom+xml" href="${xml(feedUrl)}"/>
  <link rel="alternate" type="text/html" href="${xml(`${origin}/streets/${streetId}/reports`)}"/>
${entries.join('\n')}
</feed>
`;
  return { filename: 'reports.atom', contentType: 'application/atom+xml; charset=utf-8', text };
}
