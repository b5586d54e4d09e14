// The tally read model: each community's last count (a recount replaces it), as the results
// pages read it.
import { parseBallotEvent } from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../../types.ts';

export const ballotTallyTables = ['bal_tallies'] as const;
export type BallotTallyTable = (typeof ballotTallyTables)[number];

export const ballotTallyProjection: Projection<BallotTallyTable> = {
  name: 'ballot_tallies',
  version: 1,
  tables: ballotTallyTables,
  eventTypes: ['BallotsTallied'],

  schema: (t) => [
    `CREATE TABLE ${t.bal_tallies} (
       cycle_id TEXT NOT NULL,
       community_id TEXT NOT NULL,
       revision BIGINT NOT NULL,
       tallied_at TEXT NOT NULL,
       data TEXT NOT NULL,
       PRIMARY KEY (cycle_id, community_id)
     )`,
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: TableNames<BallotTallyTable>) {
    const event = parseBallotEvent(recorded.type, recorded.data);
    if (event.type !== 'BallotsTallied') return;
    const at = recorded.metadata.occurredAt;
    const { cycleId, communityId } = event.data;
    await tx.run(
      `INSERT INTO ${t.bal_tallies} (cycle_id, community_id, revision, tallied_at, data)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (cycle_id, community_id) DO UPDATE SET
         revision = excluded.revision, tallied_at = excluded.tallied_at, data = excluded.data`,
      [cycleId, communityId, recorded.revision, at, JSON.stringify(event.data)],
    );
  },
};
