// Following and unfollowing a body. Following twice, or unfollowing what one does not follow,
// writes nothing; following needs the body to exist (its state comes in the command).
import { requireBody } from '../body/commands.ts';
import type { BodyState } from '../body/state.ts';
import type { BodyFollowEventData, BodyFollowEventOf } from './events.ts';
import type { BodyFollowState } from './state.ts';

export interface FollowBody {
  type: 'FollowBody';
  data: BodyFollowEventData<'BodyFollowed'>;
  body: BodyState;
}

export interface UnfollowBody {
  type: 'UnfollowBody';
  data: BodyFollowEventData<'BodyUnfollowed'>;
}

export function followBody(
  command: FollowBody,
  state: BodyFollowState,
): BodyFollowEventOf<'BodyFollowed'>[] {
  requireBody(command.body, command.data.bodyId);
  if (state.following) return [];
  return [{ type: 'BodyFollowed', data: command.data }];
}

export function unfollowBody(
  command: UnfollowBody,
  state: BodyFollowState,
): BodyFollowEventOf<'BodyUnfollowed'>[] {
  if (!state.following) return [];
  return [{ type: 'BodyUnfollowed', data: command.data }];
}
