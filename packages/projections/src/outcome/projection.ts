// The outcome read model: every objection (异议) to a cycle's selection with its answer, for the
// public notice page (公示), the staff who answer them, the count of unanswered ones that
// confirming the cycle needs, and the projects that upheld objections took out of a count.
import { parseOutcomeEvent, outcomeEventTypes } from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../types.ts';

export const outcomeTables = ['out_objections'] as const;
export type OutcomeTable = (typeof outcomeTables)[number];

export const outcomeProjection: Projection<OutcomeTable> = {
  name: 'outcome',
  version: 1,
  tables: outcomeTables,
  eventTypes: outcomeEventTypes,

  schema: (t) => [
    `CREATE TABLE ${t.out_objections} (
       objection_id TEXT PRIMARY KEY,
       cycle_id TEXT NOT NULL,
       community_id TEXT NOT NULL,
       proposal_id TEXT,
       text TEXT NOT NULL,
       photos TEXT NOT NULL,
       filed_by TEXT NOT NULL,
       filed_at TEXT NOT NULL,
       position BIGINT NOT NULL,
       status TEXT NOT NULL,
       answer_reason TEXT,
       answered_by TEXT,
       answered_at TEXT,
       consequence TEXT
     )`,
    `CREATE INDEX ${t.out_objections}_by_cycle ON ${t.out_objections} (cycle_id, community_id, position)`,
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: TableNames<OutcomeTable>) {
    const event = parseOutcomeEvent(recorded.type, recorded.data);
    const at = recorded.metadata.occurredAt;
    switch (event.type) {
      case 'ObjectionFiled': {
        const { objectionId, cycleId, communityId, target, text, photos, filedBy } = event.data;
        await tx.run(
          `INSERT INTO ${t.out_objections}
             (objection_id, cycle_id, community_id, proposal_id, text, photos, filed_by, filed_at,
              position, status)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'filed')
           ON CONFLICT (objection_id) DO NOTHING`,
          [
            objectionId,
            cycleId,
            communityId,
            target.kind === 'project' ? target.proposalId : null,
            text,
            JSON.stringify(photos),
            filedBy,
            at,
            recorded.position,
          ],
        );
        return;
      }
      case 'ObjectionUpheld':
      case 'ObjectionDismissed': {
        const { objectionId, reason, answeredBy } = event.data;
        const upheld = event.type === 'ObjectionUpheld';
        await tx.run(
          `UPDATE ${t.out_objections}
           SET status = ?, answer_reason = ?, answered_by = ?, answered_at = ?, consequence = ?
           WHERE objection_id = ?`,
          [
            upheld ? 'upheld' : 'dismissed',
            reason,
            answeredBy,
            at,
            upheld ? JSON.stringify(event.data.consequence) : null,
            objectionId,
          ],
        );
        return;
      }
    }
  },
};
