// The project stream's decider: `decide` only says which command function decides a command.
import type { Decider } from '../shared/decider.ts';
import {
  approveProject,
  awardContract,
  openProject,
  reviewBudget,
  type ApproveProject,
  type AwardContract,
  type OpenProject,
  type ReviewBudget,
} from './commands/preparation.ts';
import {
  completeWorks,
  reachMilestone,
  recordPayment,
  startWorks,
  type CompleteWorks,
  type ReachMilestone,
  type RecordPayment,
  type StartWorks,
} from './commands/works.ts';
import {
  cancelProject,
  recordAcceptance,
  resumeProject,
  settleProject,
  suspendProject,
  type CancelProject,
  type RecordAcceptance,
  type ResumeProject,
  type SettleProject,
  type SuspendProject,
} from './commands/closing.ts';
import {
  closeSurvey,
  evaluateProject,
  openSurvey,
  type CloseSurvey,
  type EvaluateProject,
  type OpenSurvey,
} from './commands/evaluation.ts';
import { handProjectToTeam, type HandProjectToTeam } from './commands/team.ts';
import type { ProjectEvent } from './events.ts';
import { evolveProject, initialProjectState, type ProjectState } from './state.ts';

export type ProjectCommand =
  | OpenProject
  | ApproveProject
  | ReviewBudget
  | AwardContract
  | StartWorks
  | ReachMilestone
  | RecordPayment
  | CompleteWorks
  | RecordAcceptance
  | SettleProject
  | OpenSurvey
  | CloseSurvey
  | EvaluateProject
  | SuspendProject
  | ResumeProject
  | CancelProject
  | HandProjectToTeam;

export function decideProject(command: ProjectCommand, state: ProjectState): ProjectEvent[] {
  switch (command.type) {
    case 'OpenProject':
      return openProject(command, state);
    case 'ApproveProject':
      return approveProject(command, state);
    case 'ReviewBudget':
      return reviewBudget(command, state);
    case 'AwardContract':
      return awardContract(command, state);
    case 'StartWorks':
      return startWorks(command, state);
    case 'ReachMilestone':
      return reachMilestone(command, state);
    case 'RecordPayment':
      return recordPayment(command, state);
    case 'CompleteWorks':
      return completeWorks(command, state);
    case 'RecordAcceptance':
      return recordAcceptance(command, state);
    case 'SettleProject':
      return settleProject(command, state);
    case 'OpenSurvey':
      return openSurvey(command, state);
    case 'CloseSurvey':
      return closeSurvey(command, state);
    case 'EvaluateProject':
      return evaluateProject(command, state);
    case 'SuspendProject':
      return suspendProject(command, state);
    case 'ResumeProject':
      return resumeProject(command, state);
    case 'CancelProject':
      return cancelProject(command, state);
    case 'HandProjectToTeam':
      return handProjectToTeam(command, state);
  }
}

export const projectDecider: Decider<ProjectCommand, ProjectEvent, ProjectState> = {
  initialState: initialProjectState,
  evolve: evolveProject,
  decide: decideProject,
};
