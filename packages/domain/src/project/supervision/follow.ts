// One resident following one project (stream `projectfollow-<projectId>-<residentId>`): they are
// told at each stage in their inbox. Following twice, or unfollowing what one does not follow,
// writes nothing.
import type { Decider } from '../../shared/decider.ts';
import { requireProject } from '../commands/rules.ts';
import type { ProjectState } from '../state.ts';
import type { SupervisionEventData, SupervisionEventOf } from './events.ts';

export type FollowState = { following: boolean };

export interface FollowProject {
  type: 'FollowProject';
  data: SupervisionEventData<'ProjectFollowed'>;
  project: ProjectState;
}

export interface UnfollowProject {
  type: 'UnfollowProject';
  data: SupervisionEventData<'ProjectUnfollowed'>;
}

export type FollowCommand = FollowProject | UnfollowProject;
export type FollowEvent = SupervisionEventOf<'ProjectFollowed' | 'ProjectUnfollowed'>;

export function followProject(
  command: FollowProject,
  state: FollowState,
): SupervisionEventOf<'ProjectFollowed'>[] {
  requireProject(command.project, command.data.projectId);
  if (state.following) return [];
  return [{ type: 'ProjectFollowed', data: command.data }];
}

export function unfollowProject(
  command: UnfollowProject,
  state: FollowState,
): SupervisionEventOf<'ProjectUnfollowed'>[] {
  if (!state.following) return [];
  return [{ type: 'ProjectUnfollowed', data: command.data }];
}

export const followDecider: Decider<FollowCommand, FollowEvent, FollowState> = {
  initialState: () => ({ following: false }),
  evolve: (_state, event) => ({ following: event.type === 'ProjectFollowed' }),
  decide: (command, state) =>
    command.type === 'FollowProject'
      ? followProject(command, state)
      : unfollowProject(command, state),
};
