// Proposal events (建议共提, 筛选共议): residents' proposals for a cycle, from submission through
// screening, site survey and the neighbourhood round-table (邻里圆桌会) into the project pool
// (项目库), and after the vote the feedback to authors whose proposal was not selected (意见共商)
// and its carrying into a later cycle. Streams `proposal-<proposalId>` and
// `roundtable-<roundTableId>`. docs/events.md is the catalogue; the schemas here describe the
// current version of each event.
//
// A proposal is public: its title, description, location and photos are shown to everyone, and
// the form says so. The people behind it are not: authors and co-signers appear only as resident
// ids (pages show an anonymised label), and no event here holds a resident's personal data.
import { z } from 'zod';
import { eventParsing, type EventUnion } from '../shared/events.ts';
import { inputText, storedText, type TextRules } from '../shared/text.ts';
import { idSchema, storedReasonSchema } from '../organisation/events.ts';
import { isoDateSchema } from '../resident/events.ts';
import { fenSchema, projectCategorySchema, storedListItemSchema } from '../cycle/events.ts';

/** What the app accepts as a photo: its stored file's id, MIME type and size. */
export const photoRules = {
  maxCount: 6,
  maxBytes: 10 * 1024 * 1024,
  types: ['image/jpeg', 'image/png', 'image/webp', 'image/heic'],
} as const;

export const photoSchema = z.object({
  fileId: idSchema,
  type: z.enum(photoRules.types),
  size: z.number().int().min(1).max(photoRules.maxBytes),
});
export type Photo = z.infer<typeof photoSchema>;

export const photosSchema = z.array(photoSchema).max(photoRules.maxCount);

/** Where the proposal is: a description (e.g. 湖畔花园 3 幢北侧), with optional coordinates. */
const location = (text: TextRules) =>
  z
    .object({
      text: text.line({ max: 200 }),
      lat: z.number().min(-90).max(90).optional(),
      lng: z.number().min(-180).max(180).optional(),
    })
    .refine((l) => (l.lat === undefined) === (l.lng === undefined), 'lat and lng go together');

/** A location as an author gives it (text checked by shared/text.ts). */
export const locationSchema = location(inputText);
export type ProposalLocation = z.infer<typeof locationSchema>;

const TITLE = { min: 2, max: 60 };
const DESCRIPTION = { max: 2000 };
export const proposalTitleSchema = inputText.line(TITLE);
export const proposalDescriptionSchema = inputText.paragraph(DESCRIPTION);

/** The parts of a proposal its author writes, and may change while editing is open. */
export const proposalContentSchema = z.object({
  title: storedText.line(TITLE),
  description: storedText.paragraph(DESCRIPTION),
  category: projectCategorySchema,
  /** In fen (分). */
  estimatedCost: fenSchema,
  location: location(storedText),
  photos: photosSchema,
});
export type ProposalContent = z.infer<typeof proposalContentSchema>;

/** Changed fields only; at least one. */
export const proposalChangesSchema = proposalContentSchema.partial();
export type ProposalChanges = z.infer<typeof proposalChangesSchema>;

/** How a proposal reached the system: by the resident, by a worker from paper, by a proxy. */
export const proposalChannelSchema = z.enum(['online', 'offline', 'proxy']);
export type ProposalChannel = z.infer<typeof proposalChannelSchema>;

export const surveyOpinionSchema = z.enum(['feasible', 'infeasible', 'conditional']);
export type SurveyOpinion = z.infer<typeof surveyOpinionSchema>;

/** 项目顾问 or 职能部门. */
export const surveyorSchema = z.enum(['consultant', 'department']);
export type Surveyor = z.infer<typeof surveyorSchema>;

/** Who sits at a round-table (domain brief §2), so pages can name the role in either language. */
export const attendeeRoleSchema = z.enum([
  'chair',
  'recorder',
  'resident_representative',
  'owners_committee',
  'property_company',
  'police',
  'social_organisation',
  'consultant',
  'department',
  'community_worker',
  'proposer',
  'other',
]);
export type AttendeeRole = z.infer<typeof attendeeRoleSchema>;

