// Volunteer-team events (志愿服务): a team registered with a street (and usually a community) and an
// organising body that issues its certificates, its people, and the service they give. Streams:
//   team-<teamId>            the team: registration, join requests, leaving, hand-overs, skills;
//   servicerecord-<recordId> one service record: recorded, confirmed with an evaluation, and a
//                            correction the volunteer asked for, decided with a reason.
// docs/events.md is the catalogue; the schemas here describe the current version of each event.
//
// People appear only as account ids (a resident's id or a staff account's): names stay in the
// resident vault and the staff read model. Service is unpaid: no event carries money or points.
import { z } from 'zod';
import { eventParsing, type EventUnion } from '../shared/events.ts';
import { inputText, storedText } from '../shared/text.ts';
import { idSchema, storedReasonSchema } from '../organisation/events.ts';
import { isoDateSchema } from '../resident/events.ts';

/** 自治团队 (residents' own group), 志愿服务队 (volunteer service team), 社会组织 (registered). */
export const teamKindSchema = z.enum(['autonomous', 'volunteer_service', 'social_organisation']);
export type TeamKind = z.infer<typeof teamKindSchema>;
export const teamKinds = teamKindSchema.options;

const TEAM_NAME = { min: 2, max: 40 };
const DESCRIPTION = { max: 1000 };
const ORGANISER_NAME = { min: 2, max: 60 };
const PERSON = { max: 40 };
const CONTACT = { max: 60 };
const SKILL = { max: 20 };
const PLACE = { max: 100 };
const CONTENT = { max: 500 };
const EVALUATION = { max: 500 };

/** The organising body (组织单位): the lawful issuer of the team's certificates (谁记录谁证明). */
export const organiserSchema = z.object({
  name: inputText.name(ORGANISER_NAME),
  personInCharge: inputText.name(PERSON),
  contact: inputText.line(CONTACT),
});
export type Organiser = z.infer<typeof organiserSchema>;
const storedOrganiser = z.object({
  name: storedText.name(ORGANISER_NAME),
  personInCharge: storedText.name(PERSON),
  contact: storedText.line(CONTACT),
});

export const teamNameSchema = inputText.name(TEAM_NAME);
export const teamDescriptionSchema = inputText.paragraph(DESCRIPTION);
export const skillSchema = inputText.line(SKILL);
/** At most 12 skills, each once. */
export const skillsSchema = z
  .array(skillSchema)
  .max(12)
  .refine((skills) => new Set(skills).size === skills.length, 'each skill at most once');
export const servicePlaceSchema = inputText.line(PLACE);
export const serviceContentSchema = inputText.paragraph(CONTENT);
export const evaluationSchema = inputText.paragraph(EVALUATION);

/** Where a record's service came from: a shift attended, or the leader's own entry. */
export const serviceSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('shift'), activityId: idSchema, shiftId: idSchema }),
  z.object({ kind: z.literal('entry') }),
]);
export type ServiceSource = z.infer<typeof serviceSourceSchema>;

/** Time on site, ISO-8601 UTC; the record's minutes are the time between them (not travel). */
const onSite = { startedAt: z.iso.datetime(), endedAt: z.iso.datetime() };

