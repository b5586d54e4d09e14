// Queries on the ledger read model (projection.ts): the register of a community or street, one
// item with its history, and the figures the dashboards show.
import {
  goneStatuses,
  type LedgerDetails,
  type LedgerItemStatus,
  type LedgerKind,
  type Photo,
} from '@gongzhi/domain';
import type { SqlExecutor, SqlRow, SqlValue } from '../types.ts';

export interface LedgerItemView {
  itemId: string;
  communityId: string;
  streetId: string;
  kind: LedgerKind;
  title: string;
  department: string;
  details: LedgerDetails;
  weeklyMinutes: number;
  photos: Photo[];
  status: LedgerItemStatus;
  /** The day of the last change of status (or of recording). */
  statusOn: string;
  relapses: number;
  relapseDepartment: string | null;
  reinspectionDue: string | null;
  recordedOn: string;
}

export type LedgerHistoryEntry =
  'removed' | 'merged' | 'retired' | 'kept' | 'scheduled' | 'reinspected' | 'relapsed';

export interface LedgerHistoryView {
  entry: LedgerHistoryEntry;
  day: string;
  actor: string;
  /** The act's or inspection's own fields (basis, reason, approver, photos …). */
  data: Record<string, unknown>;
}

const toItem = (row: SqlRow): LedgerItemView => ({
  itemId: String(row.item_id),
  communityId: String(row.community_id),
  streetId: String(row.street_id),
  kind: String(row.kind) as LedgerKind,
  title: String(row.title),
  department: String(row.department),
  details: JSON.parse(String(row.details)) as LedgerDetails,
  weeklyMinutes: Number(row.weekly_minutes),
  photos: JSON.parse(String(row.photos)) as Photo[],
  status: String(row.status) as LedgerItemStatus,
  statusOn: String(row.status_on),
  relapses: Number(row.relapses),
  relapseDepartment: row.relapse_department === null ? null : String(row.relapse_department),
  reinspectionDue: row.reinspection_due === null ? null : String(row.reinspection_due),
  recordedOn: String(row.recorded_on),
});

/** Where: the whole city, a street, or a community. */
export type LedgerPlace =
  | { type: 'city' }
  | { type: 'street'; streetId: string }
  | { type: 'community'; communityId: string };

function placeWhere(place: LedgerPlace): { sql: string; params: SqlValue[] } {
  if (place.type === 'street') return { sql: 'street_id = ?', params: [place.streetId] };
  if (place.type === 'community') return { sql: 'community_id = ?', params: [place.communityId] };
  return { sql: '1 = 1', params: [] };
}

/** The items of a place (of one kind or status), by kind, then newest first. */
export async function listLedgerItems(
  db: SqlExecutor,
  query: { place: LedgerPlace; kind?: LedgerKind; status?: LedgerItemStatus },
): Promise<LedgerItemView[]> {
  const where = placeWhere(query.place);
  const clauses = [where.sql];
  const params = [...where.params];
  if (query.kind) {
    clauses.push('kind = ?');
    params.push(query.kind);
  }
  if (query.status) {
    clauses.push('status = ?');
    params.push(query.status);
  }
  const rows = await db.all(
    `SELECT * FROM ledger_items WHERE ${clauses.join(' AND ')}
     ORDER BY kind, recorded_on DESC, item_id`,
    params,
  );
  return rows.map(toItem);
}

/** One item with its history, oldest first. */
export async function readLedgerItem(
  db: SqlExecutor,
  itemId: string,
): Promise<(LedgerItemView & { history: LedgerHistoryView[] }) | undefined> {
  const row = await db.get('SELECT * FROM ledger_items WHERE item_id = ?', [itemId]);
  if (!row) return undefined;
  const history = await db.all(
    'SELECT entry, day, actor, data FROM ledger_history WHERE item_id = ? ORDER BY position',
    [itemId],
  );
  return {
    ...toItem(row),
    history: history.map((h) => ({
      entry: String(h.entry) as LedgerHistoryEntry,
      day: String(h.day),
      actor: String(h.actor),
      data: JSON.parse(String(h.data)) as Record<string, unknown>,
    })),
  };
}

export interface LedgerFigures {
  /** Items by kind and status. */
  counts: { kind: LedgerKind; status: LedgerItemStatus; items: number }[];
  /** Items removed, merged or retired per month (YYYY-MM), oldest first. */
  removalsByMonth: { month: string; items: number }[];
  /** Items that were ever gone, and of them those found back at least once. */
  everGone: number;
  everRelapsed: number;
  /** Items now relapsed, waiting to be removed again. */
  relapsedNow: number;
  appsClosed: number;
  groupsClosed: number;
  /** The weekly minutes of the items gone: what workers get back each week. */
  minutesReturnedPerWeek: number;
  /** Per community of the place: items, gone, relapsed now. */
  byCommunity: { communityId: string; items: number; gone: number; relapsed: number }[];
}

