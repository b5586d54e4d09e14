// Queries on the catalogue read model (projection.ts).
import type { CatalogueEntry, CatalogueKind } from '@gongzhi/domain';
import type { SqlExecutor, SqlRow } from '../types.ts';

export interface CatalogueVersionView {
  catalogueId: string;
  kind: CatalogueKind;
  /** `city` or `street:<streetId>`. */
  placeKey: string;
  year: number;
  previousId: string | null;
  status: 'draft' | 'published';
  publishedOn: string | null;
}

const toVersion = (row: SqlRow): CatalogueVersionView => ({
  catalogueId: String(row.catalogue_id),
  kind: String(row.kind) as CatalogueKind,
  placeKey: String(row.place_key),
  year: Number(row.year),
  previousId: row.previous_id === null ? null : String(row.previous_id),
  status: String(row.status) as 'draft' | 'published',
  publishedOn: row.published_on === null ? null : String(row.published_on),
});

/** Versions, newest first: published only, or drafts too. */
export async function listCatalogueVersions(
  db: SqlExecutor,
  query: { includeDrafts: boolean },
): Promise<CatalogueVersionView[]> {
  const rows = await db.all(
    `SELECT * FROM cat_versions ${query.includeDrafts ? '' : "WHERE status = 'published'"}
     ORDER BY year DESC, kind, place_key`,
  );
  return rows.map(toVersion);
}

export interface CatalogueChangeView {
  change: 'added' | 'removed' | 'changed';
  code: string;
  title: string;
  reason: string;
  requestId: string | null;
}

/** A version with its entries by code, and what changed from the version before, in order. */
export async function readCatalogueVersion(
  db: SqlExecutor,
  catalogueId: string,
): Promise<
  (CatalogueVersionView & { entries: CatalogueEntry[]; changes: CatalogueChangeView[] }) | undefined
> {
  const row = await db.get('SELECT * FROM cat_versions WHERE catalogue_id = ?', [catalogueId]);
  if (!row) return undefined;
  const entries = await db.all(
    'SELECT entry FROM cat_entries WHERE catalogue_id = ? ORDER BY code',
    [catalogueId],
  );
  const changes = await db.all(
    `SELECT change, code, title, reason, request_id FROM cat_changes WHERE catalogue_id = ?
     ORDER BY position`,
    [catalogueId],
  );
  return {
    ...toVersion(row),
    entries: entries.map((e) => JSON.parse(String(e.entry)) as CatalogueEntry),
    changes: changes.map((c) => ({
      change: String(c.change) as CatalogueChangeView['change'],
      code: String(c.code),
      title: String(c.title),
      reason: String(c.reason),
      requestId: c.request_id === null ? null : String(c.request_id),
    })),
  };
}

export interface CatalogueRequestView {
  requestId: string;
  kind: CatalogueKind;
  placeKey: string;
  department: string;
  entry: CatalogueEntry;
  reason: string;
  status: 'filed' | 'admitted' | 'refused';
  decisionReason: string | null;
  filedAt: string;
}

/** The requests to a place's catalogues, oldest first. */
export async function listCatalogueRequests(
  db: SqlExecutor,
  placeKey: string,
): Promise<CatalogueRequestView[]> {
  const rows = await db.all(
    'SELECT * FROM cat_requests WHERE place_key = ? ORDER BY filed_at, request_id',
    [placeKey],
  );
  return rows.map((r) => ({
    requestId: String(r.request_id),
    kind: String(r.kind) as CatalogueKind,
    placeKey: String(r.place_key),
    department: String(r.department),
    entry: JSON.parse(String(r.entry)) as CatalogueEntry,
    reason: String(r.reason),
    status: String(r.status) as CatalogueRequestView['status'],
    decisionReason: r.decision_reason === null ? null : String(r.decision_reason),
    filedAt: String(r.filed_at),
  }));
}
