// Meeting events (议事协商): the deliberative bodies of a community or a street with their rosters, the meetings
// they hold, and who signed in to each. docs/events.md is the catalogue; the schemas here describe
// the current version of each event.
//
// Streams:
// - `meetingbody-<bodyId>`: a body (居民议事会, 村民代表会议 …), its rules and its roster: members
//   join and leave on dated days, so the roster as of any day can be shown;
// - `meeting-<meetingId>`: convening with notice, motions and their votes, closing;
// - `meetingattendance-<meetingId>-<residentId>`: one person's sign-ins and leavings at one
//   meeting, a stream of its own so that a room full of people signing in at once never contends.
//
// Members are residents, named by their id only: names stay in the resident's own stream.
import { z } from 'zod';
import { eventParsing, type EventUnion } from '../shared/events.ts';
import { inputText, storedText } from '../shared/text.ts';
import { idSchema } from '../organisation/events.ts';
import { isoDateSchema } from '../resident/events.ts';

/** The forms of deliberation of the 2015 guidance a body can take. */
export const bodyKindSchema = z.enum([
  'residents_council', // 居民议事会
  'round_table', // 邻里圆桌会
  'villager_representatives', // 村民代表会议
  'residents_meeting', // 居民会议
  'owners_talk', // 业主协商会
  'hearing', // 听证会
]);
export type BodyKind = z.infer<typeof bodyKindSchema>;
export const bodyKinds = bodyKindSchema.options;

/** Who a member is, after the 2015 guidance's list of the parties to deliberation. */
export const memberKindSchema = z.enum([
  'resident',
  'party_organisation',
  'committee',
  'owners_committee',
  'property_company',
  'social_organisation',
  'unit',
  'expert',
]);
export type MemberKind = z.infer<typeof memberKindSchema>;
export const memberKinds = memberKindSchema.options;

/** A member's part: voting members (the chair among them) and the recorder, who does not vote. */
export const memberRoleSchema = z.enum(['member', 'chair', 'recorder']);
export type MemberRole = z.infer<typeof memberRoleSchema>;
export const memberRoles = memberRoleSchema.options;

/** How many of the voting members must be present for the body to sit. */
export const quorumRuleSchema = z.enum(['two_thirds', 'more_than_half']);
export type QuorumRule = z.infer<typeof quorumRuleSchema>;

/** How many votes for a motion carry it. */
export const majorityRuleSchema = z.enum(['of_present', 'of_members', 'two_thirds_of_present']);
export type MajorityRule = z.infer<typeof majorityRuleSchema>;

export const bodyRulesSchema = z.object({
  quorum: quorumRuleSchema,
  majority: majorityRuleSchema,
  /** The least number of days the notice must precede the meeting; later notice is flagged. */
  noticeDays: z.number().int().min(0).max(30),
});
export type BodyRules = z.infer<typeof bodyRulesSchema>;

const BODY_NAME = { max: 60 };
const TITLE = { max: 120 };
const PLACE = { max: 120 };
const MOTION = { max: 1000 };

export const bodyNameSchema = inputText.line(BODY_NAME);
export const meetingTitleSchema = inputText.line(TITLE);
export const meetingPlaceSchema = inputText.line(PLACE);
export const motionTextSchema = inputText.paragraph(MOTION);
export const agendaTitleSchema = inputText.line(TITLE);

/** An agenda item; `reserved`: a matter the law reserves to the residents' meeting (居民会议). */
export const agendaItemSchema = z.object({
  itemId: idSchema,
  title: storedText.line(TITLE),
  reserved: z.boolean(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

/** A roster line as the meeting was convened with it. */
export const rosterLineSchema = z.object({
  residentId: idSchema,
  kind: memberKindSchema,
  role: memberRoleSchema,
});
export type RosterLine = z.infer<typeof rosterLineSchema>;

export const voteChoiceSchema = z.enum(['for', 'against', 'abstain']);
export type VoteChoice = z.infer<typeof voteChoiceSchema>;

/** A count of hands (show of hands entered by the recorder), or each member's named vote. */
export const voteSchema = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('count'),
    for: z.number().int().min(0).max(100_000),
    against: z.number().int().min(0).max(100_000),
    abstain: z.number().int().min(0).max(100_000),
  }),
  z.object({
    method: z.literal('named'),
    votes: z.array(z.object({ residentId: idSchema, choice: voteChoiceSchema })).max(10_000),
  }),
]);
export type Vote = z.infer<typeof voteSchema>;

