// The need read model: service needs a community posted (what, where, when, how many, which
// skills, where from), and each team's claim on them with its status and, when declined, the
// reason the team is told.
import { needEventTypes, parseNeedEvent } from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../../types.ts';

export const needTables = ['vol_needs', 'vol_need_claims'] as const;
export type NeedTable = (typeof needTables)[number];

export const needProjection: Projection<NeedTable> = {
  name: 'team_need',
  version: 1,
  tables: needTables,
  eventTypes: needEventTypes,

  schema: (t) => [
    `CREATE TABLE ${t.vol_needs} (
       need_id TEXT PRIMARY KEY,
       street_id TEXT NOT NULL,
       community_id TEXT NOT NULL,
       title TEXT NOT NULL,
       description TEXT NOT NULL,
       place TEXT NOT NULL,
       starts_at TEXT NOT NULL,
       ends_at TEXT NOT NULL,
       people INTEGER NOT NULL,
       skills TEXT NOT NULL,
       source TEXT NOT NULL,
       taken_by TEXT,
       posted_at TEXT NOT NULL,
       position BIGINT NOT NULL
     )`,
    `CREATE INDEX ${t.vol_needs}_by_street ON ${t.vol_needs} (street_id, position)`,
    `CREATE TABLE ${t.vol_need_claims} (
       need_id TEXT NOT NULL,
       team_id TEXT NOT NULL,
       status TEXT NOT NULL,
       note TEXT,
       reason TEXT,
       claimed_by TEXT NOT NULL,
       position BIGINT NOT NULL,
       PRIMARY KEY (need_id, team_id)
     )`,
    `CREATE INDEX ${t.vol_need_claims}_by_team ON ${t.vol_need_claims} (team_id)`,
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: TableNames<NeedTable>) {
    const event = parseNeedEvent(recorded.type, recorded.data);
    switch (event.type) {
      case 'NeedPosted': {
        const d = event.data;
        await tx.run(
          `INSERT INTO ${t.vol_needs} (need_id, street_id, community_id, title, description, place,
             starts_at, ends_at, people, skills, source, taken_by, posted_at, position)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?) ON CONFLICT (need_id) DO NOTHING`,
          [
            d.needId,
            d.streetId,
            d.communityId,
            d.title,
            d.description,
            d.place,
            d.startsAt,
            d.endsAt,
            d.people,
            JSON.stringify(d.skills),
            JSON.stringify(d.source),
            recorded.metadata.occurredAt,
            recorded.position,
          ],
        );
        return;
      }
      case 'NeedClaimed': {
        const d = event.data;
        await tx.run(
          `INSERT INTO ${t.vol_need_claims}
             (need_id, team_id, status, note, reason, claimed_by, position)
           VALUES (?, ?, 'claimed', ?, NULL, ?, ?) ON CONFLICT (need_id, team_id) DO NOTHING`,
          [d.needId, d.teamId, d.note ?? null, d.claimedBy, recorded.position],
        );
        return;
      }
      case 'NeedClaimAccepted':
        await tx.run(`UPDATE ${t.vol_needs} SET taken_by = ? WHERE need_id = ?`, [
          event.data.teamId,
          event.data.needId,
        ]);
        await tx.run(
          `UPDATE ${t.vol_need_claims} SET status = 'accepted' WHERE need_id = ? AND team_id = ?`,
          [event.data.needId, event.data.teamId],
        );
        return;
      case 'NeedClaimDeclined':
        await tx.run(
          `UPDATE ${t.vol_need_claims} SET status = 'declined', reason = ?
           WHERE need_id = ? AND team_id = ?`,
          [event.data.reason, event.data.needId, event.data.teamId],
        );
        return;
    }
  },
};
