// Queries on the report read model (projection.ts).
import type { ReportPeriod } from '@gongzhi/domain';
import type { SqlExecutor, SqlRow } from '../types.ts';

export interface ReportVersionView {
  reportId: string;
  version: number;
  streetId: string;
  period: ReportPeriod;
  /** The canonical JSON, exactly as hashed. */
  data: string;
  sha256: string;
  previousHash: string | null;
  reason: string | null;
  publishedBy: string;
  publishedAt: string;
}

const toVersion = (row: SqlRow): ReportVersionView => ({
  reportId: String(row.report_id),
  version: Number(row.version),
  streetId: String(row.street_id),
  period: JSON.parse(String(row.period)) as ReportPeriod,
  data: String(row.data),
  sha256: String(row.sha256),
  previousHash: row.previous_hash === null ? null : String(row.previous_hash),
  reason: row.reason === null ? null : String(row.reason),
  publishedBy: String(row.published_by),
  publishedAt: String(row.published_at),
});

/** Every version of a report, oldest first. */
export async function listReportVersions(
  db: SqlExecutor,
  reportId: string,
): Promise<ReportVersionView[]> {
  const rows = await db.all(`SELECT * FROM rep_versions WHERE report_id = ? ORDER BY version`, [
    reportId,
  ]);
  return rows.map(toVersion);
}

/** Every version of every report of a street, in the order they were published. */
export async function listStreetReportVersions(
  db: SqlExecutor,
  streetId: string,
): Promise<ReportVersionView[]> {
  const rows = await db.all(`SELECT * FROM rep_versions WHERE street_id = ? ORDER BY position`, [
    streetId,
  ]);
  return rows.map(toVersion);
}
