// Outcome events (群众共督): the public notice (公示) of a cycle's selection and the objections
// (异议) raised during it. Stream `objection-<objectionId>`, one per objection: filed once, then
// answered once, upheld or dismissed. docs/events.md is the catalogue; the schemas here describe
// the current version of each event.
//
// An objection is public: its text and photos are shown on the notice page with its answer. Who
// filed it appears only as an account id (pages show no name), and no event here holds personal
// data.
import { z } from 'zod';
import { eventParsing, type EventUnion } from '../shared/events.ts';
import { paragraphText, storedText } from '../shared/text.ts';
import { idSchema, storedReasonSchema } from '../organisation/events.ts';
import { photosSchema } from '../proposal/events.ts';

/** What an objection is against: a pool project of the community, or the community's count. */
export const objectionTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('project'), proposalId: idSchema }),
  z.object({ kind: z.literal('count') }),
]);
export type ObjectionTarget = z.infer<typeof objectionTargetSchema>;

const OBJECTION_TEXT = { min: 5, max: 2000 };
export const objectionTextSchema = paragraphText(OBJECTION_TEXT);

/**
 * What an upheld objection changed: the project taken out of the community's count (it is then
 * counted without it), or a recount of the bulletin (a new tally only if it differs).
 */
export const objectionConsequenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('project_excluded'), proposalId: idSchema }),
  z.object({ kind: z.literal('recount') }),
]);
export type ObjectionConsequence = z.infer<typeof objectionConsequenceSchema>;

const answered = {
  objectionId: idSchema,
  cycleId: idSchema,
  communityId: idSchema,
  /** The staff account that answered for the community or street. */
  answeredBy: idSchema,
  reason: storedReasonSchema,
};

export const outcomeEventSchemas = {
  ObjectionFiled: {
    version: 1,
    schema: z.object({
      objectionId: idSchema,
      cycleId: idSchema,
      communityId: idSchema,
      target: objectionTargetSchema,
      text: storedText.paragraph(OBJECTION_TEXT),
      photos: photosSchema,
      /** The account that filed it: a resident's id or a staff account's. */
      filedBy: idSchema,
    }),
  },
  ObjectionUpheld: {
    version: 1,
    schema: z.object({ ...answered, consequence: objectionConsequenceSchema }),
  },
  ObjectionDismissed: {
    version: 1,
    schema: z.object(answered),
  },
} as const;

type Schemas = typeof outcomeEventSchemas;
export type OutcomeEventType = keyof Schemas;
export type OutcomeEventData<T extends OutcomeEventType> = z.output<Schemas[T]['schema']>;

/** The union of all outcome events as deciders see them. */
export type OutcomeEvent = EventUnion<Schemas>;

export type OutcomeEventOf<T extends OutcomeEventType> = Extract<OutcomeEvent, { type: T }>;

export const {
  types: outcomeEventTypes,
  isType: isOutcomeEventType,
  parse: parseOutcomeEvent,
} = eventParsing(outcomeEventSchemas, 'an outcome event');

export const outcomeStreams = {
  objection: (objectionId: string) => `objection-${objectionId}`,
};

export function describeOutcomeEvent(event: OutcomeEvent) {
  switch (event.type) {
    case 'ObjectionFiled':
      return { 'zh-CN': '提出了异议', en: 'filed the objection' };
    case 'ObjectionUpheld':
      return { 'zh-CN': '采纳了异议', en: 'upheld the objection' };
    case 'ObjectionDismissed':
      return { 'zh-CN': '驳回了异议', en: 'dismissed the objection' };
  }
}
