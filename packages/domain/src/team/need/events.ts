// Service needs (需求) and teams' claims (认领): stream `need-<needId>`. A community worker posts
// what is needed (what, where, when, how many people, which skills), on their own, from a
// resident's request (a proposal), or as a micro-project's implementation (whole or part)
// offered to teams; a team's leader claims it for their team; the community accepts one claim
// and the others are declined with the reason, which their teams see. docs/events.md is the
// catalogue; the schemas here describe the current version of each event.
import { z } from 'zod';
import { eventParsing, type EventUnion } from '../../shared/events.ts';
import { inputText, storedText } from '../../shared/text.ts';
import { idSchema, storedReasonSchema } from '../../organisation/events.ts';

const TITLE = { min: 2, max: 60 };
const DESCRIPTION = { max: 1000 };
const PLACE = { max: 100 };
const SKILL = { max: 20 };
const NOTE = { max: 300 };

export const needTitleSchema = inputText.line(TITLE);
export const needDescriptionSchema = inputText.paragraph(DESCRIPTION);
export const needPlaceSchema = inputText.line(PLACE);
export const needPeopleSchema = z.number().int().min(1).max(500);
export const claimNoteSchema = inputText.paragraph(NOTE);

/**
 * Where a need came from: posted by the community, a resident's request (the proposal that asked
 * for it), or a micro-project whose implementation — all of it or a part — is offered to teams.
 */
export const needSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('community') }),
  z.object({ kind: z.literal('request'), proposalId: idSchema }),
  z.object({ kind: z.literal('project'), projectId: idSchema, part: z.enum(['whole', 'part']) }),
]);
export type NeedSource = z.infer<typeof needSourceSchema>;

export const needEventSchemas = {
  NeedPosted: {
    version: 1,
    schema: z.object({
      needId: idSchema,
      streetId: idSchema,
      communityId: idSchema,
      title: storedText.line(TITLE),
      description: storedText.paragraph(DESCRIPTION),
      place: storedText.line(PLACE),
      /** When the service is wanted, ISO-8601 UTC. */
      startsAt: z.iso.datetime(),
      endsAt: z.iso.datetime(),
      people: needPeopleSchema,
      skills: z.array(storedText.line(SKILL)).max(12),
      source: needSourceSchema,
      postedBy: idSchema,
    }),
  },
  NeedClaimed: {
    version: 1,
    schema: z.object({
      needId: idSchema,
      teamId: idSchema,
      claimedBy: idSchema,
      note: storedText.paragraph(NOTE).optional(),
    }),
  },
  NeedClaimAccepted: {
    version: 1,
    schema: z.object({ needId: idSchema, teamId: idSchema, by: idSchema }),
  },
  /** Another claim was accepted: the team is told why not. */
  NeedClaimDeclined: {
    version: 1,
    schema: z.object({
      needId: idSchema,
      teamId: idSchema,
      by: idSchema,
      reason: storedReasonSchema,
    }),
  },
} as const;

type Schemas = typeof needEventSchemas;
export type NeedEventType = keyof Schemas;
export type NeedEventData<T extends NeedEventType> = z.output<Schemas[T]['schema']>;
export type NeedEvent = EventUnion<Schemas>;
export type NeedEventOf<T extends NeedEventType> = Extract<NeedEvent, { type: T }>;

export const {
  types: needEventTypes,
  isType: isNeedEventType,
  parse: parseNeedEvent,
} = eventParsing(needEventSchemas, 'a need event');

export const needStreams = {
  need: (needId: string) => `need-${needId}`,
};
