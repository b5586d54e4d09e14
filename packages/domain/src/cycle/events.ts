// Cycle events: a street's micro-project cycle (民生微实事), from its draft to its last phase.
// Stream `cycle-<cycleId>`. docs/events.md is the catalogue; the schemas here describe the
// current version of each event.
//
// Money is in integer fen (分, ¥0.01) everywhere: budgets, caps and costs add and compare
// exactly, and ¥200,000 is 20_000_000 fen, far inside the safe-integer range.
import { z } from 'zod';
import { eventParsing, type EventUnion } from '../shared/events.ts';
import { inputText, storedText } from '../shared/text.ts';
import { idSchema, storedReasonSchema } from '../organisation/events.ts';
import { isoDateSchema, tieKindSchema } from '../resident/events.ts';

/** An amount of money in integer fen (分); positive. */
export const fenSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** 工程类 works, 服务类 services, 货物类 goods: each has its own per-project cap. */
export const projectCategorySchema = z.enum(['works', 'services', 'goods']);
export type ProjectCategory = z.infer<typeof projectCategorySchema>;
export const projectCategories = projectCategorySchema.options;

/**
 * The dated phases of a published cycle, in order (the eight-step method's steps 2–8, with the
 * closing). Before the first of them a published cycle is `announced`.
 */
export const cyclePhaseSchema = z.enum([
  'proposing',
  'screening',
  'voting',
  'publicity',
  'implementing',
  'evaluating',
  'closed',
]);
export type CyclePhase = z.infer<typeof cyclePhaseSchema>;
export const cyclePhases = cyclePhaseSchema.options;

/** Where a published cycle is: announced (published, proposing not begun) or one of its phases. */
export const cycleStageSchema = z.enum(['announced', ...cyclePhases]);
export type CycleStage = z.infer<typeof cycleStageSchema>;

/** The first day of each phase, YYYY-MM-DD (China time); the order is checked by the decider. */
export const cycleScheduleSchema = z.object({
  proposing: isoDateSchema,
  screening: isoDateSchema,
  voting: isoDateSchema,
  publicity: isoDateSchema,
  implementing: isoDateSchema,
  evaluating: isoDateSchema,
  closed: isoDateSchema,
});
export type CycleSchedule = z.infer<typeof cycleScheduleSchema>;

const LIST_ITEM_TEXT = { max: 200 };
const LIST_ITEM_TEXT_EN = { max: 400 };

/** A line of the allowed or excluded list (正面清单/负面清单), e.g. { code: 'N3', text: '…' }. */
export const listItemSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/),
  text: inputText.line(LIST_ITEM_TEXT),
  textEn: inputText.line(LIST_ITEM_TEXT_EN).optional(),
});
export type ListItem = z.infer<typeof listItemSchema>;

/** A list line as released events hold it (written before the text rules of shared/text.ts). */
export const storedListItemSchema = listItemSchema.extend({
  text: storedText.line(LIST_ITEM_TEXT),
  textEn: storedText.line(LIST_ITEM_TEXT_EN).optional(),
});

/** An allowed or excluded list: at most 100 lines. */
const listOf = <Item extends z.ZodType>(item: Item) => z.array(item).max(100);

export const communityBudgetSchema = z.object({ communityId: idSchema, budget: fenSchema });
export type CommunityBudget = z.infer<typeof communityBudgetSchema>;

/** Approval: each voter approves at most K projects (and at least M, if set); or knapsack. */
export const ballotRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('approval'),
    maxProjects: z.number().int().min(1).max(50),
    minProjects: z.number().int().min(1).max(50).optional(),
  }),
  z.object({ kind: z.literal('knapsack') }),
]);
export type BallotRule = z.infer<typeof ballotRuleSchema>;

/** Winners by votes until the budget is spent, or by the Method of Equal Shares. */
export const aggregationRuleSchema = z.enum(['greedy', 'mes']);
export type AggregationRule = z.infer<typeof aggregationRuleSchema>;

/**
 * The support a project needs to be selected, whatever the rule: a number of votes, or a share
 * (whole percent) of the community's ballots. A project nobody voted for is never selected, so
 * the least is one vote; cycles drafted before this setting existed need one vote.
 */
export const minimumSupportSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('votes'), votes: z.number().int().min(1).max(1_000_000) }),
  z.object({ kind: z.literal('share'), percent: z.number().int().min(1).max(100) }),
]);
export type MinimumSupport = z.infer<typeof minimumSupportSchema>;

/** What a cycle without the setting needs: one vote. */
export const defaultMinimumSupport: MinimumSupport = { kind: 'votes', votes: 1 };

/** The votes a project needs among `ballots` ballots: at least one. */
export function votesNeeded(minimum: MinimumSupport, ballots: number): number {
  return minimum.kind === 'votes'
    ? minimum.votes
    : Math.max(1, Math.ceil((minimum.percent * ballots) / 100));
}

/** The fewest ballots for a bare bulletin: 1 publishes every bulletin ballot by ballot. */
export const bulletinMinimumSchema = z.number().int().min(1).max(1000);

/** What a cycle without the setting takes: ten ballots. */
export const defaultBulletinMinimum = 10;

/** What a cycle without the setting allows to be awarded directly: ¥50,000. */
export const defaultDirectAwardThreshold = 5_000_000;

