// A topic's commands: raising, supporting, screening (accept for a body, merge, decline with a
// reason) and scheduling on a convened meeting. What other streams say (the supporter's
// communities, the body, the topic merged into, the meeting) comes in the command.
import { refuse } from '../../shared/errors.ts';
import type { BodyState } from '../body/state.ts';
import { requireBody } from '../body/commands.ts';
import type { MeetingState } from '../state.ts';
import type { TopicEventData, TopicEventOf } from './events.ts';
import { topicIsOpen, type RaisedTopic, type TopicState } from './state.ts';

export interface RaiseTopic {
  type: 'RaiseTopic';
  data: TopicEventData<'TopicRaised'>;
  /** A resident author's communities (their ties, read by the handler); unused for staff. */
  authorCommunities?: readonly string[];
}

export interface SupportTopic {
  type: 'SupportTopic';
  data: TopicEventData<'TopicSupported'>;
  /** The communities the supporter is tied to (read by the handler from their stream). */
  supporterCommunities: readonly string[];
}

export interface AcceptTopic {
  type: 'AcceptTopic';
  data: TopicEventData<'TopicAccepted'>;
  body: BodyState;
}

export interface MergeTopic {
  type: 'MergeTopic';
  data: TopicEventData<'TopicMerged'>;
  into: TopicState;
}

export interface DeclineTopic {
  type: 'DeclineTopic';
  data: TopicEventData<'TopicDeclined'>;
}

export interface ScheduleTopic {
  type: 'ScheduleTopic';
  data: TopicEventData<'TopicScheduled'>;
  meeting: MeetingState;
}

export function raiseTopic(command: RaiseTopic, state: TopicState): TopicEventOf<'TopicRaised'>[] {
  if (state.status !== 'none') {
    return refuse('conflict', 'topic_exists', '这个议题已经提出。', 'This topic exists already.');
  }
  const { data } = command;
  if ((data.source === 'own') !== (data.sourceRef === null)) {
    return refuse(
      'invalid',
      'source_ref',
      '来自其他记录的议题须注明来源编号；自行提出的议题不填。',
      'A topic from another record names that record; a topic raised on its own names none.',
      'sourceRef',
    );
  }
  if (data.raisedBy === 'resident' && !command.authorCommunities?.includes(data.communityId)) {
    return refuse(
      'forbidden',
      'not_of_community',
      '只能向自己所在的社区提出议题。',
      'A resident can raise topics only in a community they belong to.',
      'communityId',
    );
  }
  return [{ type: 'TopicRaised', data }];
}

export function supportTopic(
  command: SupportTopic,
  state: TopicState,
): TopicEventOf<'TopicSupported'>[] {
  const topic = requireOpenTopic(state, command.data.topicId);
  const { residentId } = command.data;
  if (topic.supporters.includes(residentId)) return [];
  if (topic.raisedBy === 'resident' && topic.authorId === residentId) {
    return refuse(
      'conflict',
      'own_topic',
      '这是您自己提出的议题，无需再附议。',
      'You raised this topic yourself; there is no need to support it.',
    );
  }
  if (!command.supporterCommunities.includes(topic.communityId)) {
    return refuse(
      'forbidden',
      'not_of_community',
      '只有本社区的居民才能附议这个议题。',
      'Only residents of the topic’s community can support it.',
    );
  }
  return [{ type: 'TopicSupported', data: command.data }];
}

export function acceptTopic(
  command: AcceptTopic,
  state: TopicState,
): TopicEventOf<'TopicAccepted'>[] {
  const topic = requireTopic(state, command.data.topicId);
  const body = requireBody(command.body, command.data.bodyId);
  if (topic.status === 'accepted' && topic.bodyId === body.bodyId) return [];
  requireUnscreened(topic);
  if (body.communityId !== topic.communityId) {
    return refuse(
      'forbidden',
      'body_of_other_community',
      '只能列入本社区议事机构的议程。',
      'A topic can go only on the agenda of a body of its own community.',
      'bodyId',
    );
  }
  return [{ type: 'TopicAccepted', data: command.data }];
}

export function mergeTopic(command: MergeTopic, state: TopicState): TopicEventOf<'TopicMerged'>[] {
  const topic = requireTopic(state, command.data.topicId);
  if (topic.status === 'merged') return [];
  requireUnscreened(topic);
  const into = command.into;
  if (
    into.status === 'none' ||
    into.topicId === topic.topicId ||
    into.communityId !== topic.communityId ||
    !topicIsOpen(into)
  ) {
    return refuse(
      'invalid',
      'merge_target',
      '只能并入本社区另一个尚未处理完的议题。',
      'A topic can be merged only into another open topic of its community.',
      'intoTopicId',
    );
  }
  return [{ type: 'TopicMerged', data: command.data }];
}

export function declineTopic(
  command: DeclineTopic,
  state: TopicState,
): TopicEventOf<'TopicDeclined'>[] {
  const topic = requireTopic(state, command.data.topicId);
  if (topic.status === 'declined') return [];
  requireUnscreened(topic);
  return [{ type: 'TopicDeclined', data: command.data }];
}

export function scheduleTopic(
  command: ScheduleTopic,
  state: TopicState,
): TopicEventOf<'TopicScheduled'>[] {
  const topic = requireTopic(state, command.data.topicId);
  if (topic.meetings.includes(command.data.meetingId)) return [];
  const meeting = command.meeting;
  requireSchedulable(topic, meeting.status === 'none' ? null : meeting.bodyId);
  return [{ type: 'TopicScheduled', data: command.data }];
}

/** A topic may go on a meeting of `bodyId` once accepted for that body (checked before convening). */
export function requireSchedulable(topic: TopicState, bodyId: string | null): RaisedTopic {
  if (topic.status !== 'accepted' || topic.bodyId !== bodyId) {
    return refuse(
      'conflict',
      'topic_not_accepted',
      topic.status === 'none'
        ? '找不到这个议题。'
        : `议题「${topic.title}」尚未被这个议事机构采纳，不能列入议程。`,
      topic.status === 'none'
        ? 'There is no such topic.'
        : `“${topic.title}” has not been accepted for this body’s agenda.`,
      'topicIds',
    );
  }
  return topic;
}

export function requireTopic(state: TopicState, topicId: string): RaisedTopic {
  if (state.status === 'none') {
    return refuse(
      'not_found',
      'topic_not_found',
      `找不到议题（编号 ${topicId}）。`,
      `There is no topic with id ${topicId}.`,
    );
  }
  return state;
}

function requireOpenTopic(state: TopicState, topicId: string): RaisedTopic {
  const topic = requireTopic(state, topicId);
  if (!topicIsOpen(topic)) {
    return refuse(
      'conflict',
      'topic_closed',
      '这个议题已经合并或未被采纳。',
      'This topic has been merged or declined.',
    );
  }
  return topic;
}

/** Screening decides once: a topic already accepted, merged or declined is not screened again. */
function requireUnscreened(topic: RaisedTopic): void {
  if (topic.status !== 'raised') {
    refuse(
      'conflict',
      'topic_screened',
      '这个议题已经处理过了。',
      'This topic has been screened already.',
    );
  }
}
