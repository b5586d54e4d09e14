// Minutes of a meeting (会议纪要): stream `meetingminutes-<meetingId>`. Staff draft them from the
// agenda, attendance and votes once the meeting is closed, and circulate a draft to those who
// attended; attendees ask for corrections, roster members who attended sign; approval publishes
// the signed draft as version 1, immutable; a correction after approval is a new version with its
// reason, never a change to an old one. docs/events.md is the catalogue.
import { z } from 'zod';
import { eventParsing, type EventUnion } from '../../shared/events.ts';
import { inputText, storedText } from '../../shared/text.ts';
import { idSchema } from '../../organisation/events.ts';

const TEXT = { max: 20_000 };
const REQUEST = { max: 1000 };
const REASON = { max: 500 };

export const minutesTextSchema = inputText.paragraph(TEXT);
export const minutesRequestSchema = inputText.paragraph(REQUEST);
export const minutesReasonSchema = inputText.paragraph(REASON);

const draftNo = z.number().int().min(1);

export const minutesEventSchemas = {
  MinutesDrafted: {
    version: 2,
    schema: z.object({
      meetingId: idSchema,
      /** v2: null for a meeting of a street's body (meeting/events.ts MeetingConvened v2). */
      communityId: idSchema.nullable(),
      streetId: idSchema,
      /** 1 for the first draft; each redraft before approval the next. */
      draftNo,
      text: storedText.paragraph(TEXT),
    }),
  },
  MinutesCirculated: {
    version: 1,
    schema: z.object({ meetingId: idSchema, draftNo }),
  },
  MinutesCorrectionRequested: {
    version: 1,
    schema: z.object({
      meetingId: idSchema,
      draftNo,
      residentId: idSchema,
      text: storedText.paragraph(REQUEST),
    }),
  },
  MinutesSigned: {
    version: 1,
    schema: z.object({ meetingId: idSchema, draftNo, residentId: idSchema }),
  },
  MinutesApproved: {
    version: 1,
    schema: z.object({
      meetingId: idSchema,
      draftNo,
      /** The published text: version 1, immutable. */
      text: storedText.paragraph(TEXT),
      /** The roster members who signed the draft (frozen). */
      signedBy: z.array(idSchema).max(10_000),
    }),
  },
  MinutesCorrected: {
    version: 1,
    schema: z.object({
      meetingId: idSchema,
      /** 2 for the first correction after approval, and so on. */
      version: z.number().int().min(2),
      text: storedText.paragraph(TEXT),
      reason: storedText.paragraph(REASON),
    }),
  },
} as const;

type Schemas = typeof minutesEventSchemas;
export type MinutesEventType = keyof Schemas;
export type MinutesEventData<T extends MinutesEventType> = z.output<Schemas[T]['schema']>;
export type MinutesEvent = EventUnion<Schemas>;
export type MinutesEventOf<T extends MinutesEventType> = Extract<MinutesEvent, { type: T }>;

export const {
  types: minutesEventTypes,
  isType: isMinutesEventType,
  parse: parseMinutesEvent,
} = eventParsing(minutesEventSchemas, 'a meeting minutes event');

export const minutesStreams = {
  minutes: (meetingId: string) => `meetingminutes-${meetingId}`,
};
