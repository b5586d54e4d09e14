// What the meeting module tells residents in their inbox (the notification read model asks): a
// meeting's roster and its body's followers are told of its notice; a topic's author and supporters of what became of it;
// and of the report back once a decision on it is followed through. Pure: the projection keeps
// the facts (a topic's author and supporters, a resolution's topic) and passes them in.
import type { LocalizedText } from '../shared/errors.ts';
import type { MeetingEventOf } from './events.ts';
import type { TopicEvent } from './topic/events.ts';
import type { ResolutionEventOf } from './resolution/events.ts';

export interface MeetingNotice {
  link: string;
  recipients: string[];
  message: LocalizedText;
}

const chinaTime = (instant: string) =>
  new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * The roster and the body's followers are told of the notice (agenda, time and place), each once.
 */
export function conveningNotice(
  event: MeetingEventOf<'MeetingConvened'>,
  followers: readonly string[] = [],
): MeetingNotice {
  const { meetingId, title, startsAt, place, roster } = event.data;
  const when = chinaTime(startsAt);
  return {
    link: `/meetings/${meetingId}`,
    recipients: [...new Set([...roster.map((line) => line.residentId), ...followers])],
    message: {
      'zh-CN': `「${title}」将于 ${when} 在${place}召开，会议通知和议程已发布。`,
      en: `“${title}” meets at ${when} (China time) at ${place}; its notice and agenda are published.`,
    },
  };
}

/** A topic's author (a resident) and supporters, as the projection keeps them. */
export interface TopicFacts {
  title: string;
  authorId: string | null;
  supporters: readonly string[];
}

/** What a screening or scheduling tells the topic's author and supporters; null for others. */
export function topicNotice(event: TopicEvent, topic: TopicFacts): MeetingNotice | null {
  const recipients = [
    ...new Set([...(topic.authorId ? [topic.authorId] : []), ...topic.supporters]),
  ];
  const link = `/meetings/topics/${event.data.topicId}`;
  const t = topic.title;
  switch (event.type) {
    case 'TopicAccepted':
      return {
        link,
        recipients,
        message: {
          'zh-CN': `议题「${t}」已被采纳，将列入议事会议程。`,
          en: `The topic “${t}” is accepted and will go on a council’s agenda.`,
        },
      };
    case 'TopicDeclined':
      return {
        link,
        recipients,
        message: {
          'zh-CN': `议题「${t}」未予采纳。理由：${event.data.reason}`,
          en: `The topic “${t}” was declined. Reason: ${event.data.reason}`,
        },
      };
    case 'TopicMerged':
      return {
        link,
        recipients,
        message: {
          'zh-CN': `议题「${t}」已并入其他议题一并商议。理由：${event.data.reason}`,
          en: `The topic “${t}” was merged into another topic. Reason: ${event.data.reason}`,
        },
      };
    case 'TopicScheduled':
      return {
        link: `/meetings/${event.data.meetingId}`,
        recipients,
        message: {
          'zh-CN': `议题「${t}」已列入会议议程，请查看会议通知。`,
          en: `The topic “${t}” is on a meeting’s agenda; see the meeting’s notice.`,
        },
      };
    default:
      return null;
  }
}

/** The report back on a decision reaches the author and supporters of its topic. */
export function resolutionNotice(
  event: ResolutionEventOf<'ResolutionClosed'>,
  topicId: string,
  topic: TopicFacts,
): MeetingNotice {
  return {
    link: `/meetings/topics/${topicId}`,
    recipients: [...new Set([...(topic.authorId ? [topic.authorId] : []), ...topic.supporters])],
    message: {
      'zh-CN': `议题「${topic.title}」的决议已办结。反馈：${event.data.report}`,
      en: `The decision on the topic “${topic.title}” is carried out. Report back: ${event.data.report}`,
    },
  };
}
