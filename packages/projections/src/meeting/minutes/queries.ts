// Queries on the minutes read model (projection.ts).
import type { SqlExecutor } from '../../types.ts';

export interface MinutesVersionView {
  version: number;
  text: string;
  /** Why this version corrects the one before; null for version 1. */
  reason: string | null;
  /** Who signed (version 1 only). */
  signedBy: string[];
  publishedAt: string;
}

export interface MinutesView {
  meetingId: string;
  communityId: string | null;
  status: 'draft' | 'circulated' | 'approved';
  draftNo: number;
  draftText: string | null;
  /** The latest published version; 0 before approval. */
  version: number;
  /** Published versions, latest first. */
  versions: MinutesVersionView[];
  /** Corrections asked for, and signatures, on the current draft. */
  requests: { residentId: string; text: string; askedAt: string }[];
  signatures: { residentId: string; signedAt: string }[];
}

export async function readMinutes(
  db: SqlExecutor,
  meetingId: string,
): Promise<MinutesView | undefined> {
  const row = await db.get(`SELECT * FROM mtg_minutes WHERE meeting_id = ?`, [meetingId]);
  if (!row) return undefined;
  const draftNo = Number(row.draft_no);
  const [versions, requests, signatures] = await Promise.all([
    db.all(`SELECT * FROM mtg_minutes_versions WHERE meeting_id = ? ORDER BY version DESC`, [
      meetingId,
    ]),
    db.all(
      `SELECT * FROM mtg_minutes_requests WHERE meeting_id = ? AND draft_no = ?
       ORDER BY asked_at, resident_id`,
      [meetingId, draftNo],
    ),
    db.all(
      `SELECT * FROM mtg_minutes_signatures WHERE meeting_id = ? AND draft_no = ?
       ORDER BY signed_at, resident_id`,
      [meetingId, draftNo],
    ),
  ]);
  return {
    meetingId,
    communityId: row.community_id === null ? null : String(row.community_id),
    status: String(row.status) as MinutesView['status'],
    draftNo,
    draftText: row.draft_text === null ? null : String(row.draft_text),
    version: Number(row.version),
    versions: versions.map((v) => ({
      version: Number(v.version),
      text: String(v.text),
      reason: v.reason === null ? null : String(v.reason),
      signedBy: v.signed_by === null ? [] : (JSON.parse(String(v.signed_by)) as string[]),
      publishedAt: String(v.published_at),
    })),
    requests: requests.map((r) => ({
      residentId: String(r.resident_id),
      text: String(r.text),
      askedAt: String(r.asked_at),
    })),
    signatures: signatures.map((s) => ({
      residentId: String(s.resident_id),
      signedAt: String(s.signed_at),
    })),
  };
}
