// Queries on the body followers read model (projection.ts).
import type { SqlExecutor } from '../../types.ts';

/** The bodies the resident follows. */
export async function listFollowedBodies(
  db: SqlExecutor,
  residentId: string,
): Promise<Set<string>> {
  const rows = await db.all<{ body_id: string }>(
    `SELECT body_id FROM mtg_body_followers WHERE resident_id = ?`,
    [residentId],
  );
  return new Set(rows.map((row) => String(row.body_id)));
}
