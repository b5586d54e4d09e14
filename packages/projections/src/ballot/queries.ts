// Queries on the ballot read models.
import type { BallotEventData } from '@gongzhi/domain';
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
