// Workers' erasures of residents as the read model keeps them: those pending in a community (for
// the second person to confirm or anyone allowed to stop), the one pending for a resident (their
// profile shows it), and those due that the server carries out.
//
// Whether the server finished carrying one out (after ResidentForgotten: the key deleted,
// sessions ended) is not derived from events: it lives in `resident_erasures_done`, which the API
// writes and a rebuild leaves alone; create it with `ensureErasureStateTable` on start.
import type { SqlExecutor } from '../types.ts';

export type ErasureStatus = 'requested' | 'confirmed' | 'stopped' | 'executed';

export interface ErasureRow {
  erasureId: string;
  residentId: string;
  communityId: string;
  streetId: string;
  requestedBy: string;
  writtenRequestRef: string;
  status: ErasureStatus;
  confirmedBy: string | null;
  /** ISO time it is carried out; null until confirmed. */
  dueAt: string | null;
  stoppedBy: string | null;
  requestedAt: string;
}

export interface PendingErasureRow extends ErasureRow {
  /** The resident's name and masked phone, for the workers' list. */
  name: string | null;
  phoneMasked: string | null;
}

type Row = Record<string, unknown>;
const optionalText = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

const COLUMNS = `e.erasure_id, e.resident_id, e.community_id, e.street_id, e.requested_by,
  e.written_request_ref, e.status, e.confirmed_by, e.due_at, e.stopped_by, e.requested_at`;

const toErasure = (r: Row): ErasureRow => ({
  erasureId: String(r.erasure_id),
  residentId: String(r.resident_id),
  communityId: String(r.community_id),
  streetId: String(r.street_id),
  requestedBy: String(r.requested_by),
  writtenRequestRef: String(r.written_request_ref),
  status: String(r.status) as ErasureStatus,
  confirmedBy: optionalText(r.confirmed_by),
  dueAt: optionalText(r.due_at),
  stoppedBy: optionalText(r.stopped_by),
  requestedAt: String(r.requested_at),
});

/** Erasures requested or confirmed in the community and not yet stopped or carried out. */
export async function listPendingErasures(
  db: SqlExecutor,
  communityId: string,
): Promise<PendingErasureRow[]> {
  const rows = await db.all(
    `SELECT ${COLUMNS}, r.name, r.phone_masked
     FROM res_erasures e JOIN res_residents r ON r.resident_id = e.resident_id
     WHERE e.community_id = ? AND e.status IN ('requested', 'confirmed')
     ORDER BY e.requested_position`,
    [communityId],
  );
  return rows.map((r) => ({
    ...toErasure(r),
    name: optionalText(r.name),
    phoneMasked: optionalText(r.phone_masked),
  }));
}

/** The resident's erasure requested or confirmed, if any. */
export async function readPendingErasure(
  db: SqlExecutor,
  residentId: string,
): Promise<ErasureRow | undefined> {
  const row = await db.get(
    `SELECT ${COLUMNS} FROM res_erasures e
     WHERE e.resident_id = ? AND e.status IN ('requested', 'confirmed')`,
    [residentId],
  );
  return row && toErasure(row);
}

const STATE_TABLE = `CREATE TABLE IF NOT EXISTS resident_erasures_done (
  erasure_id TEXT PRIMARY KEY,
  done_at TEXT NOT NULL
)`;

/** Creates the table of erasures the server finished, if missing. Safe on every start. */
export async function ensureErasureStateTable(db: SqlExecutor): Promise<void> {
  await db.run(STATE_TABLE);
}

/**
 * Erasures the server has to carry out at `now` (ISO): confirmed and due, or carried out
 * (ResidentForgotten written) but not finished, as after a crash in between. Oldest first.
 */
export async function listErasuresToCarryOut(
  db: SqlExecutor,
  now: string,
  limit = 20,
): Promise<ErasureRow[]> {
  const rows = await db.all(
    `SELECT ${COLUMNS} FROM res_erasures e
     WHERE e.status IN ('confirmed', 'executed') AND e.due_at <= ?
       AND NOT EXISTS (SELECT 1 FROM resident_erasures_done d WHERE d.erasure_id = e.erasure_id)
     ORDER BY e.due_at LIMIT ?`,
    [now, limit],
  );
  return rows.map(toErasure);
}

/** Records that the server finished carrying out the erasure. */
export async function markErasureDone(
  db: SqlExecutor,
  erasureId: string,
  at: string,
): Promise<void> {
  await db.run(
    `INSERT INTO resident_erasures_done (erasure_id, done_at) VALUES (?, ?)
     ON CONFLICT (erasure_id) DO NOTHING`,
    [erasureId, at],
  );
}
