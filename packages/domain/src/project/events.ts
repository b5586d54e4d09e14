// Project events (家园共建): a selected micro-project from the confirmation of its cycle's
// selection through its stages to its settlement. Stream `project-<proposalId>`: a project is
// named after the proposal it carries out, so confirming a selection twice opens nothing twice.
// docs/events.md is the catalogue; the schemas here describe the current version of each event.
//
// A project is public: every stage, amount, bidder and photo is shown on its page. Staff appear
// as account ids; no event here holds a resident's personal data.
import { z } from 'zod';
import { eventParsing, type EventUnion } from '../shared/events.ts';
import { inputText, storedText, type TextRules } from '../shared/text.ts';
import { idSchema, storedReasonSchema } from '../organisation/events.ts';
import { isoDateSchema } from '../resident/events.ts';
import { fenSchema, projectCategorySchema } from '../cycle/events.ts';
import { photoSchema, photoRules } from '../proposal/events.ts';

/**
 * Who carries the project out: a functional department named by the street at 立项, or (once the
 * teams module exists) a volunteer team or social organisation that claimed it.
 */
const implementer = (text: TextRules) =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('department'), name: text.name({ min: 2, max: 60 }) }),
    z.object({ kind: z.literal('team'), teamId: idSchema }),
  ]);
export const implementerSchema = implementer(inputText);
export type Implementer = z.infer<typeof implementerSchema>;

/** 公开招标, 询价, 竞争性谈判, 直接委托 (only up to the cycle's direct-award threshold). */
export const procurementMethodSchema = z.enum([
  'public_tender',
  'inquiry',
  'competitive_negotiation',
  'direct_award',
]);
export type ProcurementMethod = z.infer<typeof procurementMethodSchema>;

const bidder = (text: TextRules) =>
  z.object({ name: text.name({ min: 2, max: 80 }), amount: fenSchema });
export const bidderSchema = bidder(inputText);
export type Bidder = z.infer<typeof bidderSchema>;

/** When a photo was taken relative to the works, and when (the capture time the uploader gave). */
export const photoPhaseSchema = z.enum(['before', 'during', 'after']);
export type PhotoPhase = z.infer<typeof photoPhaseSchema>;
export const projectPhotoSchema = photoSchema.extend({
  phase: photoPhaseSchema,
  capturedAt: z.iso.datetime(),
});
export type ProjectPhoto = z.infer<typeof projectPhotoSchema>;
export const projectPhotosSchema = z.array(projectPhotoSchema).max(photoRules.maxCount);

/** A milestone of the works: its share of the whole (whole percent) and its planned day. */
const milestone = (text: TextRules) =>
  z.object({
    milestoneId: z.string().regex(/^m[0-9]{1,2}$/),
    title: text.line({ min: 2, max: 80 }),
    weight: z.number().int().min(1).max(100),
    plannedOn: isoDateSchema,
  });
export const milestonePlanSchema = milestone(inputText);
export type MilestonePlan = z.infer<typeof milestonePlanSchema>;
export const milestonesSchema = z.array(milestonePlanSchema).min(1).max(20);

/** One member of an acceptance committee (验收小组), who signs the record with their name. */
export const committeeRoleSchema = z.enum(['implementer', 'community', 'resident_representative']);
export type CommitteeRole = z.infer<typeof committeeRoleSchema>;
const member = (text: TextRules) =>
  z.object({
    role: committeeRoleSchema,
    name: text.name({ min: 2, max: 40 }),
    signed: z.boolean(),
  });
export const committeeMemberSchema = member(inputText);

/** The four questions of the satisfaction survey (满意度测评), each answered 1–5. */
export const surveyQuestions = ['overall', 'quality', 'timeliness', 'usefulness'] as const;
export type SurveyQuestion = (typeof surveyQuestions)[number];
const score = z.number().int().min(1).max(5);
export const surveyScoresSchema = z.object({
  overall: score,
  quality: score,
  timeliness: score,
  usefulness: score,
});
export type SurveyScores = z.infer<typeof surveyScoresSchema>;
/** How many answers gave 1, 2, 3, 4 and 5 to each question. */
const distribution = z.array(z.number().int().min(0)).length(5);
export const surveyResultSchema = z.object({
  answers: z.number().int().min(0),
  voters: z.number().int().min(0),
  minimum: z.number().int().min(1),
  tooFew: z.boolean(),
  distribution: z.object({
    overall: distribution,
    quality: distribution,
    timeliness: distribution,
    usefulness: distribution,
  }),
});
export type SurveyResult = z.infer<typeof surveyResultSchema>;

