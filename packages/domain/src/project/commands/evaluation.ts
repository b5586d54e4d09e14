// 成果共享: the satisfaction survey opens once the project has passed acceptance, for the cycle's
// survey days; it closes after its last day with the counted answers (the handler counts them on
// the read model); the evaluation is published once the survey is closed and the project settled,
// with the implementer's reply.
import { refuse } from '../../shared/errors.ts';
import { defaultSurveyDays } from '../../cycle/events.ts';
import { requirePublishedCycle, type CycleState } from '../../cycle/state.ts';
import type { ProjectEventData, ProjectEventOf, SurveyResult } from '../events.ts';
import { surveyMinimum, type ProjectState } from '../state.ts';
import { requireStage, requireStageBefore } from './rules.ts';

export interface OpenSurvey {
  type: 'OpenSurvey';
  data: { projectId: string; by: string };
  cycle: CycleState;
  /** Today in China, YYYY-MM-DD. */
  today: string;
  /** Residents eligible to vote in the community today, counted by the handler. */
  eligible?: number;
}

export interface CloseSurvey {
  type: 'CloseSurvey';
  data: { projectId: string; by: string };
  /** The answers counted by the handler (the last answer of each resident). */
  counted: Pick<SurveyResult, 'answers' | 'distribution'>;
  today: string;
}

export interface EvaluateProject {
  type: 'EvaluateProject';
  data: ProjectEventData<'ProjectEvaluated'>;
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function openSurvey(
  command: OpenSurvey,
  state: ProjectState,
): ProjectEventOf<'ProjectSurveyOpened'>[] {
  const project = requireStage(state, command.data.projectId, ['accepted', 'settled'], {
    zh: '验收通过后才能开展满意度测评',
    en: 'the satisfaction survey opens once the project has passed acceptance',
  });
  if (project.survey) {
    return refuse(
      'conflict',
      'survey_opened',
      '满意度测评已经开始过了。',
      'The satisfaction survey has already been opened.',
    );
  }
  const cycle = requirePublishedCycle(command.cycle, project.opened.cycleId);
  const days = cycle.definition.surveyDays ?? defaultSurveyDays;
  const voters = project.opened.ballotCount;
  return [
    {
      type: 'ProjectSurveyOpened',
      data: {
        ...command.data,
        opensOn: command.today,
        closesOn: addDays(command.today, days - 1),
        voters,
        minimum: surveyMinimum(voters),
        ...(command.eligible !== undefined && { eligible: command.eligible }),
      },
    },
  ];
}

/** Closes the survey after its last day, recording the count and whether it is too few to judge. */
export function closeSurvey(
  command: CloseSurvey,
  state: ProjectState,
): ProjectEventOf<'ProjectSurveyClosed'>[] {
  const project = requireStage(state, command.data.projectId, ['accepted', 'settled'], {
    zh: '验收通过后才有满意度测评',
    en: 'the satisfaction survey follows acceptance',
  });
  const survey = project.survey;
  if (!survey || survey.closed) {
    return refuse(
      'conflict',
      'survey_not_open',
      '满意度测评没有在进行。',
      'The satisfaction survey is not open.',
    );
  }
  if (command.today <= survey.closesOn) {
    return refuse(
      'conflict',
      'survey_running',
      `满意度测评到 ${survey.closesOn} 结束，之后才能统计。`,
      `The survey runs until ${survey.closesOn}; it is counted after that.`,
    );
  }
  const voters = project.opened.ballotCount;
  const minimum = surveyMinimum(voters);
  return [
    {
      type: 'ProjectSurveyClosed',
      data: {
        ...command.data,
        result: { ...command.counted, voters, minimum, tooFew: command.counted.answers < minimum },
      },
    },
  ];
}

/** Publishes the evaluation: the project settled, its survey closed, the implementer replying. */
export function evaluateProject(
  command: EvaluateProject,
  state: ProjectState,
): ProjectEventOf<'ProjectEvaluated'>[] {
  const project = requireStageBefore(state, command.data.projectId, 'evaluated');
  if (!project.survey?.closed) {
    return refuse(
      'conflict',
      'survey_not_closed',
      '满意度测评结束后才能公布评价结果。',
      'The evaluation is published once the satisfaction survey has closed.',
    );
  }
  return [{ type: 'ProjectEvaluated', data: command.data }];
}
