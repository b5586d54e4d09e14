// What the topic pages read. The public sees a topic's title, detail, where it came from, its
// screening with the reason, its meeting and how many support it — never who raised or supports it.
import {
  listTopics,
  listTopicsByAuthor,
  readTopic,
  supportsTopic,
  type TopicView,
} from '@gongzhi/projections/meeting';
import { listResolutionsOfTopic, readMeeting } from '@gongzhi/projections/meeting';
import type { Context } from '../context.ts';
import { topicNotFound } from './procedure-helpers.ts';

const db = (ctx: Context) => ctx.services.readModels.db;

export type PublicTopic = Omit<TopicView, 'authorId'>;

const publicTopic = ({ authorId: _author, ...topic }: TopicView): PublicTopic => topic;

export async function listCommunityTopics(ctx: Context, communityId: string) {
  return (await listTopics(db(ctx), communityId)).map(publicTopic);
}

/** A topic, the meeting it is on, and (for a signed-in resident) whether they raised or support it. */
export async function readPublicTopic(ctx: Context, topicId: string) {
  const topic = await readTopic(db(ctx), topicId);
  if (!topic) return topicNotFound(topicId);
  const meeting = topic.meetingId ? await readMeeting(db(ctx), topic.meetingId) : undefined;
  const into = topic.intoTopicId ? await readTopic(db(ctx), topic.intoTopicId) : undefined;
  const account = ctx.account?.kind === 'resident' ? ctx.account.accountId : undefined;
  return {
    topic: publicTopic(topic),
    meeting: meeting
      ? { meetingId: meeting.meetingId, title: meeting.title, startsAt: meeting.startsAt }
      : null,
    into: into ? { topicId: into.topicId, title: into.title } : null,
    /** What was decided on it and how that was followed through (落实反馈). */
    resolutions: await listResolutionsOfTopic(db(ctx), topicId),
    mine: account !== undefined && topic.raisedBy === 'resident' && topic.authorId === account,
    supported: account !== undefined && (await supportsTopic(db(ctx), topicId, account)),
  };
}

/** The topics the resident raised, with what became of each. */
export async function listResidentTopics(ctx: Context, residentId: string) {
  return (await listTopicsByAuthor(db(ctx), residentId)).map(publicTopic);
}
