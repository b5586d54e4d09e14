// Reads of the bulletin read model.
import type { SqlExecutor } from '../types.ts';

export interface BulletinRow {
  receipt: string;
  /** Proposal ids, as the voter chose them. */
  choices: string[];
}

/** Every counted ballot of a community, by receipt (an order that says nothing about time). */
export async function listBulletin(
  db: SqlExecutor,
  query: { cycleId: string; communityId: string },
): Promise<BulletinRow[]> {
  const rows = await db.all(
    `SELECT receipt, choices FROM bal_bulletin
     WHERE cycle_id = ? AND community_id = ? ORDER BY receipt`,
    [query.cycleId, query.communityId],
  );
  return rows.map((r) => ({
    receipt: String(r.receipt),
    choices: JSON.parse(String(r.choices)) as string[],
  }));
}

/** The bulletin row of a receipt, if that ballot counts (a replaced one no longer does). */
export async function findReceipt(
  db: SqlExecutor,
  query: { cycleId: string; receipt: string },
): Promise<(BulletinRow & { communityId: string }) | undefined> {
  const row = await db.get(
    `SELECT receipt, community_id, choices FROM bal_bulletin WHERE cycle_id = ? AND receipt = ?`,
    [query.cycleId, query.receipt],
  );
  return (
    row && {
      receipt: String(row.receipt),
      communityId: String(row.community_id),
      choices: JSON.parse(String(row.choices)) as string[],
    }
  );
}

/** Ballots counted per community of a cycle. */
export async function countBallots(
  db: SqlExecutor,
  cycleId: string,
): Promise<{ communityId: string; ballots: number }[]> {
  const rows = await db.all(
    `SELECT community_id, COUNT(*) AS n FROM bal_bulletin WHERE cycle_id = ?
     GROUP BY community_id ORDER BY community_id`,
    [cycleId],
  );
  return rows.map((r) => ({ communityId: String(r.community_id), ballots: Number(r.n) }));
}
