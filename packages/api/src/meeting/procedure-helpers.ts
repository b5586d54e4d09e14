// What the meeting procedures (router.ts, staff.ts) share: who runs meetings, and the place of a
// body or a meeting, read from its first event so that one made a moment ago is in scope.
import type { Role, Scope } from '@gongzhi/auth';
import {
  meetingStreams,
  parseMeetingEvent,
  parseTopicEvent,
  refuse,
  topicStreams,
  type LocalizedText,
} from '@gongzhi/domain';
import { STREET_ROLES } from '../access.ts';
import type { Context } from '../context.ts';
import { firstEvent } from '../organisation/places.ts';
import type { Access } from '../trpc.ts';

/** Community workers keep the bodies and run the meetings. */
export const MEETING_STAFF: readonly Role[] = ['community_worker'];
/** Who may read a body's roster and a meeting's attendance with names. */
export const MEETING_READERS: readonly Role[] = ['community_worker', ...STREET_ROLES];

export const bodyNotFound = (bodyId: string): never =>
  refuse(
    'not_found',
    'body_not_found',
    `找不到议事机构（编号 ${bodyId}）。`,
    `There is no deliberative body with id ${bodyId}.`,
  );

export const meetingNotFound = (meetingId: string): never =>
  refuse(
    'not_found',
    'meeting_not_found',
    `找不到会议（编号 ${meetingId}）。`,
    `There is no meeting with id ${meetingId}.`,
  );

type CommunityScope = Extract<Scope, { type: 'community' }>;

export async function bodyScope(ctx: Context, bodyId: string): Promise<CommunityScope> {
  const event = await firstEvent(ctx, meetingStreams.body(bodyId), parseMeetingEvent);
  if (event?.type !== 'MeetingBodyEstablished') return bodyNotFound(bodyId);
  return { type: 'community', communityId: event.data.communityId, streetId: event.data.streetId };
}

export async function meetingScope(ctx: Context, meetingId: string): Promise<CommunityScope> {
  const event = await firstEvent(ctx, meetingStreams.meeting(meetingId), parseMeetingEvent);
  if (event?.type !== 'MeetingConvened') return meetingNotFound(meetingId);
  return { type: 'community', communityId: event.data.communityId, streetId: event.data.streetId };
}

/** Staff holding one of `roles` for the community of the body the input names. */
export const bodyStaff = (
  roles: readonly Role[],
  action: LocalizedText,
): Access<{ bodyId: string }> => ({
  roles,
  scope: (input, ctx) => bodyScope(ctx, input.bodyId),
  action,
});

/** Staff holding one of `roles` for the community of the meeting the input names. */
export const meetingStaff = (
  roles: readonly Role[],
  action: LocalizedText,
): Access<{ meetingId: string }> => ({
  roles,
  scope: (input, ctx) => meetingScope(ctx, input.meetingId),
  action,
});

export const topicNotFound = (topicId: string): never =>
  refuse(
    'not_found',
    'topic_not_found',
    `找不到议题（编号 ${topicId}）。`,
    `There is no topic with id ${topicId}.`,
  );

export async function topicScope(ctx: Context, topicId: string): Promise<CommunityScope> {
  const event = await firstEvent(ctx, topicStreams.topic(topicId), parseTopicEvent);
  if (event?.type !== 'TopicRaised') return topicNotFound(topicId);
  return { type: 'community', communityId: event.data.communityId, streetId: event.data.streetId };
}

/** Staff holding one of `roles` for the community of the topic the input names. */
export const topicStaff = (
  roles: readonly Role[],
  action: LocalizedText,
): Access<{ topicId: string }> => ({
  roles,
  scope: (input, ctx) => topicScope(ctx, input.topicId),
  action,
});
