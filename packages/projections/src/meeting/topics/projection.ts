// The topics read model (议题): each topic with where it came from, its screening (accepted for a
// body, merged, declined with the reason its author sees) and the meeting it went on, and who
// supports it. Authors and supporters are kept by id only.
import { parseTopicEvent, topicEventTypes } from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../../types.ts';

export const topicTables = ['mtg_topics', 'mtg_topic_supporters'] as const;
export type TopicTable = (typeof topicTables)[number];

export const topicProjection: Projection<TopicTable> = {
  name: 'meeting_topics',
  version: 1,
  tables: topicTables,
  eventTypes: topicEventTypes,

  schema: (t) => [
    `CREATE TABLE ${t.mtg_topics} (
       topic_id TEXT PRIMARY KEY,
       community_id TEXT NOT NULL,
       street_id TEXT NOT NULL,
       title TEXT NOT NULL,
       detail TEXT NOT NULL,
       raised_by TEXT NOT NULL,
       author_id TEXT NOT NULL,
       source TEXT NOT NULL,
       source_ref TEXT,
       status TEXT NOT NULL,
       body_id TEXT,
       reason TEXT,
       into_topic_id TEXT,
       meeting_id TEXT,
       item_id TEXT,
       supporters INTEGER NOT NULL,
       raised_at TEXT NOT NULL,
       screened_at TEXT,
       position BIGINT NOT NULL
     )`,
    `CREATE INDEX ${t.mtg_topics}_by_community ON ${t.mtg_topics} (community_id, position)`,
    `CREATE INDEX ${t.mtg_topics}_by_author ON ${t.mtg_topics} (author_id, position)`,
    `CREATE INDEX ${t.mtg_topics}_by_meeting ON ${t.mtg_topics} (meeting_id)`,
    `CREATE TABLE ${t.mtg_topic_supporters} (
       topic_id TEXT NOT NULL,
       resident_id TEXT NOT NULL,
       PRIMARY KEY (topic_id, resident_id)
     )`,
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: TableNames<TopicTable>) {
    const event = parseTopicEvent(recorded.type, recorded.data);
    const at = recorded.metadata.occurredAt;
    switch (event.type) {
      case 'TopicRaised': {
        const d = event.data;
        await tx.run(
          `INSERT INTO ${t.mtg_topics}
             (topic_id, community_id, street_id, title, detail, raised_by, author_id, source,
              source_ref, status, supporters, raised_at, position)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'raised', 0, ?, ?) ON CONFLICT (topic_id) DO NOTHING`,
          [
            d.topicId,
            d.communityId,
            d.streetId,
            d.title,
            d.detail,
            d.raisedBy,
            d.authorId,
            d.source,
            d.sourceRef,
            at,
            recorded.position,
          ],
        );
        return;
      }
      case 'TopicSupported': {
        const { topicId, residentId } = event.data;
        await tx.run(
          `INSERT INTO ${t.mtg_topic_supporters} (topic_id, resident_id) VALUES (?, ?)
           ON CONFLICT (topic_id, resident_id) DO NOTHING`,
          [topicId, residentId],
        );
        await tx.run(
          `UPDATE ${t.mtg_topics} SET supporters =
             (SELECT COUNT(*) FROM ${t.mtg_topic_supporters} WHERE topic_id = ?)
           WHERE topic_id = ?`,
          [topicId, topicId],
        );
        return;
      }
      case 'TopicAccepted':
        await tx.run(
          `UPDATE ${t.mtg_topics} SET status = 'accepted', body_id = ?, reason = ?, screened_at = ?
           WHERE topic_id = ?`,
          [event.data.bodyId, event.data.note, at, event.data.topicId],
        );
        return;
      case 'TopicMerged':
        await tx.run(
          `UPDATE ${t.mtg_topics}
           SET status = 'merged', into_topic_id = ?, reason = ?, screened_at = ? WHERE topic_id = ?`,
          [event.data.intoTopicId, event.data.reason, at, event.data.topicId],
        );
        return;
      case 'TopicDeclined':
        await tx.run(
          `UPDATE ${t.mtg_topics} SET status = 'declined', reason = ?, screened_at = ?
           WHERE topic_id = ?`,
          [event.data.reason, at, event.data.topicId],
        );
        return;
      case 'TopicScheduled':
        await tx.run(
          `UPDATE ${t.mtg_topics} SET status = 'scheduled', meeting_id = ?, item_id = ?
           WHERE topic_id = ?`,
          [event.data.meetingId, event.data.itemId, event.data.topicId],
        );
        return;
    }
  },
};
