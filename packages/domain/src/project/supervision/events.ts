// Residents' part in a project's works (群众监督): following a project, named resident supervisors
// (监督员) filing reports the implementer answers by a deadline, and comments a worker may hide
// only with a reason. docs/events.md is the catalogue.
//
// Streams: `projectfollow-<projectId>-<residentId>` (one resident following one project),
// `projectsupervision-<projectId>` (the supervisors and their reports), `projectcomment-<commentId>`
// (one comment and its hiding). Residents appear by id only; pages never show their names.
import { z } from 'zod';
import { eventParsing, type EventUnion } from '../../shared/events.ts';
import { storedText } from '../../shared/text.ts';
import { idSchema, storedReasonSchema } from '../../organisation/events.ts';
import { isoDateSchema } from '../../resident/events.ts';
import { projectPhotosSchema } from '../events.ts';

/** How a supervisor came to be one: chosen at the round-table (邻里圆桌会) or volunteering. */
export const supervisorSourceSchema = z.enum(['round_table', 'volunteered']);
export type SupervisorSource = z.infer<typeof supervisorSourceSchema>;

/** The days an implementer has to answer a report when the cycle sets none. */
export const defaultSupervisionAnswerDays = 7;

const project = { projectId: idSchema };

export const supervisionEventSchemas = {
  ProjectFollowed: {
    version: 1,
    schema: z.object({ ...project, residentId: idSchema }),
  },
  ProjectUnfollowed: {
    version: 1,
    schema: z.object({ ...project, residentId: idSchema }),
  },
  /** A resident of the community becomes one of the project's supervisors. */
  ProjectSupervisorNamed: {
    version: 1,
    schema: z.object({
      ...project,
      residentId: idSchema,
      source: supervisorSourceSchema,
      /** The worker who named them, or the resident who volunteered. */
      by: idSchema,
    }),
  },
  /** A supervisor reports what they saw, where, with photos; the answer is due by `answerDueOn`. */
  SupervisionReportFiled: {
    version: 1,
    schema: z.object({
      ...project,
      reportId: idSchema,
      supervisorId: idSchema,
      what: storedText.paragraph({ max: 1000 }),
      where: storedText.line({ max: 120 }),
      photos: projectPhotosSchema,
      filedOn: isoDateSchema,
      answerDueOn: isoDateSchema,
    }),
  },
  /** The implementer's answer to a report (the supervisor is told). */
  SupervisionReportAnswered: {
    version: 1,
    schema: z.object({
      ...project,
      reportId: idSchema,
      supervisorId: idSchema,
      by: idSchema,
      answer: storedText.paragraph({ max: 2000 }),
      answeredOn: isoDateSchema,
    }),
  },
  ProjectCommented: {
    version: 1,
    schema: z.object({
      ...project,
      commentId: idSchema,
      residentId: idSchema,
      text: storedText.paragraph({ max: 1000 }),
    }),
  },
  /** A worker hid a comment with a reason: the public sees the reason, the author is told. */
  ProjectCommentHidden: {
    version: 1,
    schema: z.object({
      ...project,
      commentId: idSchema,
      authorId: idSchema,
      by: idSchema,
      reason: storedReasonSchema,
    }),
  },
} as const;

type Schemas = typeof supervisionEventSchemas;
export type SupervisionEventType = keyof Schemas;
export type SupervisionEventData<T extends SupervisionEventType> = z.output<Schemas[T]['schema']>;
export type SupervisionEvent = EventUnion<Schemas>;
export type SupervisionEventOf<T extends SupervisionEventType> = Extract<
  SupervisionEvent,
  { type: T }
>;

export const {
  types: supervisionEventTypes,
  isType: isSupervisionEventType,
  parse: parseSupervisionEvent,
} = eventParsing(supervisionEventSchemas, 'a project supervision event');

export const supervisionStreams = {
  follow: (projectId: string, residentId: string) => `projectfollow-${projectId}-${residentId}`,
  supervision: (projectId: string) => `projectsupervision-${projectId}`,
  comment: (commentId: string) => `projectcomment-${commentId}`,
};
