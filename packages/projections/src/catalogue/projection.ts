// The catalogue read model: each version with its entries and what changed from the version
// before (added, removed, and why), and the departments' requests with their decisions.
import { catalogueEventTypes, parseCatalogueEvent, type CataloguePlace } from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../types.ts';

export const catalogueTables = [
  'cat_versions',
  'cat_entries',
  'cat_changes',
  'cat_requests',
] as const;
export type CatalogueTable = (typeof catalogueTables)[number];

export const placeKey = (place: CataloguePlace) =>
  place.type === 'city' ? 'city' : `street:${place.streetId}`;

export const catalogueProjection: Projection<CatalogueTable> = {
  name: 'catalogue',
  // 2: entries changed in a draft (CatalogueEntryChanged) are kept and listed among the changes.
  version: 2,
  tables: catalogueTables,
  eventTypes: catalogueEventTypes.filter((type) => type !== 'OffCatalogueTaskRecorded'),

  schema: (t) => [
    `CREATE TABLE ${t.cat_versions} (
       catalogue_id TEXT PRIMARY KEY,
       kind TEXT NOT NULL,
       place_key TEXT NOT NULL,
       year INTEGER NOT NULL,
       previous_id TEXT,
       status TEXT NOT NULL,
       published_on TEXT
     )`,
    `CREATE TABLE ${t.cat_entries} (
       catalogue_id TEXT NOT NULL,
       code TEXT NOT NULL,
       title TEXT NOT NULL,
       entry TEXT NOT NULL,
       PRIMARY KEY (catalogue_id, code)
     )`,
    `CREATE TABLE ${t.cat_changes} (
       position BIGINT PRIMARY KEY,
       catalogue_id TEXT NOT NULL,
       change TEXT NOT NULL,
       code TEXT NOT NULL,
       title TEXT NOT NULL,
       reason TEXT NOT NULL,
       request_id TEXT
     )`,
    `CREATE INDEX ${t.cat_changes}_by_version ON ${t.cat_changes} (catalogue_id)`,
    `CREATE TABLE ${t.cat_requests} (
       request_id TEXT PRIMARY KEY,
       kind TEXT NOT NULL,
       place_key TEXT NOT NULL,
       department TEXT NOT NULL,
       entry TEXT NOT NULL,
       reason TEXT NOT NULL,
       status TEXT NOT NULL,
       decision_reason TEXT,
       filed_at TEXT NOT NULL
     )`,
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: TableNames<CatalogueTable>) {
    const event = parseCatalogueEvent(recorded.type, recorded.data);
    switch (event.type) {
      case 'CatalogueDrafted': {
        const d = event.data;
        await tx.run(
          `INSERT INTO ${t.cat_versions}
             (catalogue_id, kind, place_key, year, previous_id, status)
           VALUES (?, ?, ?, ?, ?, 'draft') ON CONFLICT (catalogue_id) DO NOTHING`,
          [d.catalogueId, d.kind, placeKey(d.place), d.year, d.previousId ?? null],
        );
        for (const entry of d.entries) {
          await tx.run(
            `INSERT INTO ${t.cat_entries} (catalogue_id, code, title, entry) VALUES (?, ?, ?, ?)
             ON CONFLICT (catalogue_id, code) DO NOTHING`,
            [d.catalogueId, entry.code, entry.title, JSON.stringify(entry)],
          );
        }
        return;
      }
      case 'CatalogueEntryAdded': {
        const { catalogueId, entry, reason, requestId } = event.data;
        await tx.run(
          `INSERT INTO ${t.cat_entries} (catalogue_id, code, title, entry) VALUES (?, ?, ?, ?)
           ON CONFLICT (catalogue_id, code) DO NOTHING`,
          [catalogueId, entry.code, entry.title, JSON.stringify(entry)],
        );
        await tx.run(
          `INSERT INTO ${t.cat_changes}
             (position, catalogue_id, change, code, title, reason, request_id)
           VALUES (?, ?, 'added', ?, ?, ?, ?) ON CONFLICT (position) DO NOTHING`,
          [recorded.position, catalogueId, entry.code, entry.title, reason, requestId ?? null],
        );
        return;
      }
      case 'CatalogueEntryRemoved': {
        const { catalogueId, code, reason } = event.data;
        const row = await tx.get(
          `SELECT title FROM ${t.cat_entries} WHERE catalogue_id = ? AND code = ?`,
          [catalogueId, code],
        );
        await tx.run(`DELETE FROM ${t.cat_entries} WHERE catalogue_id = ? AND code = ?`, [
          catalogueId,
          code,
        ]);
        await tx.run(
          `INSERT INTO ${t.cat_changes}
             (position, catalogue_id, change, code, title, reason)
           VALUES (?, ?, 'removed', ?, ?, ?) ON CONFLICT (position) DO NOTHING`,
          [recorded.position, catalogueId, code, String(row?.title ?? code), reason],
        );
        return;
      }
      case 'CatalogueEntryChanged': {
        const { catalogueId, entry, reason } = event.data;
        await tx.run(
          `UPDATE ${t.cat_entries} SET title = ?, entry = ? WHERE catalogue_id = ? AND code = ?`,
          [entry.title, JSON.stringify(entry), catalogueId, entry.code],
        );
        await tx.run(
          `INSERT INTO ${t.cat_changes}
             (position, catalogue_id, change, code, title, reason)
           VALUES (?, ?, 'changed', ?, ?, ?) ON CONFLICT (position) DO NOTHING`,
          [recorded.position, catalogueId, entry.code, entry.title, reason],
        );
        return;
      }
      case 'CataloguePublished':
        await tx.run(
          `UPDATE ${t.cat_versions} SET status = 'published', published_on = ?
           WHERE catalogue_id = ?`,
          [event.data.publishedOn, event.data.catalogueId],
        );
        return;
      case 'CatalogueRequestFiled': {
        const d = event.data;
        await tx.run(
          `INSERT INTO ${t.cat_requests}
             (request_id, kind, place_key, department, entry, reason, status, filed_at)
           VALUES (?, ?, ?, ?, ?, ?, 'filed', ?) ON CONFLICT (request_id) DO NOTHING`,
          [
            d.requestId,
            d.kind,
            placeKey(d.place),
            d.department,
            JSON.stringify(d.entry),
            d.reason,
            recorded.metadata.occurredAt,
          ],
        );
        return;
      }
      case 'CatalogueRequestAdmitted':
      case 'CatalogueRequestRefused':
        await tx.run(
          `UPDATE ${t.cat_requests} SET status = ?, decision_reason = ? WHERE request_id = ?`,
          [
            event.type === 'CatalogueRequestAdmitted' ? 'admitted' : 'refused',
            event.data.reason,
            event.data.requestId,
          ],
        );
        return;
      case 'OffCatalogueTaskRecorded':
        return;
    }
  },
};