const attendance = { meetingId: idSchema, residentId: idSchema };

export const meetingEventSchemas = {
  MeetingBodyEstablished: {
    version: 2,
    schema: z.object({
      bodyId: idSchema,
      /**
       * v2: null for a street's body (街道议事协商委员会). The street is always set, so whatever
       * groups by street reads both levels alike, and the level is this one field, not a second
       * that could disagree with it. v1 (always a community) is v2 data as it stands.
       */
      communityId: idSchema.nullable(),
      streetId: idSchema,
      kind: bodyKindSchema,
      name: storedText.line(BODY_NAME),
      rules: bodyRulesSchema,
    }),
  },
  BodyMemberJoined: {
    version: 1,
    schema: z.object({
      bodyId: idSchema,
      residentId: idSchema,
      kind: memberKindSchema,
      role: memberRoleSchema,
      /** The first day on the roster (China's calendar). */
      from: isoDateSchema,
    }),
  },
  BodyMemberLeft: {
    version: 1,
    schema: z.object({
      bodyId: idSchema,
      residentId: idSchema,
      /** The first day no longer on the roster. */
      from: isoDateSchema,
    }),
  },
  MeetingConvened: {
    version: 2,
    schema: z.object({
      meetingId: idSchema,
      bodyId: idSchema,
      /** v2: the body's community, null for a street's body (as MeetingBodyEstablished v2). */
      communityId: idSchema.nullable(),
      streetId: idSchema,
      bodyKind: bodyKindSchema,
      title: storedText.line(TITLE),
      agenda: z.array(agendaItemSchema).min(1).max(30),
      /** When the meeting begins, ISO-8601 UTC. */
      startsAt: z.iso.datetime(),
      place: storedText.line(PLACE),
      /** When the notice was published (the convening itself), ISO-8601 UTC. */
      noticedAt: z.iso.datetime(),
      /** The body's rules as the meeting was convened: its votes are decided on them. */
      rules: bodyRulesSchema,
      /** Notice given later than the rules' `noticeDays` before the start. */
      lateNotice: z.boolean(),
      /** The body's roster on the meeting's day. */
      roster: z.array(rosterLineSchema).max(10_000),
    }),
  },
  MotionTabled: {
    version: 1,
    schema: z.object({
      meetingId: idSchema,
      motionId: idSchema,
      itemId: idSchema,
      text: storedText.paragraph(MOTION),
    }),
  },
  MotionVoted: {
    version: 1,
    schema: z.object({
      meetingId: idSchema,
      motionId: idSchema,
      vote: voteSchema,
      /** The voting members present when the vote was taken (frozen). */
      present: z.array(idSchema).max(10_000),
      /** How many voting members the roster has (frozen). */
      entitled: z.number().int().min(0),
      majority: majorityRuleSchema,
      /** The votes for that carry the motion, computed from the rule. */
      needed: z.number().int().min(0),
      passed: z.boolean(),
    }),
  },
  MeetingClosed: {
    version: 1,
    schema: z.object({ meetingId: idSchema }),
  },
  AttendeeSignedIn: {
    version: 1,
    schema: z.object({
      ...attendance,
      /** A voting or roster member, or a non-member attending (列席). */
      as: z.enum(['member', 'attendee']),
      /** Scanned the rotating code on their phone, or signed in by a worker. */
      via: z.enum(['code', 'worker']),
    }),
  },
  AttendeeLeft: {
    version: 1,
    schema: z.object(attendance),
  },
} as const;

type Schemas = typeof meetingEventSchemas;
export type MeetingEventType = keyof Schemas;
export type MeetingEventData<T extends MeetingEventType> = z.output<Schemas[T]['schema']>;
export type MeetingEvent = EventUnion<Schemas>;
export type MeetingEventOf<T extends MeetingEventType> = Extract<MeetingEvent, { type: T }>;

export const {
  types: meetingEventTypes,
  isType: isMeetingEventType,
  parse: parseMeetingEvent,
} = eventParsing(meetingEventSchemas, 'a meeting event');

export const meetingStreams = {
  body: (bodyId: string) => `meetingbody-${bodyId}`,
  meeting: (meetingId: string) => `meeting-${meetingId}`,
  attendance: (meetingId: string, residentId: string) =>
    `meetingattendance-${meetingId}-${residentId}`,
  /** What every attendance stream of a meeting begins with. */
  attendancePrefix: (meetingId: string) => `meetingattendance-${meetingId}-`,
};
