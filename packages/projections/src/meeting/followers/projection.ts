// The body followers read model (关注议事机构): which residents follow which body, by id only, so
// that a page can show a resident whether they follow each body. Pages never count or name
// followers. A forgotten resident's follows go.
import { bodyFollowEventTypes, parseBodyFollowEvent, parseResidentEvent } from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../../types.ts';

export const bodyFollowerTables = ['mtg_body_followers'] as const;
export type BodyFollowerTable = (typeof bodyFollowerTables)[number];

export const bodyFollowerProjection: Projection<BodyFollowerTable> = {
  name: 'meeting_followers',
  version: 1,
  tables: bodyFollowerTables,
  eventTypes: [...bodyFollowEventTypes, 'ResidentForgotten'],

  schema: (t) => [
    `CREATE TABLE ${t.mtg_body_followers} (
       body_id TEXT NOT NULL,
       resident_id TEXT NOT NULL,
       PRIMARY KEY (body_id, resident_id)
     )`,
    `CREATE INDEX ${t.mtg_body_followers}_by_resident ON ${t.mtg_body_followers} (resident_id)`,
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: TableNames<BodyFollowerTable>) {
    if (recorded.type === 'ResidentForgotten') {
      const { residentId } = parseResidentEvent(recorded.type, recorded.data).data;
      await tx.run(`DELETE FROM ${t.mtg_body_followers} WHERE resident_id = ?`, [residentId]);
      return;
    }
    const event = parseBodyFollowEvent(recorded.type, recorded.data);
    const { bodyId, residentId } = event.data;
    if (event.type === 'BodyFollowed') {
      await tx.run(
        `INSERT INTO ${t.mtg_body_followers} (body_id, resident_id) VALUES (?, ?)
         ON CONFLICT (body_id, resident_id) DO NOTHING`,
        [bodyId, residentId],
      );
      return;
    }
    await tx.run(`DELETE FROM ${t.mtg_body_followers} WHERE body_id = ? AND resident_id = ?`, [
      bodyId,
      residentId,
    ]);
  },
};
