// Reads of the tally read model: each community's last count.
import type { BallotEventData } from '@gongzhi/domain';
import type { SqlExecutor } from '../../types.ts';

export interface TallyRecord {
  tally: BallotEventData<'BallotsTallied'>;
  /** Revision of the tally stream: 0 for the first count, more after recounts. */
  revision: number;
  talliedAt: string;
}

export async function readTally(
  db: SqlExecutor,
  query: { cycleId: string; communityId: string },
): Promise<TallyRecord | undefined> {
  const row = await db.get(
    `SELECT revision, tallied_at, data FROM bal_tallies WHERE cycle_id = ? AND community_id = ?`,
    [query.cycleId, query.communityId],
  );
  return (
    row && {
      tally: JSON.parse(String(row.data)) as BallotEventData<'BallotsTallied'>,
      revision: Number(row.revision),
      talliedAt: String(row.tallied_at),
    }
  );
}
