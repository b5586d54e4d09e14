// Follow-through on decisions (落实反馈): stream `meetingresolution-<resolutionId>`. Every motion a
// meeting adopted gets an owner and a due date; progress reports are events; it is closed with a
// report back, published on the meeting's and the topic's pages for those who attended and those
// who supported the topic. Overdue ones (open past their due day) show on the dashboards. It may
// link a micro-project proposal or a ledger item. docs/events.md is the catalogue.
import { z } from 'zod';
import { eventParsing, type EventUnion } from '../../shared/events.ts';
import { inputText, storedText } from '../../shared/text.ts';
import { idSchema } from '../../organisation/events.ts';
import { isoDateSchema } from '../../resident/events.ts';

const OWNER = { max: 60 };
const REPORT = { max: 2000 };
const REF = { max: 80 };

export const resolutionOwnerSchema = inputText.line(OWNER);
export const resolutionReportSchema = inputText.paragraph(REPORT);
export const resolutionRefSchema = inputText.line(REF);

/** A record the resolution is carried out through: a micro-project proposal or a ledger item. */
export const resolutionLinkSchema = z.object({
  kind: z.enum(['proposal', 'ledger']),
  ref: storedText.line(REF),
});
export type ResolutionLink = z.infer<typeof resolutionLinkSchema>;

export const resolutionEventSchemas = {
  ResolutionAssigned: {
    version: 2,
    schema: z.object({
      resolutionId: idSchema,
      meetingId: idSchema,
      motionId: idSchema,
      /** v2: null for a meeting of a street's body (meeting/events.ts MeetingConvened v2). */
      communityId: idSchema.nullable(),
      streetId: idSchema,
      /** The adopted motion's text, as voted. */
      text: storedText.paragraph({ max: 1000 }),
      /** Who carries it out: a person's part, a department, a company (no resident's name). */
      owner: storedText.line(OWNER),
      /** The last day (China's calendar) by which it is to be done. */
      dueOn: isoDateSchema,
      /** The topic whose agenda item the motion was on, when it came from one. */
      topicId: idSchema.nullable(),
      link: resolutionLinkSchema.nullable(),
    }),
  },
  ResolutionProgressReported: {
    version: 1,
    schema: z.object({
      resolutionId: idSchema,
      on: isoDateSchema,
      text: storedText.paragraph(REPORT),
    }),
  },
  ResolutionClosed: {
    version: 1,
    schema: z.object({
      resolutionId: idSchema,
      on: isoDateSchema,
      /** The report back to attendees and the topic's supporters. */
      report: storedText.paragraph(REPORT),
      /** Closed after its due day. */
      late: z.boolean(),
    }),
  },
} as const;

type Schemas = typeof resolutionEventSchemas;
export type ResolutionEventType = keyof Schemas;
export type ResolutionEventData<T extends ResolutionEventType> = z.output<Schemas[T]['schema']>;
export type ResolutionEvent = EventUnion<Schemas>;
export type ResolutionEventOf<T extends ResolutionEventType> = Extract<
  ResolutionEvent,
  { type: T }
>;

export const {
  types: resolutionEventTypes,
  isType: isResolutionEventType,
  parse: parseResolutionEvent,
} = eventParsing(resolutionEventSchemas, 'a meeting resolution event');

export const resolutionStreams = {
  resolution: (resolutionId: string) => `meetingresolution-${resolutionId}`,
};

/** Whether an open resolution due on `dueOn` is overdue on `today` (both YYYY-MM-DD, China). */
export const resolutionOverdue = (dueOn: string, today: string): boolean => today > dueOn;
