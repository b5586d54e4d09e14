// Reads of the voter read model: whether someone voted, never how.
import type { SqlExecutor } from '../../types.ts';

export interface VoterRecord {
  communityId: string;
  /** 1 for a ballot never changed. */
  versions: number;
  lastAt: string;
}

/** Whether a resident has voted in a cycle, where, and when last; never how. */
export async function readVoter(
  db: SqlExecutor,
  query: { cycleId: string; voterId: string },
): Promise<VoterRecord | undefined> {
  const row = await db.get(
    `SELECT community_id, versions, last_at FROM bal_voters WHERE cycle_id = ? AND voter_id = ?`,
    [query.cycleId, query.voterId],
  );
  return (
    row && {
      communityId: String(row.community_id),
      versions: Number(row.versions),
      lastAt: String(row.last_at),
    }
  );
}