export const teamEventSchemas = {
  TeamRegistered: {
    version: 1,
    schema: z.object({
      teamId: idSchema,
      kind: teamKindSchema,
      name: storedText.name(TEAM_NAME),
      description: storedText.paragraph(DESCRIPTION),
      streetId: idSchema,
      /** Null for a team registered with the street itself. */
      communityId: idSchema.nullable(),
      organiser: storedOrganiser,
      skills: z.array(storedText.line(SKILL)).max(12),
      /** The first leaders' account ids. */
      leaders: z.array(idSchema).min(1).max(5),
      registeredBy: idSchema,
    }),
  },
  TeamJoinRequested: {
    version: 1,
    schema: z.object({
      teamId: idSchema,
      accountId: idSchema,
      note: storedText.paragraph({ max: 300 }).optional(),
    }),
  },
  TeamJoinAccepted: {
    version: 1,
    schema: z.object({ teamId: idSchema, accountId: idSchema, by: idSchema }),
  },
  TeamJoinDeclined: {
    version: 1,
    schema: z.object({
      teamId: idSchema,
      accountId: idSchema,
      by: idSchema,
      reason: storedReasonSchema,
    }),
  },
  TeamMemberLeft: {
    version: 1,
    schema: z.object({ teamId: idSchema, accountId: idSchema }),
  },
  TeamLeadershipHandedOver: {
    version: 1,
    schema: z.object({ teamId: idSchema, from: idSchema, to: idSchema }),
  },
  TeamSkillsChanged: {
    version: 1,
    schema: z.object({
      teamId: idSchema,
      skills: z.array(storedText.line(SKILL)).max(12),
      by: idSchema,
    }),
  },
} as const;

export const serviceRecordEventSchemas = {
  ServiceRecorded: {
    version: 1,
    schema: z.object({
      recordId: idSchema,
      teamId: idSchema,
      volunteerId: idSchema,
      /** The day of service, China time. */
      date: isoDateSchema,
      ...onSite,
      minutes: z
        .number()
        .int()
        .min(1)
        .max(24 * 60),
      place: storedText.line(PLACE),
      content: storedText.paragraph(CONTENT),
      source: serviceSourceSchema,
      recordedBy: idSchema,
    }),
  },
  ServiceRecordConfirmed: {
    version: 1,
    schema: z.object({
      recordId: idSchema,
      teamId: idSchema,
      volunteerId: idSchema,
      confirmedBy: idSchema,
      evaluation: storedText.paragraph(EVALUATION),
    }),
  },
  ServiceRecordCorrectionRequested: {
    version: 1,
    schema: z.object({
      recordId: idSchema,
      teamId: idSchema,
      volunteerId: idSchema,
      /** The time on site as the volunteer says it was. */
      ...onSite,
      reason: storedReasonSchema,
    }),
  },
  ServiceRecordCorrectionDecided: {
    version: 1,
    schema: z.object({
      recordId: idSchema,
      teamId: idSchema,
      volunteerId: idSchema,
      decision: z.enum(['accepted', 'declined']),
      /** The record's minutes after the decision (the corrected ones when accepted). */
      minutes: z
        .number()
        .int()
        .min(1)
        .max(24 * 60),
      reason: storedReasonSchema,
      decidedBy: idSchema,
    }),
  },
} as const;

type TeamSchemas = typeof teamEventSchemas;
type RecordSchemas = typeof serviceRecordEventSchemas;
export type TeamEventType = keyof TeamSchemas;
export type TeamEventData<T extends TeamEventType> = z.output<TeamSchemas[T]['schema']>;
export type TeamEvent = EventUnion<TeamSchemas>;
export type TeamEventOf<T extends TeamEventType> = Extract<TeamEvent, { type: T }>;
export type ServiceRecordEventType = keyof RecordSchemas;
export type ServiceRecordEventData<T extends ServiceRecordEventType> = z.output<
  RecordSchemas[T]['schema']
>;
export type ServiceRecordEvent = EventUnion<RecordSchemas>;
export type ServiceRecordEventOf<T extends ServiceRecordEventType> = Extract<
  ServiceRecordEvent,
  { type: T }
>;

export const {
  types: teamEventTypes,
  isType: isTeamEventType,
  parse: parseTeamEvent,
} = eventParsing(teamEventSchemas, 'a team event');

export const {
  types: serviceRecordEventTypes,
  isType: isServiceRecordEventType,
  parse: parseServiceRecordEvent,
} = eventParsing(serviceRecordEventSchemas, 'a service record event');

export const teamStreams = {
  team: (teamId: string) => `team-${teamId}`,
  serviceRecord: (recordId: string) => `servicerecord-${recordId}`,
};
