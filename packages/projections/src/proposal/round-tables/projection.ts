// The round-table read model: the neighbourhood round-tables of a community's screening, with the
// decisions each took (admitted to the pool, rejected, returned for revision) and the proposals'
// current titles for those decisions' lines.
import { describeProposalEvent, parseProposalEvent } from '@gongzhi/domain';
import type { ProposalEventType } from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../../types.ts';

export const roundTableTables = [
  'prop_round_tables',
  'prop_round_table_decisions',
  'prop_round_table_titles',
] as const;

export type RoundTableTable = (typeof roundTableTables)[number];

const projectedTypes = [
  'RoundTableHeld',
  'ProposalSubmitted',
  'ProposalEdited',
  'ProposalResubmitted',
  'ProposalAdmittedToPool',
  'ProposalRejectedAtRoundTable',
  'ProposalReturnedForRevision',
] as const satisfies readonly ProposalEventType[];

export const roundTableProjection: Projection<RoundTableTable> = {
  name: 'round_tables',
  version: 1,
  tables: roundTableTables,
  eventTypes: projectedTypes,

  schema: (t) => [
    `CREATE TABLE ${t.prop_round_tables} (
       round_table_id TEXT PRIMARY KEY,
       cycle_id TEXT NOT NULL,
       street_id TEXT NOT NULL,
       community_id TEXT NOT NULL,
       date TEXT NOT NULL,
       attendees TEXT NOT NULL,
       notes TEXT,
       held_position BIGINT NOT NULL,
       recorded_at TEXT NOT NULL
     )`,
    `CREATE INDEX ${t.prop_round_tables}_by_cycle ON ${t.prop_round_tables} (cycle_id, community_id, held_position)`,
    `CREATE TABLE ${t.prop_round_table_decisions} (
       round_table_id TEXT NOT NULL,
       position BIGINT NOT NULL,
       proposal_id TEXT NOT NULL,
       type TEXT NOT NULL,
       summary_zh TEXT NOT NULL,
       summary_en TEXT NOT NULL,
       PRIMARY KEY (round_table_id, position)
     )`,
    `CREATE TABLE ${t.prop_round_table_titles} (
       proposal_id TEXT PRIMARY KEY,
       title TEXT NOT NULL
     )`,
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: TableNames<RoundTableTable>) {
    const event = parseProposalEvent(recorded.type, recorded.data);
    switch (event.type) {
      case 'RoundTableHeld': {
        const d = event.data;
        await tx.run(
          `INSERT INTO ${t.prop_round_tables}
             (round_table_id, cycle_id, street_id, community_id, date, attendees, notes,
              held_position, recorded_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (round_table_id) DO NOTHING`,
          [
            d.roundTableId,
            d.cycleId,
            d.streetId,
            d.communityId,
            d.date,
            JSON.stringify(d.attendees),
            d.notes ?? null,
            recorded.position,
            recorded.metadata.occurredAt,
          ],
        );
        return;
      }
      case 'ProposalSubmitted':
        await tx.run(
          `INSERT INTO ${t.prop_round_table_titles} (proposal_id, title) VALUES (?, ?)
           ON CONFLICT (proposal_id) DO NOTHING`,
          [event.data.proposalId, event.data.title],
        );
        return;
      case 'ProposalEdited':
      case 'ProposalResubmitted':
        if (event.data.changes.title === undefined) return;
        await tx.run(`UPDATE ${t.prop_round_table_titles} SET title = ? WHERE proposal_id = ?`, [
          event.data.changes.title,
          event.data.proposalId,
        ]);
        return;
      case 'ProposalAdmittedToPool':
      case 'ProposalRejectedAtRoundTable':
      case 'ProposalReturnedForRevision': {
        const summary = describeProposalEvent(event);
        await tx.run(
          `INSERT INTO ${t.prop_round_table_decisions}
             (round_table_id, position, proposal_id, type, summary_zh, summary_en)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (round_table_id, position) DO NOTHING`,
          [
            event.data.roundTableId,
            recorded.position,
            event.data.proposalId,
            event.type,
            summary['zh-CN'],
            summary.en,
          ],
        );
        return;
      }
    }
  },
};
