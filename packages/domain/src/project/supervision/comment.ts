// One resident's comment on a project (stream `projectcomment-<commentId>`). A community worker or
// the street may hide it, only with a reason; the hiding stays in the history, the public sees
// the reason instead of the text, and the author is told why.
import type { Decider } from '../../shared/decider.ts';
import { refuse } from '../../shared/errors.ts';
import { requireProject } from '../commands/rules.ts';
import type { ProjectState } from '../state.ts';
import type { SupervisionEventData, SupervisionEventOf } from './events.ts';

export type CommentState =
  { status: 'none' } | { status: 'shown' | 'hidden'; projectId: string; authorId: string };

export interface CommentOnProject {
  type: 'CommentOnProject';
  data: SupervisionEventData<'ProjectCommented'>;
  project: ProjectState;
}

export interface HideComment {
  type: 'HideComment';
  data: Omit<SupervisionEventData<'ProjectCommentHidden'>, 'authorId'>;
}

export type CommentCommand = CommentOnProject | HideComment;
export type CommentEvent = SupervisionEventOf<'ProjectCommented' | 'ProjectCommentHidden'>;

export function commentOnProject(
  command: CommentOnProject,
  state: CommentState,
): SupervisionEventOf<'ProjectCommented'>[] {
  const project = requireProject(command.project, command.data.projectId);
  if (state.status !== 'none') return [];
  if (project.status === 'cancelled') {
    return refuse(
      'conflict',
      'project_cancelled',
      '项目已撤销，不再接受评论。',
      'The project has been cancelled; it takes no more comments.',
    );
  }
  return [{ type: 'ProjectCommented', data: command.data }];
}

export function hideComment(
  command: HideComment,
  state: CommentState,
): SupervisionEventOf<'ProjectCommentHidden'>[] {
  if (state.status === 'none' || state.projectId !== command.data.projectId) {
    return refuse(
      'not_found',
      'comment_not_found',
      '找不到这条评论。',
      'There is no such comment on this project.',
    );
  }
  if (state.status === 'hidden') return [];
  return [{ type: 'ProjectCommentHidden', data: { ...command.data, authorId: state.authorId } }];
}

export function evolveComment(state: CommentState, event: CommentEvent): CommentState {
  if (event.type === 'ProjectCommented') {
    return { status: 'shown', projectId: event.data.projectId, authorId: event.data.residentId };
  }
  return state.status === 'none' ? state : { ...state, status: 'hidden' };
}

export const commentDecider: Decider<CommentCommand, CommentEvent, CommentState> = {
  initialState: () => ({ status: 'none' }),
  evolve: evolveComment,
  decide: (command, state) =>
    command.type === 'CommentOnProject'
      ? commentOnProject(command, state)
      : hideComment(command, state),
};