/** What a cycle without the setting gives a satisfaction survey: fourteen days. */
export const defaultSurveyDays = 14;

/** Who may propose, co-sign and vote: a verified tie of these kinds, and a minimum age. */
export const cycleEligibilitySchema = z.object({
  tieKinds: z
    .array(tieKindSchema)
    .min(1)
    .max(3)
    .refine((kinds) => new Set(kinds).size === kinds.length, 'each kind at most once'),
  minAge: z.number().int().min(0).max(120),
});
export type CycleEligibility = z.infer<typeof cycleEligibilitySchema>;

const CYCLE_TITLE = { min: 2, max: 80 };
const CYCLE_TITLE_EN = { min: 2, max: 160 };

/** Everything a street officer sets for a cycle; drafts may be amended whole until published. */
export const cycleDefinitionSchema = z.object({
  title: inputText.line(CYCLE_TITLE),
  titleEn: inputText.line(CYCLE_TITLE_EN).optional(),
  year: z.number().int().min(2000).max(2100),
  communities: z.array(communityBudgetSchema).max(200),
  caps: z.object({ works: fenSchema, services: fenSchema, goods: fenSchema }),
  allowed: listOf(listItemSchema),
  excluded: listOf(listItemSchema),
  eligibility: cycleEligibilitySchema,
  ballot: ballotRuleSchema,
  aggregation: aggregationRuleSchema,
  /** Absent in cycles drafted before it existed: `defaultMinimumSupport`. */
  minimumSupport: minimumSupportSchema.optional(),
  /**
   * The fewest ballots a community needs for its bulletin to be published ballot by ballot;
   * below it only the totals are public (ballot/bulletin.ts). Absent: `defaultBulletinMinimum`.
   */
  bulletinMinimum: bulletinMinimumSchema.optional(),
  /**
   * The contract value up to which a project's implementer may award directly (直接委托) rather
   * than through tender, inquiry or negotiation. Absent: `defaultDirectAwardThreshold`.
   */
  directAwardThreshold: fenSchema.optional(),
  /** How many days a project's satisfaction survey stays open. Absent: `defaultSurveyDays`. */
  surveyDays: z.number().int().min(1).max(90).optional(),
  /**
   * How many days a project's implementer has to answer a supervisor's report. Absent:
   * `defaultSupervisionAnswerDays` (project/supervision).
   */
  supervisionAnswerDays: z.number().int().min(1).max(60).optional(),
  /** Length of the publicity (公示) of the selection, typically 3–7 days. */
  publicityDays: z.number().int().min(1).max(60),
  schedule: cycleScheduleSchema,
});
export type CycleDefinition = z.infer<typeof cycleDefinitionSchema>;

/** A definition as released events hold it (written before the text rules of shared/text.ts). */
const storedCycleDefinition = cycleDefinitionSchema.extend({
  title: storedText.line(CYCLE_TITLE),
  titleEn: storedText.line(CYCLE_TITLE_EN).optional(),
  allowed: listOf(storedListItemSchema),
  excluded: listOf(storedListItemSchema),
});

export const cycleEventSchemas = {
  CycleDrafted: {
    version: 1,
    schema: z.object({ cycleId: idSchema, streetId: idSchema, ...storedCycleDefinition.shape }),
  },
  CycleDraftAmended: {
    version: 1,
    schema: z.object({ cycleId: idSchema, ...storedCycleDefinition.shape }),
  },
  CyclePublished: {
    version: 1,
    schema: z.object({ cycleId: idSchema }),
  },
  CyclePhaseAdvanced: {
    version: 1,
    schema: z.object({
      cycleId: idSchema,
      from: cycleStageSchema,
      to: cyclePhaseSchema,
      /** When the officer moved it, ISO-8601 UTC. */
      at: z.iso.datetime(),
      /** The day the schedule gave for `to`. */
      scheduledFor: isoDateSchema,
      /** Required when the day (China time) of `at` is not `scheduledFor`. */
      reason: storedReasonSchema.optional(),
    }),
  },
  CycleBudgetAmended: {
    version: 1,
    schema: z.object({
      cycleId: idSchema,
      budgets: z
        .array(z.object({ communityId: idSchema, budget: fenSchema, previousBudget: fenSchema }))
        .min(1),
      reason: storedReasonSchema,
    }),
  },
  CycleScheduleAmended: {
    version: 1,
    schema: z.object({
      cycleId: idSchema,
      schedule: cycleScheduleSchema,
      previousSchedule: cycleScheduleSchema,
      reason: storedReasonSchema,
    }),
  },
} as const;

type Schemas = typeof cycleEventSchemas;
export type CycleEventType = keyof Schemas;
export type CycleEventData<T extends CycleEventType> = z.output<Schemas[T]['schema']>;

/** The union of all cycle events as deciders see them. */
export type CycleEvent = EventUnion<Schemas>;

export type CycleEventOf<T extends CycleEventType> = Extract<CycleEvent, { type: T }>;

export const {
  types: cycleEventTypes,
  isType: isCycleEventType,
  parse: parseCycleEvent,
} = eventParsing(cycleEventSchemas, 'a cycle event');

export const cycleStreams = {
  cycle: (cycleId: string) => `cycle-${cycleId}`,
};
