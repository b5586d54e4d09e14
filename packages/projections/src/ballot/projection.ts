// The ballot read models: the public bulletin (receipt and choices of every counted ballot, per
// community, never a voter), who has voted (voter, community, how many versions: never the
// choices nor the receipt), and the last tally of each community.
//
// A ballot event's content is sealed (see seal.ts): this projection opens it with the ballot
// key, drops the row of the ballot it replaces and adds its own. No table here joins a voter to a
// receipt or to choices, and the bulletin keeps no time or position that could be matched against
// the voter's stream.
import { parseBallotEvent } from '@gongzhi/domain';
import type { BallotEvent } from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../types.ts';
import type { BallotSeal } from './seal.ts';

export const ballotTables = ['bal_bulletin', 'bal_voters', 'bal_tallies'] as const;
export type BallotTable = (typeof ballotTables)[number];

const projectedTypes = [
  'BallotCast',
  'BallotChanged',
  'PaperBallotCounted',
  'BallotsTallied',
] as const satisfies readonly BallotEvent['type'][];

export function createBallotProjection(seal: BallotSeal): Projection<BallotTable> {
  return {
    name: 'ballot',
    version: 1,
    tables: ballotTables,
    eventTypes: projectedTypes,

    schema: (t) => [
      `CREATE TABLE ${t.bal_bulletin} (
         cycle_id TEXT NOT NULL,
         receipt TEXT NOT NULL,
         community_id TEXT NOT NULL,
         choices TEXT NOT NULL,
         PRIMARY KEY (cycle_id, receipt)
       )`,
      `CREATE INDEX ${t.bal_bulletin}_by_community ON ${t.bal_bulletin} (cycle_id, community_id, receipt)`,
      `CREATE TABLE ${t.bal_voters} (
         cycle_id TEXT NOT NULL,
         voter_id TEXT NOT NULL,
         community_id TEXT NOT NULL,
         versions INTEGER NOT NULL,
         last_at TEXT NOT NULL,
         PRIMARY KEY (cycle_id, voter_id)
       )`,
      `CREATE TABLE ${t.bal_tallies} (
         cycle_id TEXT NOT NULL,
         community_id TEXT NOT NULL,
         revision BIGINT NOT NULL,
         tallied_at TEXT NOT NULL,
         data TEXT NOT NULL,
         PRIMARY KEY (cycle_id, community_id)
       )`,
    ],

    async apply(tx: SqlExecutor, recorded: RecordedEvent, t: TableNames<BallotTable>) {
      const event = parseBallotEvent(recorded.type, recorded.data);
      const at = recorded.metadata.occurredAt;
      switch (event.type) {
        // A counted paper ballot is the voter's ballot like an online one: same rows.
        case 'BallotCast':
        case 'BallotChanged':
        case 'PaperBallotCounted': {
          const { cycleId, communityId, voterId, sealed } = event.data;
          const ballot = seal.open({ cycleId, communityId }, sealed);
          if (ballot.replacesReceipt !== undefined) {
            await tx.run(`DELETE FROM ${t.bal_bulletin} WHERE cycle_id = ? AND receipt = ?`, [
              cycleId,
              ballot.replacesReceipt,
            ]);
          }
          await tx.run(
            `INSERT INTO ${t.bal_bulletin} (cycle_id, receipt, community_id, choices)
             VALUES (?, ?, ?, ?)
             ON CONFLICT (cycle_id, receipt) DO UPDATE SET
               community_id = excluded.community_id, choices = excluded.choices`,
            [cycleId, ballot.receipt, communityId, JSON.stringify(ballot.choices)],
          );
          await tx.run(
            `INSERT INTO ${t.bal_voters} (cycle_id, voter_id, community_id, versions, last_at)
             VALUES (?, ?, ?, 1, ?)
             ON CONFLICT (cycle_id, voter_id) DO UPDATE SET
               community_id = excluded.community_id,
               versions = ${t.bal_voters}.versions + 1,
               last_at = excluded.last_at`,
            [cycleId, voterId, communityId, at],
          );
          return;
        }
        case 'BallotsTallied': {
          const { cycleId, communityId } = event.data;
          await tx.run(
            `INSERT INTO ${t.bal_tallies} (cycle_id, community_id, revision, tallied_at, data)
             VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (cycle_id, community_id) DO UPDATE SET
               revision = excluded.revision, tallied_at = excluded.tallied_at, data = excluded.data`,
            [cycleId, communityId, recorded.revision, at, JSON.stringify(event.data)],
          );
          return;
        }
      }
    },
  };
}
