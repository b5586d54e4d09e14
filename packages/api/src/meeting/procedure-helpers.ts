// What the meeting procedures (router.ts, staff.ts) share: who runs meetings, and the place of a
// body or a meeting, read from its first event so that one made a moment ago is in scope.
import { z } from 'zod';
import type { Role, Scope } from '@gongzhi/auth';
import {
  idSchema,
  meetingStreams,
  parseMeetingEvent,
  parseTopicEvent,
  refuse,
  topicStreams,
  type LocalizedText,
} from '@gongzhi/domain';
import { STREET_ROLES } from '../access.ts';
import type { Context } from '../context.ts';
import { currentLocale } from '../input.ts';
import { communityScope, firstEvent, streetScope } from '../organisation/places.ts';
import type { Access } from '../trpc.ts';

/**
 * Community workers keep their community's bodies and run their meetings; a street's own bodies
 * (街道议事协商委员会) are its street officers' (and the city's). The place of the body decides
 * which: a community worker's grant never reaches a street's scope, a street officer's never
 * another street's. A street officer's grant reaches the communities of their street, as it does
 * for every community procedure.
 */
export const MEETING_STAFF: readonly Role[] = ['community_worker', ...STREET_ROLES];
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

/** The scope of a body (or of its meetings, minutes, resolutions): its community, or its street. */
export const bodyPlaceScope = (place: { communityId: string | null; streetId: string }): Scope =>
  place.communityId === null
    ? { type: 'street', streetId: place.streetId }
    : { type: 'community', communityId: place.communityId, streetId: place.streetId };

export async function bodyScope(ctx: Context, bodyId: string): Promise<Scope> {
  const event = await firstEvent(ctx, meetingStreams.body(bodyId), parseMeetingEvent);
  if (event?.type !== 'MeetingBodyEstablished') return bodyNotFound(bodyId);
  return bodyPlaceScope(event.data);
}

export async function meetingScope(ctx: Context, meetingId: string): Promise<Scope> {
  const event = await firstEvent(ctx, meetingStreams.meeting(meetingId), parseMeetingEvent);
  if (event?.type !== 'MeetingConvened') return meetingNotFound(meetingId);
  return bodyPlaceScope(event.data);
}

/** Where bodies sit, as an input names it: a community, or a street's own level (one of the two). */
export const bodyLevelFields = {
  communityId: idSchema.optional(),
  streetId: idSchema.optional(),
};

export function oneBodyLevel(
  input: { communityId?: string | undefined; streetId?: string | undefined },
  issues: z.RefinementCtx,
): void {
  if ((input.communityId === undefined) !== (input.streetId === undefined)) return;
  issues.addIssue({
    code: 'custom',
    path: ['communityId'],
    message: {
      'zh-CN': '请指明社区或街道（二者选一）',
      en: 'Name a community or a street (one of the two)',
    }[currentLocale()],
  });
}

/** The level an input validated by `oneBodyLevel` names. */
export const bodyLevelOf = (input: {
  communityId?: string | undefined;
  streetId?: string | undefined;
}): { communityId: string } | { streetId: string } =>
  input.communityId !== undefined
    ? { communityId: input.communityId }
    : { streetId: input.streetId! };

/** The scope of a level an input names: the community, or the street (which must exist). */
export const bodyLevelScope = (
  ctx: Context,
  input: { communityId?: string | undefined; streetId?: string | undefined },
): Promise<Exclude<Scope, { type: 'city' }>> => {
  const level = bodyLevelOf(input);
  return 'communityId' in level
    ? communityScope(ctx, level.communityId)
    : streetScope(ctx, level.streetId);
};

/** Staff holding one of `roles` for the community (or street) of the body the input names. */
export const bodyStaff = (
  roles: readonly Role[],
  action: LocalizedText,
): Access<{ bodyId: string }> => ({
  roles,
  scope: (input, ctx) => bodyScope(ctx, input.bodyId),
  action,
});

/** Staff holding one of `roles` for the community (or street) of the meeting the input names. */
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
