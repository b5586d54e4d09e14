// Reads of the need read model (projection.ts).
import type { NeedSource } from '@gongzhi/domain';
import type { SqlExecutor, SqlRow } from '../../types.ts';

export interface NeedClaimRow {
  teamId: string;
  status: 'claimed' | 'accepted' | 'declined';
  note: string | null;
  /** Why the claim was declined: the team sees it. */
  reason: string | null;
}

export interface NeedRow {
  needId: string;
  streetId: string;
  communityId: string;
  title: string;
  description: string;
  place: string;
  startsAt: string;
  endsAt: string;
  people: number;
  skills: string[];
  source: NeedSource;
  takenBy: string | null;
  postedAt: string;
  claims: number;
}

const optionalText = (v: unknown) => (v === null || v === undefined ? null : String(v));

const toNeed = (r: SqlRow): NeedRow => ({
  needId: String(r.need_id),
  streetId: String(r.street_id),
  communityId: String(r.community_id),
  title: String(r.title),
  description: String(r.description),
  place: String(r.place),
  startsAt: String(r.starts_at),
  endsAt: String(r.ends_at),
  people: Number(r.people),
  skills: JSON.parse(String(r.skills)) as string[],
  source: JSON.parse(String(r.source)) as NeedSource,
  takenBy: optionalText(r.taken_by),
  postedAt: String(r.posted_at),
  claims: Number(r.claims ?? 0),
});

const NEED_COLUMNS = `n.*, (SELECT COUNT(*) FROM vol_need_claims c WHERE c.need_id = n.need_id) AS claims`;

/** Needs of a street or a community, newest first; `open` leaves out those already given. */
export async function listNeeds(
  db: SqlExecutor,
  filter: { streetId?: string; communityId?: string; open?: boolean },
): Promise<NeedRow[]> {
  const where: string[] = [];
  const params: string[] = [];
  if (filter.communityId) {
    where.push('n.community_id = ?');
    params.push(filter.communityId);
  }
  if (filter.streetId) {
    where.push('n.street_id = ?');
    params.push(filter.streetId);
  }
  if (filter.open) where.push('n.taken_by IS NULL');
  const rows = await db.all(
    `SELECT ${NEED_COLUMNS} FROM vol_needs n
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY n.position DESC LIMIT 100`,
    params,
  );
  return rows.map(toNeed);
}

export async function readNeed(db: SqlExecutor, needId: string): Promise<NeedRow | undefined> {
  const row = await db.get(`SELECT ${NEED_COLUMNS} FROM vol_needs n WHERE n.need_id = ?`, [needId]);
  return row && toNeed(row);
}

/** A need's claims in the order they came. */
export async function listNeedClaims(db: SqlExecutor, needId: string): Promise<NeedClaimRow[]> {
  const rows = await db.all(
    `SELECT team_id, status, note, reason FROM vol_need_claims
     WHERE need_id = ? ORDER BY position`,
    [needId],
  );
  return rows.map((r) => ({
    teamId: String(r.team_id),
    status: String(r.status) as NeedClaimRow['status'],
    note: optionalText(r.note),
    reason: optionalText(r.reason),
  }));
}
