// The survey's free-text answers, published once staff have reviewed them (stream
// `surveycomments-<projectId>`): a community worker or the street publishes, after the survey has
// closed, the comments to show, each as reviewed (personal data such as names or phone numbers
// taken out, or a comment left out). Nothing links a comment to who wrote it. Publishing again
// replaces what is shown; every publication stays in the history.
import { z } from 'zod';
import type { Decider } from '../shared/decider.ts';
import { refuse } from '../shared/errors.ts';
import { eventParsing, type EventUnion } from '../shared/events.ts';
import { storedText } from '../shared/text.ts';
import { idSchema } from '../organisation/events.ts';
import { requireProject } from './commands/rules.ts';
import type { ProjectState } from './state.ts';

export const surveyCommentEventSchemas = {
  SurveyCommentsPublished: {
    version: 1,
    schema: z.object({
      projectId: idSchema,
      by: idSchema,
      comments: z.array(storedText.paragraph({ max: 500 })).max(500),
    }),
  },
} as const;

export type SurveyCommentEvent = EventUnion<typeof surveyCommentEventSchemas>;
export const { types: surveyCommentEventTypes, parse: parseSurveyCommentEvent } = eventParsing(
  surveyCommentEventSchemas,
  'a survey comment event',
);
export const surveyCommentStream = (projectId: string) => `surveycomments-${projectId}`;

export interface PublishSurveyComments {
  type: 'PublishSurveyComments';
  data: z.infer<(typeof surveyCommentEventSchemas)['SurveyCommentsPublished']['schema']>;
  project: ProjectState;
}

export function publishSurveyComments(command: PublishSurveyComments): SurveyCommentEvent[] {
  const project = requireProject(command.project, command.data.projectId);
  if (!project.survey?.closed) {
    return refuse(
      'conflict',
      'survey_not_closed',
      '满意度测评结束后才能公布意见和建议。',
      'The free-text answers are published once the survey has closed.',
    );
  }
  return [{ type: 'SurveyCommentsPublished', data: command.data }];
}

export const surveyCommentDecider: Decider<
  PublishSurveyComments,
  SurveyCommentEvent,
  { publications: number }
> = {
  initialState: () => ({ publications: 0 }),
  evolve: (state) => ({ publications: state.publications + 1 }),
  decide: (command) => publishSurveyComments(command),
};
