// A topic (议题): stream `meetingtopic-<topicId>`. Raised, supported, screened (accepted for a
// body, merged, declined) and, once accepted, put on a meeting's agenda.
import type { TopicEvent, TopicSource } from './events.ts';

export type TopicStatus = 'raised' | 'accepted' | 'scheduled' | 'merged' | 'declined';

export type TopicState =
  | { status: 'none' }
  | {
      status: TopicStatus;
      topicId: string;
      communityId: string;
      streetId: string;
      title: string;
      raisedBy: 'resident' | 'staff';
      authorId: string;
      source: TopicSource;
      supporters: string[];
      /** The body it was accepted for; null until accepted. */
      bodyId: string | null;
      /** The meetings whose agendas it is on. */
      meetings: string[];
    };

export type RaisedTopic = Extract<TopicState, { status: TopicStatus }>;

export const initialTopicState = (): TopicState => ({ status: 'none' });

export function evolveTopic(state: TopicState, event: TopicEvent): TopicState {
  if (event.type === 'TopicRaised') {
    const { topicId, communityId, streetId, title, raisedBy, authorId, source } = event.data;
    return {
      status: 'raised',
      topicId,
      communityId,
      streetId,
      title,
      raisedBy,
      authorId,
      source,
      supporters: [],
      bodyId: null,
      meetings: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'TopicSupported':
      return { ...state, supporters: [...state.supporters, event.data.residentId] };
    case 'TopicAccepted':
      return { ...state, status: 'accepted', bodyId: event.data.bodyId };
    case 'TopicMerged':
      return { ...state, status: 'merged' };
    case 'TopicDeclined':
      return { ...state, status: 'declined' };
    case 'TopicScheduled':
      return { ...state, status: 'scheduled', meetings: [...state.meetings, event.data.meetingId] };
  }
}

/** Whether a topic is still open to support and screening (not merged or declined). */
export const topicIsOpen = (topic: RaisedTopic): boolean =>
  topic.status !== 'merged' && topic.status !== 'declined';