/**
 * An attendee as the public minutes list them. Names are those of people acting in a public
 * capacity (representatives, staff); they are not tied to a resident's key, so they cannot be
 * shredded: leave the name out for a resident who attends privately (e.g. as proposer).
 */
const attendee = (text: TextRules) =>
  z.object({ name: text.name({ max: 40 }).optional(), role: attendeeRoleSchema });

/** An attendee as a worker records them (text checked by shared/text.ts). */
export const attendeeSchema = attendee(inputText);
export type Attendee = z.infer<typeof attendeeSchema>;

const NOTES = { max: 2000 };
/** A survey's or a round-table's notes, as a worker writes them. */
export const notesSchema = inputText.paragraph(NOTES);
const storedNotes = storedText.paragraph(NOTES);

/**
 * Who gave the feedback on a proposal that was not selected (意见共商): a community worker, or
 * residents' representatives whose words a worker records. Representatives are named as the
 * round-table minutes name attendees: people acting in a public capacity.
 */
export const feedbackGiverSchema = z.enum(['community_worker', 'resident_representatives']);
export type FeedbackGiver = z.infer<typeof feedbackGiverSchema>;

const FEEDBACK_REASON = { max: 1000 };
const FEEDBACK_SUGGESTIONS = { max: 2000 };
const FEEDBACK_MESSAGE = { max: 1000 };
const representatives = (text: TextRules) =>
  z
    .array(text.name({ max: 40 }))
    .min(1)
    .max(20);
export const feedbackReasonSchema = inputText.paragraph(FEEDBACK_REASON);
export const feedbackSuggestionsSchema = inputText.paragraph(FEEDBACK_SUGGESTIONS);
export const feedbackMessageSchema = inputText.paragraph(FEEDBACK_MESSAGE);
export const representativesSchema = representatives(inputText);

/** Who wrote a message of the feedback thread: the proposal's author, or the community. */
export const feedbackSenderSchema = z.enum(['author', 'community']);
export type FeedbackSender = z.infer<typeof feedbackSenderSchema>;

