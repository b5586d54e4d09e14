// Reads of the notification read model, and the two tables of what happened to notices since:
// read marks (`notification_reads`) and deliveries (`notification_deliveries`). Those two are
// written by the API, not by the projection, so that a rebuild neither marks a notice unread
// again nor sends it twice; create them with `ensureNotificationStateTables` on start.
import type { LocalizedText } from '@gongzhi/domain';
import type { SqlExecutor } from '../types.ts';

const STATE_TABLES = [
  `CREATE TABLE IF NOT EXISTS notification_reads (
     resident_id TEXT NOT NULL,
     position BIGINT NOT NULL,
     read_at TEXT NOT NULL,
     PRIMARY KEY (resident_id, position)
   )`,
  `CREATE TABLE IF NOT EXISTS notification_deliveries (
     notice_id TEXT PRIMARY KEY,
     sent_at TEXT NOT NULL
   )`,
];

/** Creates the read-mark and delivery tables, if missing. Safe on every start. */
export async function ensureNotificationStateTables(db: SqlExecutor): Promise<void> {
  for (const ddl of STATE_TABLES) await db.run(ddl);
}

export interface Notice {
  /** The position of the event that caused it, as a decimal string: unique per resident. */
  noticeId: string;
  /** The proposal it is about; null for an objection's answer. */
  proposalId: string | null;
  /** The page it links to: the proposal's, or the objection on its cycle's notice. */
  link: string;
  /** The event type that caused it, e.g. ProposalAdmittedToPool or ObjectionDismissed. */
  cause: string;
  message: LocalizedText;
  at: string;
  read: boolean;
}

type Row = Record<string, unknown>;
const text = (value: unknown) => String(value);
const textOrNull = (value: unknown) => (value === null || value === undefined ? null : text(value));

const toNotice = (r: Row): Notice => ({
  noticeId: text(r.position),
  proposalId: textOrNull(r.proposal_id),
  link: text(r.link),
  cause: text(r.cause),
  message: { 'zh-CN': text(r.message_zh), en: text(r.message_en) },
  at: text(r.at),
  read: r.read_at !== null && r.read_at !== undefined,
});

/**
 * A resident's notices, newest first: by when the event happened (events are not always written
 * in the order they happened, e.g. the demo seed's backdated history), then by position.
 */
export async function listInbox(
  db: SqlExecutor,
  residentId: string,
  options: { unreadOnly?: boolean; limit?: number } = {},
): Promise<Notice[]> {
  const rows = await db.all(
    `SELECT i.position, i.proposal_id, i.link, i.cause, i.message_zh, i.message_en, i.at, r.read_at
     FROM ntf_inbox i
     LEFT JOIN notification_reads r ON r.resident_id = i.resident_id AND r.position = i.position
     WHERE i.resident_id = ? ${options.unreadOnly ? 'AND r.read_at IS NULL' : ''}
     ORDER BY i.at DESC, i.position DESC LIMIT ?`,
    [residentId, options.limit ?? 50],
  );
  return rows.map(toNotice);
}

export async function countUnread(db: SqlExecutor, residentId: string): Promise<number> {
  const row = await db.get(
    `SELECT count(*) AS n FROM ntf_inbox i
     LEFT JOIN notification_reads r ON r.resident_id = i.resident_id AND r.position = i.position
     WHERE i.resident_id = ? AND r.read_at IS NULL`,
    [residentId],
  );
  return Number(row?.n ?? 0);
}

/** Marks notices of the resident read: those at the positions named (their ids), or all. */
export async function markNoticesRead(
  db: SqlExecutor,
  residentId: string,
  which: { positions: readonly bigint[] } | 'all',
  at: string,
): Promise<number> {
  const named =
    which === 'all' ? '' : `AND i.position IN (${which.positions.map(() => '?').join(', ')})`;
  if (which !== 'all' && which.positions.length === 0) return 0;
  const { changes } = await db.run(
    `INSERT INTO notification_reads (resident_id, position, read_at)
     SELECT i.resident_id, i.position, ? FROM ntf_inbox i
     WHERE i.resident_id = ? ${named}
       AND NOT EXISTS (SELECT 1 FROM notification_reads r
                       WHERE r.resident_id = i.resident_id AND r.position = i.position)`,
    [at, residentId, ...(which === 'all' ? [] : which.positions)],
  );
  return changes;
}

export interface OutboxMessage {
  noticeId: string;
  residentId: string;
  proposalId: string | null;
  link: string;
  message: LocalizedText;
  createdAt: string;
}

/** Messages not delivered yet, oldest first. */
export async function listUndelivered(db: SqlExecutor, limit: number): Promise<OutboxMessage[]> {
  const rows = await db.all(
    `SELECT o.notice_id, o.resident_id, o.proposal_id, o.link, o.message_zh, o.message_en, o.created_at
     FROM ntf_outbox o
     WHERE NOT EXISTS (SELECT 1 FROM notification_deliveries d WHERE d.notice_id = o.notice_id)
     ORDER BY o.position, o.notice_id LIMIT ?`,
    [limit],
  );
  return rows.map((r) => ({
    noticeId: text(r.notice_id),
    residentId: text(r.resident_id),
    proposalId: textOrNull(r.proposal_id),
    link: text(r.link),
    message: { 'zh-CN': text(r.message_zh), en: text(r.message_en) },
    createdAt: text(r.created_at),
  }));
}

export async function markDelivered(db: SqlExecutor, noticeId: string, at: string): Promise<void> {
  await db.run(
    `INSERT INTO notification_deliveries (notice_id, sent_at) VALUES (?, ?)
     ON CONFLICT (notice_id) DO NOTHING`,
    [noticeId, at],
  );
}

/** Whether the message was delivered (tests, operations). */
export async function readDelivery(
  db: SqlExecutor,
  noticeId: string,
): Promise<{ sentAt: string } | undefined> {
  const row = await db.get('SELECT sent_at FROM notification_deliveries WHERE notice_id = ?', [
    noticeId,
  ]);
  return row && { sentAt: text(row.sent_at) };
}
