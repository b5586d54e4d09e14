// Queries on the topics read model (projection.ts).
import type { TopicSource, TopicStatus } from '@gongzhi/domain';
import type { SqlExecutor, SqlRow } from '../../types.ts';

export interface TopicView {
  topicId: string;
  communityId: string;
  streetId: string;
  title: string;
  detail: string;
  raisedBy: 'resident' | 'staff';
  authorId: string;
  source: TopicSource;
  sourceRef: string | null;
  status: TopicStatus;
  /** The body it was accepted for. */
  bodyId: string | null;
  /** The note of acceptance, or the reason for merging or declining. */
  reason: string | null;
  intoTopicId: string | null;
  meetingId: string | null;
  itemId: string | null;
  supporters: number;
  raisedAt: string;
  screenedAt: string | null;
}

const text = (value: unknown) => (value === null ? null : String(value));

const toTopic = (row: SqlRow): TopicView => ({
  topicId: String(row.topic_id),
  communityId: String(row.community_id),
  streetId: String(row.street_id),
  title: String(row.title),
  detail: String(row.detail),
  raisedBy: String(row.raised_by) as TopicView['raisedBy'],
  authorId: String(row.author_id),
  source: String(row.source) as TopicSource,
  sourceRef: text(row.source_ref),
  status: String(row.status) as TopicStatus,
  bodyId: text(row.body_id),
  reason: text(row.reason),
  intoTopicId: text(row.into_topic_id),
  meetingId: text(row.meeting_id),
  itemId: text(row.item_id),
  supporters: Number(row.supporters),
  raisedAt: String(row.raised_at),
  screenedAt: text(row.screened_at),
});

/** A community's topics, latest first. */
export async function listTopics(db: SqlExecutor, communityId: string): Promise<TopicView[]> {
  const rows = await db.all(
    `SELECT * FROM mtg_topics WHERE community_id = ? ORDER BY position DESC`,
    [communityId],
  );
  return rows.map(toTopic);
}

/** The topics a resident raised, latest first. */
export async function listTopicsByAuthor(db: SqlExecutor, authorId: string): Promise<TopicView[]> {
  const rows = await db.all(
    `SELECT * FROM mtg_topics WHERE author_id = ? AND raised_by = 'resident' ORDER BY position DESC`,
    [authorId],
  );
  return rows.map(toTopic);
}

/** The topics on a meeting's agenda. */
export async function listTopicsOfMeeting(
  db: SqlExecutor,
  meetingId: string,
): Promise<TopicView[]> {
  const rows = await db.all(`SELECT * FROM mtg_topics WHERE meeting_id = ? ORDER BY position`, [
    meetingId,
  ]);
  return rows.map(toTopic);
}

export async function readTopic(db: SqlExecutor, topicId: string): Promise<TopicView | undefined> {
  const row = await db.get(`SELECT * FROM mtg_topics WHERE topic_id = ?`, [topicId]);
  return row && toTopic(row);
}

/** Whether the resident supports the topic. */
export async function supportsTopic(
  db: SqlExecutor,
  topicId: string,
  residentId: string,
): Promise<boolean> {
  const row = await db.get(
    `SELECT 1 AS yes FROM mtg_topic_supporters WHERE topic_id = ? AND resident_id = ?`,
    [topicId, residentId],
  );
  return row !== undefined;
}

/** The residents supporting a topic (ids), for telling them what became of it. */
export async function listTopicSupporters(db: SqlExecutor, topicId: string): Promise<string[]> {
  const rows = await db.all(
    `SELECT resident_id FROM mtg_topic_supporters WHERE topic_id = ? ORDER BY resident_id`,
    [topicId],
  );
  return rows.map((row) => String(row.resident_id));
}
