// Queries on the outcome read model (projection.ts).
import type { ObjectionConsequence, Photo } from '@gongzhi/domain';
import type { SqlExecutor, SqlRow, SqlValue } from '../types.ts';

export type ObjectionStatus = 'filed' | 'upheld' | 'dismissed';

export interface ObjectionView {
  objectionId: string;
  cycleId: string;
  communityId: string;
  /** The pool project objected to; null for an objection to the count. */
  proposalId: string | null;
  text: string;
  photos: Photo[];
  filedBy: string;
  filedAt: string;
  status: ObjectionStatus;
  answer: {
    reason: string;
    answeredBy: string;
    answeredAt: string;
    consequence: ObjectionConsequence | null;
  } | null;
}

const toView = (row: SqlRow): ObjectionView => ({
  objectionId: String(row.objection_id),
  cycleId: String(row.cycle_id),
  communityId: String(row.community_id),
  proposalId: row.proposal_id === null ? null : String(row.proposal_id),
  text: String(row.text),
  photos: JSON.parse(String(row.photos)) as Photo[],
  filedBy: String(row.filed_by),
  filedAt: String(row.filed_at),
  status: String(row.status) as ObjectionStatus,
  answer:
    row.answered_at === null
      ? null
      : {
          reason: String(row.answer_reason),
          answeredBy: String(row.answered_by),
          answeredAt: String(row.answered_at),
          consequence:
            row.consequence === null
              ? null
              : (JSON.parse(String(row.consequence)) as ObjectionConsequence),
        },
});

/** The objections of a cycle (of one community, or of given status), oldest first. */
export async function listObjections(
  db: SqlExecutor,
  query: { cycleId: string; communityId?: string; status?: ObjectionStatus },
): Promise<ObjectionView[]> {
  const where = ['cycle_id = ?'];
  const params: SqlValue[] = [query.cycleId];
  if (query.communityId !== undefined) {
    where.push('community_id = ?');
    params.push(query.communityId);
  }
  if (query.status !== undefined) {
    where.push('status = ?');
    params.push(query.status);
  }
  const rows = await db.all(
    `SELECT * FROM out_objections WHERE ${where.join(' AND ')} ORDER BY position`,
    params,
  );
  return rows.map(toView);
}

export async function readObjection(
  db: SqlExecutor,
  objectionId: string,
): Promise<ObjectionView | undefined> {
  const row = await db.get(`SELECT * FROM out_objections WHERE objection_id = ?`, [objectionId]);
  return row && toView(row);
}

/** How many objections of the cycle have no answer yet. */
export async function countUnansweredObjections(db: SqlExecutor, cycleId: string) {
  const row = await db.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM out_objections WHERE cycle_id = ? AND status = 'filed'`,
    [cycleId],
  );
  return Number(row?.n ?? 0);
}

/** The objections not answered yet in some communities, whatever their cycle. */
export async function listUnansweredObjections(
  db: SqlExecutor,
  communityIds: readonly string[],
): Promise<{ objectionId: string; cycleId: string; communityId: string; filedAt: string }[]> {
  if (communityIds.length === 0) return [];
  const rows = await db.all(
    `SELECT objection_id, cycle_id, community_id, filed_at FROM out_objections
     WHERE status = 'filed' AND community_id IN (${communityIds.map(() => '?').join(', ')})
     ORDER BY position`,
    [...communityIds],
  );
  return rows.map((r) => ({
    objectionId: String(r.objection_id),
    cycleId: String(r.cycle_id),
    communityId: String(r.community_id),
    filedAt: String(r.filed_at),
  }));
}

/** The pool projects of a community that upheld objections took out of its count. */
export async function listExcludedProjects(
  db: SqlExecutor,
  query: { cycleId: string; communityId: string },
): Promise<string[]> {
  const rows = await db.all<{ proposal_id: string }>(
    `SELECT DISTINCT proposal_id FROM out_objections
     WHERE cycle_id = ? AND community_id = ? AND status = 'upheld' AND proposal_id IS NOT NULL
     ORDER BY proposal_id`,
    [query.cycleId, query.communityId],
  );
  return rows.map((r) => r.proposal_id);
}
