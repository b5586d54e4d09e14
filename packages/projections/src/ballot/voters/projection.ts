// The voter read model: who has voted in a cycle, in which community, how many versions and when
// last; never the choices nor the receipt. It reads no sealed content.
import { parseBallotEvent } from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../../types.ts';
import { ballotRecordedTypes } from '../projection.ts';

export const ballotVoterTables = ['bal_voters'] as const;
export type BallotVoterTable = (typeof ballotVoterTables)[number];

export const ballotVoterProjection: Projection<BallotVoterTable> = {
  name: 'ballot_voters',
  version: 1,
  tables: ballotVoterTables,
  eventTypes: ballotRecordedTypes,

  schema: (t) => [
    `CREATE TABLE ${t.bal_voters} (
       cycle_id TEXT NOT NULL,
       voter_id TEXT NOT NULL,
       community_id TEXT NOT NULL,
       versions INTEGER NOT NULL,
       last_at TEXT NOT NULL,
       PRIMARY KEY (cycle_id, voter_id)
     )`,
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: TableNames<BallotVoterTable>) {
    const event = parseBallotEvent(recorded.type, recorded.data);
    switch (event.type) {
      case 'BallotCast':
      case 'BallotChanged':
      case 'PaperBallotCounted': {
        const { cycleId, communityId, voterId } = event.data;
        const at = recorded.metadata.occurredAt;
        await tx.run(
          `INSERT INTO ${t.bal_voters} (cycle_id, voter_id, community_id, versions, last_at)
           VALUES (?, ?, ?, 1, ?)
           ON CONFLICT (cycle_id, voter_id) DO UPDATE SET
             community_id = excluded.community_id,
             versions = ${t.bal_voters}.versions + 1,
             last_at = excluded.last_at`,
          [cycleId, voterId, communityId, at],
        );
      }
    }
  },
};
