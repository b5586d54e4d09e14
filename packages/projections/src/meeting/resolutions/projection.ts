// The resolutions read model (落实反馈): each adopted motion's owner, due day, progress reports and
// report back, by meeting, topic, community and street (for the overdue lists of dashboards).
import { parseResolutionEvent, resolutionEventTypes } from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../../types.ts';

export const resolutionTables = ['mtg_resolutions', 'mtg_resolution_progress'] as const;
export type ResolutionTable = (typeof resolutionTables)[number];

export const resolutionProjection: Projection<ResolutionTable> = {
  name: 'meeting_resolutions',
  // 2: community_id may be null (the meetings of a street's body).
  version: 2,
  tables: resolutionTables,
  eventTypes: resolutionEventTypes,

  schema: (t) => [
    `CREATE TABLE ${t.mtg_resolutions} (
       resolution_id TEXT PRIMARY KEY,
       meeting_id TEXT NOT NULL,
       motion_id TEXT NOT NULL,
       community_id TEXT,
       street_id TEXT NOT NULL,
       text TEXT NOT NULL,
       owner TEXT NOT NULL,
       due_on TEXT NOT NULL,
       topic_id TEXT,
       link TEXT,
       status TEXT NOT NULL,
       report TEXT,
       closed_on TEXT,
       late INTEGER NOT NULL,
       position BIGINT NOT NULL
     )`,
    `CREATE INDEX ${t.mtg_resolutions}_by_meeting ON ${t.mtg_resolutions} (meeting_id)`,
    `CREATE INDEX ${t.mtg_resolutions}_by_topic ON ${t.mtg_resolutions} (topic_id)`,
    `CREATE INDEX ${t.mtg_resolutions}_open ON ${t.mtg_resolutions} (street_id, community_id, status, due_on)`,
    `CREATE TABLE ${t.mtg_resolution_progress} (
       resolution_id TEXT NOT NULL,
       position BIGINT NOT NULL,
       on_day TEXT NOT NULL,
       text TEXT NOT NULL,
       PRIMARY KEY (resolution_id, position)
     )`,
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: TableNames<ResolutionTable>) {
    const event = parseResolutionEvent(recorded.type, recorded.data);
    switch (event.type) {
      case 'ResolutionAssigned': {
        const d = event.data;
        await tx.run(
          `INSERT INTO ${t.mtg_resolutions}
             (resolution_id, meeting_id, motion_id, community_id, street_id, text, owner, due_on,
              topic_id, link, status, late, position)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', 0, ?)
           ON CONFLICT (resolution_id) DO NOTHING`,
          [
            d.resolutionId,
            d.meetingId,
            d.motionId,
            d.communityId,
            d.streetId,
            d.text,
            d.owner,
            d.dueOn,
            d.topicId,
            d.link === null ? null : JSON.stringify(d.link),
            recorded.position,
          ],
        );
        return;
      }
      case 'ResolutionProgressReported':
        await tx.run(
          `INSERT INTO ${t.mtg_resolution_progress} (resolution_id, position, on_day, text)
           VALUES (?, ?, ?, ?) ON CONFLICT (resolution_id, position) DO NOTHING`,
          [event.data.resolutionId, recorded.position, event.data.on, event.data.text],
        );
        return;
      case 'ResolutionClosed':
        await tx.run(
          `UPDATE ${t.mtg_resolutions}
           SET status = 'closed', report = ?, closed_on = ?, late = ? WHERE resolution_id = ?`,
          [event.data.report, event.data.on, event.data.late ? 1 : 0, event.data.resolutionId],
        );
        return;
    }
  },
};
