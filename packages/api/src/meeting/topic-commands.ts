// Topic commands as the API runs them (议题). Raising and supporting are decided on the author's
// or supporter's ties (their own stream); accepting on the body's stream; merging on the topic
// merged into; scheduling on the convened meeting. Convening with topics checks each topic first,
// convenes, then puts each on the agenda (a retry finds that work done: the decider returns []).
import {
  describeTopicEvent,
  parseTopicEvent,
  requireSchedulable,
  topicDecider,
  topicEventSchemas,
  topicStreams,
  type LocalizedText,
  type MeetingCommand,
  type ResidentState,
  type TopicCommand,
  type TopicEvent,
  type TopicEventData,
} from '@gongzhi/domain';
import { executeCommand, readState, type EventCodec, type Writer } from '../commands.ts';
import { residentRecord } from '../resident/commands.ts';
import { bodyRecord, conveneMeeting, meetingRecord } from './commands.ts';

export const topicCodec: EventCodec<TopicEvent> = {
  read: (recorded) => parseTopicEvent(recorded.type, recorded.data),
  versionOf: (type) => topicEventSchemas[type].version,
  describe: describeTopicEvent,
};

export const topicRecord = (topicId: string) => ({
  stream: topicStreams.topic(topicId),
  decider: topicDecider,
  codec: topicCodec,
});

const topicSubject = (): LocalizedText => ({ 'zh-CN': '这个议题', en: 'The topic' });

const onTopic = (w: Writer, topicId: string, command: () => TopicCommand | Promise<TopicCommand>) =>
  executeCommand(w.store, {
    ...topicRecord(topicId),
    command,
    subject: topicSubject,
    metadata: w.metadata,
  });

/** The communities a resident belongs to: ties declared or verified. */
async function communitiesOf(w: Writer, residentId: string): Promise<string[]> {
  const { state } = await readState(w.store, residentRecord(residentId));
  return tiesOf(state);
}

const tiesOf = (resident: ResidentState): string[] =>
  resident.status === 'active'
    ? resident.ties
        .filter((tie) => tie.status === 'verified' || tie.status === 'declared')
        .map((tie) => tie.communityId)
    : [];

export const raiseTopic = (w: Writer, data: TopicEventData<'TopicRaised'>) =>
  onTopic(w, data.topicId, async () => ({
    type: 'RaiseTopic',
    data,
    authorCommunities: data.raisedBy === 'resident' ? await communitiesOf(w, data.authorId) : [],
  }));

export const supportTopic = (w: Writer, data: TopicEventData<'TopicSupported'>) =>
  onTopic(w, data.topicId, async () => ({
    type: 'SupportTopic',
    data,
    supporterCommunities: await communitiesOf(w, data.residentId),
  }));

export const acceptTopic = (w: Writer, data: TopicEventData<'TopicAccepted'>) =>
  onTopic(w, data.topicId, async () => ({
    type: 'AcceptTopic',
    data,
    body: (await readState(w.store, bodyRecord(data.bodyId))).state,
  }));

export const mergeTopic = (w: Writer, data: TopicEventData<'TopicMerged'>) =>
  onTopic(w, data.topicId, async () => ({
    type: 'MergeTopic',
    data,
    into: (await readState(w.store, topicRecord(data.intoTopicId))).state,
  }));

export const declineTopic = (w: Writer, data: TopicEventData<'TopicDeclined'>) =>
  onTopic(w, data.topicId, () => ({ type: 'DeclineTopic', data }));

type ConveneData = Extract<MeetingCommand, { type: 'ConveneMeeting' }>['data'];

/**
 * Convenes a meeting whose agenda begins with topics accepted for its body (one item each, titled
 * as the topic), then records each topic as put on that agenda.
 */
export async function conveneWithTopics(
  w: Writer,
  topics: { topicId: string; itemId: string }[],
  data: ConveneData,
) {
  const items = [];
  for (const { topicId, itemId } of topics) {
    const { state } = await readState(w.store, topicRecord(topicId));
    const topic = requireSchedulable(state, data.bodyId);
    items.push({ itemId, title: topic.title, reserved: false });
  }
  const convened = await conveneMeeting(w, { ...data, agenda: [...items, ...data.agenda] });
  let last = convened.position;
  for (const { topicId, itemId } of topics) {
    const scheduled = await onTopic(w, topicId, async () => ({
      type: 'ScheduleTopic',
      data: { topicId, meetingId: data.meetingId, itemId },
      meeting: (await readState(w.store, meetingRecord(data.meetingId))).state,
    }));
    last = scheduled.position ?? last;
  }
  return { ...convened, position: last };
}