const GONE = goneStatuses.map((s) => `'${s}'`).join(', ');

/** The figures of a place's register, as the dashboards show them. */
export async function readLedgerFigures(
  db: SqlExecutor,
  place: LedgerPlace,
): Promise<LedgerFigures> {
  const { sql, params } = placeWhere(place);
  const counts = await db.all(
    `SELECT kind, status, COUNT(*) AS items FROM ledger_items WHERE ${sql}
     GROUP BY kind, status ORDER BY kind, status`,
    params,
  );
  const months = await db.all(
    `SELECT SUBSTR(day, 1, 7) AS month, COUNT(*) AS items FROM ledger_history
     WHERE ${sql} AND entry IN (${GONE})
     GROUP BY SUBSTR(day, 1, 7) ORDER BY month`,
    params,
  );
  const totals = await db.get(
    `SELECT
       SUM(CASE WHEN status IN (${GONE}) OR relapses > 0 THEN 1 ELSE 0 END) AS ever_gone,
       SUM(CASE WHEN relapses > 0 THEN 1 ELSE 0 END) AS ever_relapsed,
       SUM(CASE WHEN status = 'relapsed' THEN 1 ELSE 0 END) AS relapsed_now,
       SUM(CASE WHEN kind = 'app' AND status IN (${GONE}) THEN 1 ELSE 0 END) AS apps_closed,
       SUM(CASE WHEN kind = 'chat_group' AND status IN (${GONE}) THEN 1 ELSE 0 END)
         AS groups_closed,
       SUM(CASE WHEN status IN (${GONE}) THEN weekly_minutes ELSE 0 END) AS minutes
     FROM ledger_items WHERE ${sql}`,
    params,
  );
  const communities = await db.all(
    `SELECT community_id, COUNT(*) AS items,
       SUM(CASE WHEN status IN (${GONE}) THEN 1 ELSE 0 END) AS gone,
       SUM(CASE WHEN status = 'relapsed' THEN 1 ELSE 0 END) AS relapsed
     FROM ledger_items WHERE ${sql} GROUP BY community_id ORDER BY community_id`,
    params,
  );
  const n = (value: unknown) => Number(value ?? 0);
  return {
    counts: counts.map((r) => ({
      kind: String(r.kind) as LedgerKind,
      status: String(r.status) as LedgerItemStatus,
      items: n(r.items),
    })),
    removalsByMonth: months.map((r) => ({ month: String(r.month), items: n(r.items) })),
    everGone: n(totals?.ever_gone),
    everRelapsed: n(totals?.ever_relapsed),
    relapsedNow: n(totals?.relapsed_now),
    appsClosed: n(totals?.apps_closed),
    groupsClosed: n(totals?.groups_closed),
    minutesReturnedPerWeek: n(totals?.minutes),
    byCommunity: communities.map((r) => ({
      communityId: String(r.community_id),
      items: n(r.items),
      gone: n(r.gone),
      relapsed: n(r.relapsed),
    })),
  };
}

/**
 * What a street's register recorded in a period (China days, inclusive), per month (or per day)
 * and kind: items gone (removed, merged or retired) and relapses found. Outcome reports sum these,
 * and the open data publishes them per day, so that anyone can sum them again.
 */
export async function readLedgerPeriod(
  db: SqlExecutor,
  streetId: string,
  from: string,
  until: string,
  grain: 'month' | 'day' = 'month',
): Promise<{ period: string; kind: LedgerKind; gone: number; relapsed: number }[]> {
  const period = grain === 'month' ? 'SUBSTR(day, 1, 7)' : 'day';
  const rows = await db.all(
    `SELECT ${period} AS period, kind,
       SUM(CASE WHEN entry IN (${GONE}) THEN 1 ELSE 0 END) AS gone,
       SUM(CASE WHEN entry = 'relapsed' THEN 1 ELSE 0 END) AS relapsed
     FROM ledger_history
     WHERE street_id = ? AND day >= ? AND day <= ? AND (entry IN (${GONE}) OR entry = 'relapsed')
     GROUP BY ${period}, kind ORDER BY period, kind`,
    [streetId, from, until],
  );
  return rows.map((r) => ({
    period: String(r.period),
    kind: String(r.kind) as LedgerKind,
    gone: Number(r.gone ?? 0),
    relapsed: Number(r.relapsed ?? 0),
  }));
}
