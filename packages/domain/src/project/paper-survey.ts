// A paper answer to a project's satisfaction survey (stream `surveypaper-<projectId>-<residentId>`),
// entered with the care paper ballots get (ballot/paper): two different workers each enter the
// sheet, the second blind to the first; readings that agree count at once, readings that differ
// wait for a third worker, who picks one or rejects the sheet with a reason. The command handler
// then records the reading that counts as the resident's answer (channel `paper`), so an answer
// online afterwards replaces it as any later answer does.
import { z } from 'zod';
import type { Decider } from '../shared/decider.ts';
import { refuse } from '../shared/errors.ts';
import { eventParsing, type EventUnion } from '../shared/events.ts';
import { storedText } from '../shared/text.ts';
import { idSchema, storedReasonSchema } from '../organisation/events.ts';
import type { CycleState } from '../cycle/state.ts';
import { surveyScoresSchema, type SurveyScores } from './events.ts';
import { requireEligibleResident, type ResidentSubject } from './eligible.ts';
import { requireProject } from './commands/rules.ts';
import type { ProjectState } from './state.ts';

const reading = {
  scores: surveyScoresSchema,
  comment: storedText.paragraph({ max: 500 }).optional(),
};

export const paperSurveyEventSchemas = {
  PaperSurveyEntered: {
    version: 1,
    schema: z.object({
      projectId: idSchema,
      residentId: idSchema,
      /** 1 for the first entry, 2 for the second. */
      entry: z.union([z.literal(1), z.literal(2)]),
      by: idSchema,
      ...reading,
    }),
  },
  /** A third worker settles readings that differ: one of them counts, or the sheet is rejected. */
  PaperSurveyResolved: {
    version: 1,
    schema: z.object({
      projectId: idSchema,
      residentId: idSchema,
      by: idSchema,
      pick: z.enum(['first', 'second', 'rejected']),
      reason: storedReasonSchema.optional(),
    }),
  },
} as const;

type Schemas = typeof paperSurveyEventSchemas;
export type PaperSurveyEvent = EventUnion<Schemas>;
export const { types: paperSurveyEventTypes, parse: parsePaperSurveyEvent } = eventParsing(
  paperSurveyEventSchemas,
  'a paper survey event',
);
export const paperSurveyStream = (projectId: string, residentId: string) =>
  `surveypaper-${projectId}-${residentId}`;

export interface PaperReading {
  by: string;
  scores: SurveyScores;
  comment?: string | undefined;
}

export interface PaperSurveyState {
  first?: PaperReading;
  second?: PaperReading;
  resolved?: 'first' | 'second' | 'rejected';
}

export interface EnterPaperSurvey {
  type: 'EnterPaperSurvey';
  data: { projectId: string; residentId: string; by: string } & Omit<PaperReading, 'by'>;
  project: ProjectState;
  cycle: CycleState;
  resident: ResidentSubject;
  today: string;
}

export interface ResolvePaperSurvey {
  type: 'ResolvePaperSurvey';
  data: z.infer<Schemas['PaperSurveyResolved']['schema']>;
}

export type PaperSurveyCommand = EnterPaperSurvey | ResolvePaperSurvey;

/** Whether two readings of a sheet say the same (scores, and the comment as typed, trimmed). */
export const sameReading = (a: Omit<PaperReading, 'by'>, b: Omit<PaperReading, 'by'>) =>
  JSON.stringify(a.scores) === JSON.stringify(b.scores) &&
  (a.comment ?? '').trim() === (b.comment ?? '').trim();

/** The reading that counts: agreed by both entries, or picked by the resolver; else none (yet). */
export function countedReading(state: PaperSurveyState): PaperReading | undefined {
  if (!state.first || !state.second) return undefined;
  if (state.resolved === 'first') return state.first;
  if (state.resolved === 'second') return state.second;
  if (state.resolved === 'rejected') return undefined;
  return sameReading(state.first, state.second) ? state.second : undefined;
}

export function enterPaperSurvey(
  command: EnterPaperSurvey,
  state: PaperSurveyState,
): PaperSurveyEvent[] {
  const { data } = command;
  const project = requireProject(command.project, data.projectId);
  const survey = project.survey;
  if (
    !survey ||
    survey.closed ||
    command.today < survey.opensOn ||
    command.today > survey.closesOn
  ) {
    return refuse(
      'conflict',
      'survey_not_open',
      '满意度测评没有在进行，不能录入纸质答卷。',
      'The satisfaction survey is not open; no paper answer can be entered.',
    );
  }
  requireEligibleResident(project, command.cycle, command.resident, command.today, {
    zh: '参加测评',
    en: 'answer the survey',
  });
  const { by, scores, comment } = data;
  const entered = (entry: 1 | 2): PaperSurveyEvent[] => [
    {
      type: 'PaperSurveyEntered',
      data: {
        projectId: data.projectId,
        residentId: data.residentId,
        entry,
        by,
        scores,
        ...(comment !== undefined && { comment }),
      },
    },
  ];
  if (!state.first) return entered(1);
  if (state.first.by === by) {
    if (!state.second && sameReading(state.first, data)) return [];
    return refuse(
      'conflict',
      'same_worker',
      '这张答卷已由您录入过一次；第二次录入须由另一位工作人员完成。',
      'You entered this sheet once; the second entry is made by another worker.',
    );
  }
  if (!state.second) return entered(2);
  if (state.second.by === by && sameReading(state.second, data)) return [];
  return refuse(
    'conflict',
    'entered_twice',
    '这张答卷已经录入两次了。',
    'This sheet has already been entered twice.',
  );
}

export function resolvePaperSurvey(
  command: ResolvePaperSurvey,
  state: PaperSurveyState,
): PaperSurveyEvent[] {
  const { data } = command;
  if (!state.first || !state.second || sameReading(state.first, state.second)) {
    return refuse(
      'conflict',
      'nothing_to_resolve',
      '这张答卷没有需要裁定的不一致。',
      'This sheet has no differing entries to resolve.',
    );
  }
  if (state.resolved)
    return state.resolved === data.pick
      ? []
      : refuse(
          'conflict',
          'already_resolved',
          '这张答卷已经裁定过了。',
          'This sheet has already been resolved.',
        );
  if (data.by === state.first.by || data.by === state.second.by) {
    return refuse(
      'forbidden',
      'entered_it',
      '录入过这张答卷的工作人员不能裁定它。',
      'A worker who entered this sheet may not resolve it.',
    );
  }
  if (data.pick === 'rejected' && data.reason === undefined) {
    return refuse(
      'invalid',
      'reason_required',
      '退回答卷须说明原因。',
      'Explain why the sheet is rejected.',
      'reason',
    );
  }
  return [{ type: 'PaperSurveyResolved', data }];
}

export function evolvePaperSurvey(
  state: PaperSurveyState,
  event: PaperSurveyEvent,
): PaperSurveyState {
  if (event.type === 'PaperSurveyResolved') return { ...state, resolved: event.data.pick };
  const { by, scores, comment } = event.data;
  const read = { by, scores, ...(comment !== undefined && { comment }) };
  return event.data.entry === 1 ? { ...state, first: read } : { ...state, second: read };
}

export const paperSurveyDecider: Decider<PaperSurveyCommand, PaperSurveyEvent, PaperSurveyState> = {
  initialState: () => ({}),
  evolve: evolvePaperSurvey,
  decide: (command, state) =>
    command.type === 'EnterPaperSurvey'
      ? enterPaperSurvey(command, state)
      : resolvePaperSurvey(command, state),
};
