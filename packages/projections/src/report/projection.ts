// The report read model: every published version of every street outcome report, with its
// canonical data, hash and chain link, as the public report pages, downloads and feed need them.
import { parseReportEvent, reportEventTypes } from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../types.ts';

export const reportTables = ['rep_versions'] as const;
export type ReportTable = (typeof reportTables)[number];

export const reportProjection: Projection<ReportTable> = {
  name: 'report',
  version: 1,
  tables: reportTables,
  eventTypes: reportEventTypes,

  schema: (t) => [
    `CREATE TABLE ${t.rep_versions} (
       report_id TEXT NOT NULL,
       version INTEGER NOT NULL,
       street_id TEXT NOT NULL,
       period TEXT NOT NULL,
       data TEXT NOT NULL,
       sha256 TEXT NOT NULL,
       previous_hash TEXT,
       reason TEXT,
       published_by TEXT NOT NULL,
       published_at TEXT NOT NULL,
       position BIGINT NOT NULL,
       PRIMARY KEY (report_id, version)
     )`,
    `CREATE INDEX ${t.rep_versions}_by_street ON ${t.rep_versions} (street_id, position)`,
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: TableNames<ReportTable>) {
    const event = parseReportEvent(recorded.type, recorded.data);
    switch (event.type) {
      case 'ReportPublished': {
        const d = event.data;
        await tx.run(
          `INSERT INTO ${t.rep_versions}
             (report_id, version, street_id, period, data, sha256, previous_hash, reason,
              published_by, published_at, position)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (report_id, version) DO NOTHING`,
          [
            d.reportId,
            d.version,
            d.streetId,
            JSON.stringify(d.period),
            d.data,
            d.sha256,
            d.previousHash,
            d.reason,
            d.publishedBy,
            d.publishedAt,
            recorded.position,
          ],
        );
        return;
      }
    }
  },
};
