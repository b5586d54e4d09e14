// Topics (议题) for deliberation: stream `meetingtopic-<topicId>`. A resident raises one online (or
// a worker for them, stamped as acting on their behalf), staff raise one, or one comes from a
// proposal, an objection, a supervision report or a ledger item; other residents of the community
// support it; staff screen it — accepted for a body's agenda, merged into another topic, or
// declined with a reason the author sees — and an accepted topic is put on a convened meeting's
// agenda. docs/events.md is the catalogue.
import { z } from 'zod';
import { eventParsing, type EventUnion } from '../../shared/events.ts';
import { inputText, storedText } from '../../shared/text.ts';
import { idSchema } from '../../organisation/events.ts';

/** Where a topic came from: raised on its own, or from a record of another module. */
export const topicSourceSchema = z.enum(['own', 'proposal', 'objection', 'supervision', 'ledger']);
export type TopicSource = z.infer<typeof topicSourceSchema>;
export const topicSources = topicSourceSchema.options;

const TITLE = { max: 80 };
const DETAIL = { max: 2000 };
const REASON = { max: 500 };
const REF = { max: 80 };

export const topicTitleSchema = inputText.line(TITLE);
export const topicDetailSchema = inputText.paragraph(DETAIL);
export const topicReasonSchema = inputText.paragraph(REASON);
export const topicSourceRefSchema = inputText.line(REF);

export const topicEventSchemas = {
  TopicRaised: {
    version: 1,
    schema: z.object({
      topicId: idSchema,
      communityId: idSchema,
      streetId: idSchema,
      title: storedText.line(TITLE),
      detail: storedText.paragraph(DETAIL),
      /** A resident's own topic (also when a worker entered it for them), or staff's. */
      raisedBy: z.enum(['resident', 'staff']),
      /** The resident's id, or the staff account's. */
      authorId: idSchema,
      source: topicSourceSchema,
      /** The record it came from (a proposal's id, a ledger item's reference); null when own. */
      sourceRef: storedText.line(REF).nullable(),
    }),
  },
  TopicSupported: {
    version: 1,
    schema: z.object({ topicId: idSchema, residentId: idSchema }),
  },
  TopicAccepted: {
    version: 1,
    schema: z.object({
      topicId: idSchema,
      /** The body on whose agenda it is to go. */
      bodyId: idSchema,
      note: storedText.paragraph(REASON).nullable(),
    }),
  },
  TopicMerged: {
    version: 1,
    schema: z.object({
      topicId: idSchema,
      intoTopicId: idSchema,
      reason: storedText.paragraph(REASON),
    }),
  },
  TopicDeclined: {
    version: 1,
    schema: z.object({ topicId: idSchema, reason: storedText.paragraph(REASON) }),
  },
  TopicScheduled: {
    version: 1,
    schema: z.object({ topicId: idSchema, meetingId: idSchema, itemId: idSchema }),
  },
} as const;

type Schemas = typeof topicEventSchemas;
export type TopicEventType = keyof Schemas;
export type TopicEventData<T extends TopicEventType> = z.output<Schemas[T]['schema']>;
export type TopicEvent = EventUnion<Schemas>;
export type TopicEventOf<T extends TopicEventType> = Extract<TopicEvent, { type: T }>;

export const {
  types: topicEventTypes,
  isType: isTopicEventType,
  parse: parseTopicEvent,
} = eventParsing(topicEventSchemas, 'a meeting topic event');

export const topicStreams = {
  topic: (topicId: string) => `meetingtopic-${topicId}`,
};
