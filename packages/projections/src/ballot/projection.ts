// The bulletin read model: the receipt and choices of every counted ballot, per community, never
// a voter. Who has voted (voters/) and each community's last count (tallies/) are read models of
// their own, so no table joins a voter to a receipt or to choices.
//
// A ballot event's content is sealed (see seal.ts): this projection opens it with the ballot
// key, drops the row of the ballot it replaces and adds its own. The bulletin keeps no time or
// position that could be matched against the voter's stream.
import { parseBallotEvent } from '@gongzhi/domain';
import type { BallotEvent } from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../types.ts';
import type { BallotSeal } from './seal.ts';

export const ballotTables = ['bal_bulletin'] as const;
export type BallotTable = (typeof ballotTables)[number];

/** The events that record a voter's ballot; a counted paper ballot is one like an online one. */
export const ballotRecordedTypes = [
  'BallotCast',
  'BallotChanged',
  'PaperBallotCounted',
] as const satisfies readonly BallotEvent['type'][];

export function createBallotProjection(seal: BallotSeal): Projection<BallotTable> {
  return {
    name: 'ballot',
    // 2: who voted and the tallies went to read models of their own.
    version: 2,
    tables: ballotTables,
    eventTypes: ballotRecordedTypes,

    schema: (t) => [
      `CREATE TABLE ${t.bal_bulletin} (
         cycle_id TEXT NOT NULL,
         receipt TEXT NOT NULL,
         community_id TEXT NOT NULL,
         choices TEXT NOT NULL,
         PRIMARY KEY (cycle_id, receipt)
       )`,
      `CREATE INDEX ${t.bal_bulletin}_by_community ON ${t.bal_bulletin} (cycle_id, community_id, receipt)`,
    ],

    async apply(tx: SqlExecutor, recorded: RecordedEvent, t: TableNames<BallotTable>) {
      const event = parseBallotEvent(recorded.type, recorded.data);
      switch (event.type) {
        case 'BallotCast':
        case 'BallotChanged':
        case 'PaperBallotCounted': {
          const { cycleId, communityId, sealed } = event.data;
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
          return;
        }
      }
    },
  };
}
