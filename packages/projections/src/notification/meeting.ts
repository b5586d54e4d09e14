// The meeting module's notices (议事协商), for the notification projection: a meeting's roster
// and its body's followers (`ntf_meeting_followers`) hear of its notice; a topic's author and supporters hear what became of it (accepted, merged,
// declined with the reason, on an agenda) and of the report back once the decision on it is
// carried out. Keeps what those notices need: each topic's title, resident author and
// supporters (`ntf_meeting_topics`), and each resolution's topic (`ntf_meeting_resolutions`).
import {
  bodyFollowEventTypes,
  conveningNotice,
  parseBodyFollowEvent,
  parseMeetingEvent,
  parseResolutionEvent,
  parseTopicEvent,
  resolutionNotice,
  topicNotice,
  type MeetingNotice,
  type TopicFacts,
} from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { SqlExecutor } from '../types.ts';

export const meetingNoticeTypes = [
  'MeetingConvened',
  'TopicRaised',
  'TopicSupported',
  'TopicAccepted',
  'TopicMerged',
  'TopicDeclined',
  'TopicScheduled',
  'ResolutionAssigned',
  'ResolutionClosed',
  ...bodyFollowEventTypes,
] as const;

export const meetingNoticeTables = [
  'ntf_meeting_topics',
  'ntf_meeting_resolutions',
  'ntf_meeting_followers',
] as const;

type Tables = Record<(typeof meetingNoticeTables)[number], string>;

export const meetingNoticeSchema = (t: Tables) => [
  `CREATE TABLE ${t.ntf_meeting_topics} (
     topic_id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     author_id TEXT,
     supporters TEXT NOT NULL
   )`,
  `CREATE TABLE ${t.ntf_meeting_resolutions} (
     resolution_id TEXT PRIMARY KEY,
     topic_id TEXT NOT NULL
   )`,
  `CREATE TABLE ${t.ntf_meeting_followers} (
     body_id TEXT NOT NULL,
     resident_id TEXT NOT NULL,
     PRIMARY KEY (body_id, resident_id)
   )`,
];

type Tell = (notice: MeetingNotice & { cause: string }) => Promise<void>;

async function topicFacts(tx: SqlExecutor, t: Tables, topicId: string) {
  const row = await tx.get<{ title: string; author_id: string | null; supporters: string }>(
    `SELECT title, author_id, supporters FROM ${t.ntf_meeting_topics} WHERE topic_id = ?`,
    [topicId],
  );
  if (!row) return undefined;
  return {
    title: String(row.title),
    authorId: row.author_id === null ? null : String(row.author_id),
    supporters: JSON.parse(String(row.supporters)) as string[],
  } satisfies TopicFacts;
}

export async function applyMeetingNotice(
  tx: SqlExecutor,
  t: Tables,
  recorded: RecordedEvent,
  tell: Tell,
): Promise<void> {
  const cause = recorded.type;
  if (cause === 'MeetingConvened') {
    const event = parseMeetingEvent(cause, recorded.data);
    if (event.type !== 'MeetingConvened') return;
    const followers = await tx.all<{ resident_id: string }>(
      `SELECT resident_id FROM ${t.ntf_meeting_followers} WHERE body_id = ? ORDER BY resident_id`,
      [event.data.bodyId],
    );
    const ids = followers.map((f) => String(f.resident_id));
    await tell({ cause, ...conveningNotice(event, ids) });
    return;
  }
  if (cause === 'BodyFollowed' || cause === 'BodyUnfollowed') {
    const { type, data } = parseBodyFollowEvent(cause, recorded.data);
    await tx.run(
      type === 'BodyFollowed'
        ? `INSERT INTO ${t.ntf_meeting_followers} (body_id, resident_id) VALUES (?, ?)
           ON CONFLICT (body_id, resident_id) DO NOTHING`
        : `DELETE FROM ${t.ntf_meeting_followers} WHERE body_id = ? AND resident_id = ?`,
      [data.bodyId, data.residentId],
    );
    return;
  }
  if (cause === 'ResolutionAssigned' || cause === 'ResolutionClosed') {
    const event = parseResolutionEvent(cause, recorded.data);
    if (event.type === 'ResolutionAssigned') {
      if (event.data.topicId === null) return;
      await tx.run(
        `INSERT INTO ${t.ntf_meeting_resolutions} (resolution_id, topic_id) VALUES (?, ?)
         ON CONFLICT (resolution_id) DO NOTHING`,
        [event.data.resolutionId, event.data.topicId],
      );
      return;
    }
    if (event.type !== 'ResolutionClosed') return;
    const row = await tx.get<{ topic_id: string }>(
      `SELECT topic_id FROM ${t.ntf_meeting_resolutions} WHERE resolution_id = ?`,
      [event.data.resolutionId],
    );
    const topic = row && (await topicFacts(tx, t, String(row.topic_id)));
    if (row && topic)
      await tell({ cause, ...resolutionNotice(event, String(row.topic_id), topic) });
    return;
  }
  const event = parseTopicEvent(cause, recorded.data);
  if (event.type === 'TopicRaised') {
    const { topicId, title, raisedBy, authorId } = event.data;
    await tx.run(
      `INSERT INTO ${t.ntf_meeting_topics} (topic_id, title, author_id, supporters)
       VALUES (?, ?, ?, '[]') ON CONFLICT (topic_id) DO NOTHING`,
      [topicId, title, raisedBy === 'resident' ? authorId : null],
    );
    return;
  }
  const topic = await topicFacts(tx, t, event.data.topicId);
  if (!topic) return;
  if (event.type === 'TopicSupported') {
    const supporters = [...new Set([...topic.supporters, event.data.residentId])];
    await tx.run(`UPDATE ${t.ntf_meeting_topics} SET supporters = ? WHERE topic_id = ?`, [
      JSON.stringify(supporters),
      event.data.topicId,
    ]);
    return;
  }
  const notice = topicNotice(event, topic);
  if (notice) await tell({ cause, ...notice });
}
