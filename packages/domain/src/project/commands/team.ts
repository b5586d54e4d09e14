// A micro-project handed to a volunteer team: its implementation was offered to teams as a need
// (packages/domain/src/team/need), and the community accepted a team's claim on it. From then on
// the project's implementer is the team. Taken once; only before the contract is awarded.
import { refuse } from '../../shared/errors.ts';
import type { ProjectEventData, ProjectEventOf } from '../events.ts';
import { projectStages, type ProjectState } from '../state.ts';
import { requireActive } from './rules.ts';

export interface HandProjectToTeam {
  type: 'HandProjectToTeam';
  data: ProjectEventData<'ProjectHandedToTeam'>;
}

export function handProjectToTeam(
  command: HandProjectToTeam,
  state: ProjectState,
): ProjectEventOf<'ProjectHandedToTeam'>[] {
  const project = requireActive(state, command.data.projectId);
  const now = project.implementer;
  if (now?.kind === 'team' && now.teamId === command.data.teamId) return [];
  if (projectStages.indexOf(project.stage) > projectStages.indexOf('budget_reviewed')) {
    return refuse(
      'conflict',
      'project_too_far',
      '项目已签订施工合同，不能再整体交给团队实施。',
      'The project’s contract has been awarded; it can no longer be handed to a team whole.',
    );
  }
  return [{ type: 'ProjectHandedToTeam', data: command.data }];
}