/** A question's mean score (1–5, two decimals) from its distribution; null without answers. */
export function surveyMeanScore(counts: readonly number[]): number | null {
  let answers = 0;
  let total = 0;
  counts.forEach((count, i) => {
    answers += count;
    total += count * (i + 1);
  });
  return answers === 0 ? null : Math.round((total / answers) * 100) / 100;
}

const NOTE = { max: 1000 };
const project = { projectId: idSchema };
const by = { by: idSchema };

export const projectEventSchemas = {
  /** The cycle's selection was confirmed with this proposal among its community's winners. */
  ProjectOpened: {
    version: 1,
    schema: z.object({
      ...project,
      cycleId: idSchema,
      proposalId: idSchema,
      streetId: idSchema,
      communityId: idSchema,
      title: storedText.line({ max: 80 }),
      category: projectCategorySchema,
      /** The cost the vote selected it at. */
      selectedCost: fenSchema,
      votes: z.number().int().min(0),
      ballotCount: z.number().int().min(0),
      /** The digest of the tally's input (the bulletin) that selected it. */
      tallyDigest: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  },
  /** 立项: the street approves the project and names who implements it. */
  ProjectApproved: {
    version: 1,
    schema: z.object({
      ...project,
      ...by,
      implementer: implementer(storedText),
      note: storedText.paragraph(NOTE).optional(),
      documents: z.array(photoSchema).max(photoRules.maxCount),
    }),
  },
  /** 概审: the approved budget; above the selected cost only by a street decision with a reason. */
  ProjectBudgetReviewed: {
    version: 1,
    schema: z.object({
      ...project,
      ...by,
      approvedBudget: fenSchema,
      /** Why the budget differs from the selected cost (required above it). */
      reason: storedReasonSchema.optional(),
      /** The street's decision above the selected cost, e.g. 虞街〔2025〕12 号. */
      decisionRef: storedText.line({ max: 60 }).optional(),
    }),
  },
  /** 采购/招标: method, bidders, the award and its reason, the contract. */
  ProjectContractAwarded: {
    version: 1,
    schema: z.object({
      ...project,
      ...by,
      method: procurementMethodSchema,
      bidders: z.array(bidder(storedText)).min(1).max(20),
      contractor: storedText.name({ min: 2, max: 80 }),
      contractValue: fenSchema,
      reason: storedReasonSchema,
      documents: z.array(photoSchema).max(photoRules.maxCount),
    }),
  },
  /** 开工: works begin, with the milestones they are measured by. */
  ProjectWorksStarted: {
    version: 1,
    schema: z.object({
      ...project,
      ...by,
      startedOn: isoDateSchema,
      milestones: z.array(milestone(storedText)).min(1).max(20),
      photos: projectPhotosSchema,
    }),
  },
  ProjectMilestoneReached: {
    version: 1,
    schema: z.object({
      ...project,
      ...by,
      milestoneId: z.string().regex(/^m[0-9]{1,2}$/),
      reachedOn: isoDateSchema,
      note: storedText.paragraph(NOTE).optional(),
      photos: projectPhotosSchema,
    }),
  },
  /** A payment to the contractor, against a milestone reached or the contract as a whole. */
  ProjectPaymentMade: {
    version: 1,
    schema: z.object({
      ...project,
      ...by,
      paymentId: idSchema,
      amount: fenSchema,
      paidOn: isoDateSchema,
      milestoneId: z
        .string()
        .regex(/^m[0-9]{1,2}$/)
        .optional(),
      note: storedText.paragraph(NOTE).optional(),
    }),
  },
  /** 完工: every milestone reached. */
  ProjectWorksCompleted: {
    version: 1,
    schema: z.object({
      ...project,
      ...by,
      completedOn: isoDateSchema,
      photos: projectPhotosSchema,
    }),
  },
  /** 验收: the committee's verdict, each member signing; a conditional pass lists rectifications. */
  ProjectAcceptanceRecorded: {
    version: 1,
    schema: z.object({
      ...project,
      ...by,
      verdict: z.enum(['passed', 'conditional', 'failed']),
      acceptedOn: isoDateSchema,
      committee: z.array(member(storedText)).min(4).max(20),
      rectifications: z
        .array(z.object({ item: storedText.line({ max: 200 }), dueOn: isoDateSchema }))
        .max(30),
      note: storedText.paragraph(NOTE).optional(),
    }),
  },
  /** 结算: the final account; a difference from the contract value is explained. */
  ProjectSettled: {
    version: 1,
    schema: z.object({
      ...project,
      ...by,
      finalAmount: fenSchema,
      reason: storedReasonSchema.optional(),
    }),
  },
  /** 满意度测评 opens after acceptance, for the cycle's survey days (China time, both included). */
  ProjectSurveyOpened: {
    version: 1,
    schema: z.object({
      ...project,
      ...by,
      opensOn: isoDateSchema,
      closesOn: isoDateSchema,
      /** The community's voters in the cycle, against whom the response rate is measured. */
      voters: z.number().int().min(0),
      /** Fewer answers than this are flagged as too few to judge. */
      minimum: z.number().int().min(1),
      /**
       * The residents eligible to vote in the community when the survey opened, against whom the
       * response rate is also measured (added to v1 as optional: absent in surveys opened before).
       */
      eligible: z.number().int().min(0).optional(),
    }),
  },
  /** The survey closed with its counted answers (anonymous: counts only). */
  ProjectSurveyClosed: {
    version: 1,
    schema: z.object({ ...project, ...by, result: surveyResultSchema }),
  },
  /** The evaluation is published: the survey's result with the implementer's reply. */
  ProjectEvaluated: {
    version: 1,
    schema: z.object({ ...project, ...by, reply: storedText.paragraph({ min: 5, max: 2000 }) }),
  },
  ProjectSuspended: {
    version: 1,
    schema: z.object({ ...project, ...by, reason: storedReasonSchema }),
  },
  ProjectResumed: {
    version: 1,
    schema: z.object({ ...project, ...by, reason: storedReasonSchema }),
  },
  /** Cancelled: what was not spent of the budget goes back to the community's money. */
  ProjectCancelled: {
    version: 1,
    schema: z.object({
      ...project,
      ...by,
      reason: storedReasonSchema,
      released: z.number().int().min(0),
    }),
  },
  /** A team's claim on the need offering the whole project was accepted: the team implements it. */
  ProjectHandedToTeam: {
    version: 1,
    schema: z.object({ ...project, ...by, teamId: idSchema, needId: idSchema }),
  },
} as const;

type Schemas = typeof projectEventSchemas;
export type ProjectEventType = keyof Schemas;
export type ProjectEventData<T extends ProjectEventType> = z.output<Schemas[T]['schema']>;

/** The union of all project events as deciders see them. */
export type ProjectEvent = EventUnion<Schemas>;

export type ProjectEventOf<T extends ProjectEventType> = Extract<ProjectEvent, { type: T }>;

export const {
  types: projectEventTypes,
  isType: isProjectEventType,
  parse: parseProjectEvent,
} = eventParsing(projectEventSchemas, 'a project event');

/** One resident's answer to a project's survey: stream `surveyanswer-<projectId>-<residentId>`. */
export const surveyAnswerEventSchemas = {
  SurveyAnswered: {
    version: 1,
    schema: z.object({
      projectId: idSchema,
      residentId: idSchema,
      scores: surveyScoresSchema,
      comment: storedText.paragraph({ max: 500 }).optional(),
    }),
  },
} as const;

type AnswerSchemas = typeof surveyAnswerEventSchemas;
export type SurveyAnswerEvent = EventUnion<AnswerSchemas>;
export const { types: surveyAnswerEventTypes, parse: parseSurveyAnswerEvent } = eventParsing(
  surveyAnswerEventSchemas,
  'a survey answer event',
);

export const projectStreams = {
  project: (projectId: string) => `project-${projectId}`,
  surveyAnswer: (projectId: string, residentId: string) =>
    `surveyanswer-${projectId}-${residentId}`,
};
