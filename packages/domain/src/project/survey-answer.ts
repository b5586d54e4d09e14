// One resident's answer to a project's satisfaction survey: stream
// `surveyanswer-<projectId>-<residentId>`. A resident eligible to vote in the project's community
// answers once, and may change the answer (the last one counts) while the survey is open; a proxy
// answers for them, a worker enters a paper answer (the event's metadata says which).
import type { Decider } from '../shared/decider.ts';
import { refuse } from '../shared/errors.ts';
import type { CycleState } from '../cycle/state.ts';
import { requireEligibleResident, type ResidentSubject } from './eligible.ts';
import type { SurveyAnswerEvent } from './events.ts';
import type { ProjectState } from './state.ts';

export type SurveyAnswerState = { answers: number };

export interface AnswerSurvey {
  type: 'AnswerSurvey';
  data: Extract<SurveyAnswerEvent, { type: 'SurveyAnswered' }>['data'];
  project: ProjectState;
  cycle: CycleState;
  resident: ResidentSubject;
  today: string;
}

export function answerSurvey(
  command: AnswerSurvey,
  _state: SurveyAnswerState,
): SurveyAnswerEvent[] {
  const { project, data } = command;
  if (project.status === 'none') {
    return refuse(
      'not_found',
      'project_not_found',
      `找不到项目（编号 ${data.projectId}）。`,
      `There is no project with id ${data.projectId}.`,
    );
  }
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
      '满意度测评没有在进行，不能作答。',
      'The satisfaction survey is not open; it takes no answers now.',
    );
  }
  requireEligibleResident(project, command.cycle, command.resident, command.today, {
    zh: '参加测评',
    en: 'answer the survey',
  });
  return [{ type: 'SurveyAnswered', data }];
}

export const surveyAnswerDecider: Decider<AnswerSurvey, SurveyAnswerEvent, SurveyAnswerState> = {
  initialState: () => ({ answers: 0 }),
  evolve: (state) => ({ answers: state.answers + 1 }),
  decide: answerSurvey,
};