export const proposalEventSchemas = {
  ProposalSubmitted: {
    version: 1,
    schema: z.object({
      proposalId: idSchema,
      cycleId: idSchema,
      streetId: idSchema,
      communityId: idSchema,
      ...proposalContentSchema.shape,
      authorResidentId: idSchema,
      channel: proposalChannelSchema,
    }),
  },
  ProposalEdited: {
    version: 1,
    schema: z.object({
      proposalId: idSchema,
      changes: proposalChangesSchema,
      /** The same fields as they were. */
      previous: proposalChangesSchema,
    }),
  },
  ProposalWithdrawn: {
    version: 1,
    schema: z.object({ proposalId: idSchema, reason: storedReasonSchema.optional() }),
  },
  ProposalCoSigned: {
    version: 1,
    schema: z.object({ proposalId: idSchema, residentId: idSchema }),
  },
  ProposalMerged: {
    version: 1,
    schema: z.object({
      proposalId: idSchema,
      intoProposalId: idSchema,
      note: storedReasonSchema.optional(),
    }),
  },
  ProposalAbsorbed: {
    version: 1,
    schema: z.object({
      proposalId: idSchema,
      fromProposalId: idSchema,
      /** The merged proposal's title, so that history reads without folding it. */
      fromTitle: storedText.line(TITLE),
      /** Authors of the merged proposal the target did not have yet. */
      authors: z.array(idSchema),
      /** Its co-signers who were neither authors nor co-signers of the target. */
      coSigners: z.array(idSchema),
    }),
  },
  ProposalMarkedInfeasible: {
    version: 1,
    schema: z
      .object({
        proposalId: idSchema,
        /** The line of the cycle's excluded list (负面清单) it falls under, copied. */
        excluded: storedListItemSchema.optional(),
        note: storedReasonSchema.optional(),
      })
      .refine((d) => d.excluded !== undefined || d.note !== undefined, 'a reason is required'),
  },
  ProposalSentToSurvey: {
    version: 1,
    schema: z.object({ proposalId: idSchema, note: storedReasonSchema.optional() }),
  },
  SiteSurveyRecorded: {
    version: 1,
    schema: z.object({
      proposalId: idSchema,
      surveyor: surveyorSchema,
      /** The consultant's firm or the department, e.g. 市住建局. */
      organisation: storedText.name({ max: 80 }).optional(),
      notes: storedNotes,
      photos: photosSchema,
      revisedCost: fenSchema.optional(),
      opinion: surveyOpinionSchema,
      /** Required when the opinion is conditional. */
      conditions: storedReasonSchema.optional(),
    }),
  },
  RoundTableHeld: {
    version: 1,
    schema: z.object({
      roundTableId: idSchema,
      cycleId: idSchema,
      streetId: idSchema,
      communityId: idSchema,
      date: isoDateSchema,
      attendees: z.array(attendee(storedText)).min(1).max(100),
      notes: storedNotes.optional(),
    }),
  },
  ProposalAdmittedToPool: {
    version: 1,
    schema: z.object({
      proposalId: idSchema,
      roundTableId: idSchema,
      /** The cost it enters the pool at: the last surveyed cost, else the estimate (fen). */
      cost: fenSchema,
      note: storedReasonSchema.optional(),
    }),
  },
  ProposalRejectedAtRoundTable: {
    version: 1,
    schema: z.object({ proposalId: idSchema, roundTableId: idSchema, reason: storedReasonSchema }),
  },
  ProposalReturnedForRevision: {
    version: 1,
    schema: z.object({
      proposalId: idSchema,
      roundTableId: idSchema,
      /** What the author is asked to change. */
      changesRequested: storedReasonSchema,
    }),
  },
  ProposalResubmitted: {
    version: 1,
    schema: z.object({
      proposalId: idSchema,
      changes: proposalChangesSchema,
      previous: proposalChangesSchema,
    }),
  },
  /** Why a pool proposal was not selected and how it could be improved, once the vote closed. */
  ProposalFeedbackGiven: {
    version: 1,
    schema: z
      .object({
        proposalId: idSchema,
        reason: storedText.paragraph(FEEDBACK_REASON),
        suggestions: storedText.paragraph(FEEDBACK_SUGGESTIONS),
        givenBy: feedbackGiverSchema,
        /** Required when residents' representatives gave it. */
        representatives: representatives(storedText).optional(),
      })
      .refine(
        (d) => (d.givenBy === 'resident_representatives') === (d.representatives !== undefined),
        'representatives are named when, and only when, they gave the feedback',
      ),
  },
  /** A message of the thread about the feedback, from the author or from the community. */
  ProposalFeedbackMessagePosted: {
    version: 1,
    schema: z.object({
      proposalId: idSchema,
      from: feedbackSenderSchema,
      text: storedText.paragraph(FEEDBACK_MESSAGE),
    }),
  },
  /** The author carried the proposal into a later cycle of the street, as a new proposal. */
  ProposalCarriedForward: {
    version: 1,
    schema: z.object({ proposalId: idSchema, toProposalId: idSchema, toCycleId: idSchema }),
  },
  /** Follows ProposalSubmitted on a proposal carried forward: where it came from. */
  ProposalCarriedFrom: {
    version: 1,
    schema: z.object({ proposalId: idSchema, fromProposalId: idSchema, fromCycleId: idSchema }),
  },
} as const;

type Schemas = typeof proposalEventSchemas;
export type ProposalEventType = keyof Schemas;
export type ProposalEventData<T extends ProposalEventType> = z.output<Schemas[T]['schema']>;

/** The union of all proposal and round-table events as deciders see them. */
export type ProposalModuleEvent = EventUnion<Schemas>;

export type ProposalEventOf<T extends ProposalEventType> = Extract<
  ProposalModuleEvent,
  { type: T }
>;

export const {
  types: proposalEventTypes,
  isType: isProposalEventType,
  parse: parseProposalEvent,
} = eventParsing(proposalEventSchemas, 'a proposal event');

export const proposalStreams = {
  proposal: (proposalId: string) => `proposal-${proposalId}`,
  roundTable: (roundTableId: string) => `roundtable-${roundTableId}`,
};
