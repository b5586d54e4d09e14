// A project's resident supervisors (监督员) and their reports (stream
// `projectsupervision-<projectId>`). A resident eligible in the project's community is named by a
// worker (chosen at the round-table) or volunteers; a supervisor files reports (what, where,
// photos) while the project runs, each due an answer from the implementer within the cycle's
// answer days; the answer is given once.
import type { Decider } from '../../shared/decider.ts';
import { refuse } from '../../shared/errors.ts';
import { addDays, requirePublishedCycle, type CycleState } from '../../cycle/state.ts';
import { requireProject } from '../commands/rules.ts';
import { requireEligibleResident, type ResidentSubject } from '../eligible.ts';
import type { ExistingProject, ProjectState } from '../state.ts';
import {
  defaultSupervisionAnswerDays,
  type SupervisionEventData,
  type SupervisionEventOf,
} from './events.ts';

export interface SupervisionState {
  supervisors: string[];
  reports: Record<string, { supervisorId: string; answerDueOn: string; answered: boolean }>;
}

export interface NameSupervisor {
  type: 'NameSupervisor';
  data: SupervisionEventData<'ProjectSupervisorNamed'>;
  project: ProjectState;
  cycle: CycleState;
  resident: ResidentSubject;
  today: string;
}

export interface FileReport {
  type: 'FileReport';
  data: Omit<SupervisionEventData<'SupervisionReportFiled'>, 'filedOn' | 'answerDueOn'>;
  project: ProjectState;
  cycle: CycleState;
  today: string;
}

export interface AnswerReport {
  type: 'AnswerReport';
  data: Omit<SupervisionEventData<'SupervisionReportAnswered'>, 'supervisorId' | 'answeredOn'>;
  today: string;
}

export type SupervisionCommand = NameSupervisor | FileReport | AnswerReport;
export type SupervisionStreamEvent = SupervisionEventOf<
  'ProjectSupervisorNamed' | 'SupervisionReportFiled' | 'SupervisionReportAnswered'
>;

/** The project, still under way: supervision ends with cancellation or the evaluation. */
function requireSupervised(state: ProjectState, projectId: string): ExistingProject {
  const project = requireProject(state, projectId);
  if (project.status === 'cancelled' || project.stage === 'evaluated') {
    return refuse(
      'conflict',
      'supervision_over',
      '项目已撤销或已评价，监督已结束。',
      'The project is cancelled or evaluated; its supervision is over.',
    );
  }
  return project;
}

export function nameSupervisor(
  command: NameSupervisor,
  state: SupervisionState,
): SupervisionEventOf<'ProjectSupervisorNamed'>[] {
  const { data } = command;
  const project = requireSupervised(command.project, data.projectId);
  if (state.supervisors.includes(data.residentId)) return [];
  requireEligibleResident(project, command.cycle, command.resident, command.today, {
    zh: '担任监督员',
    en: 'supervise its projects',
  });
  return [{ type: 'ProjectSupervisorNamed', data }];
}

export function fileReport(
  command: FileReport,
  state: SupervisionState,
): SupervisionEventOf<'SupervisionReportFiled'>[] {
  const { data } = command;
  if (state.reports[data.reportId]) return [];
  const project = requireSupervised(command.project, data.projectId);
  if (!state.supervisors.includes(data.supervisorId)) {
    return refuse(
      'forbidden',
      'not_supervisor',
      '只有本项目的监督员可以提交监督报告。',
      'Only the project’s resident supervisors file supervision reports.',
    );
  }
  const cycle = requirePublishedCycle(command.cycle, project.opened.cycleId);
  const days = cycle.definition.supervisionAnswerDays ?? defaultSupervisionAnswerDays;
  return [
    {
      type: 'SupervisionReportFiled',
      data: { ...data, filedOn: command.today, answerDueOn: addDays(command.today, days) },
    },
  ];
}

export function answerReport(
  command: AnswerReport,
  state: SupervisionState,
): SupervisionEventOf<'SupervisionReportAnswered'>[] {
  const { data } = command;
  const report = state.reports[data.reportId];
  if (!report) {
    return refuse(
      'not_found',
      'report_not_found',
      '找不到这份监督报告。',
      'There is no such supervision report on this project.',
    );
  }
  if (report.answered) {
    return refuse(
      'conflict',
      'report_answered',
      '这份监督报告已经答复过了。',
      'This supervision report has already been answered.',
    );
  }
  return [
    {
      type: 'SupervisionReportAnswered',
      data: { ...data, supervisorId: report.supervisorId, answeredOn: command.today },
    },
  ];
}

export function evolveSupervision(
  state: SupervisionState,
  event: SupervisionStreamEvent,
): SupervisionState {
  switch (event.type) {
    case 'ProjectSupervisorNamed':
      return { ...state, supervisors: [...state.supervisors, event.data.residentId] };
    case 'SupervisionReportFiled':
      return {
        ...state,
        reports: {
          ...state.reports,
          [event.data.reportId]: {
            supervisorId: event.data.supervisorId,
            answerDueOn: event.data.answerDueOn,
            answered: false,
          },
        },
      };
    case 'SupervisionReportAnswered': {
      const report = state.reports[event.data.reportId];
      if (!report) return state;
      return {
        ...state,
        reports: { ...state.reports, [event.data.reportId]: { ...report, answered: true } },
      };
    }
  }
}

export function decideSupervision(
  command: SupervisionCommand,
  state: SupervisionState,
): SupervisionStreamEvent[] {
  switch (command.type) {
    case 'NameSupervisor':
      return nameSupervisor(command, state);
    case 'FileReport':
      return fileReport(command, state);
    case 'AnswerReport':
      return answerReport(command, state);
  }
}

export const supervisionDecider: Decider<
  SupervisionCommand,
  SupervisionStreamEvent,
  SupervisionState
> = {
  initialState: () => ({ supervisors: [], reports: {} }),
  evolve: evolveSupervision,
  decide: decideSupervision,
};
