// The body-follow stream's decider: `decide` only says which command function decides a command.
import type { Decider } from '../../shared/decider.ts';
import type { BodyFollowEvent } from './events.ts';
import { followBody, unfollowBody, type FollowBody, type UnfollowBody } from './commands.ts';
import { evolveBodyFollow, initialBodyFollowState, type BodyFollowState } from './state.ts';

export type BodyFollowCommand = FollowBody | UnfollowBody;

export const bodyFollowDecider: Decider<BodyFollowCommand, BodyFollowEvent, BodyFollowState> = {
  initialState: initialBodyFollowState,
  evolve: evolveBodyFollow,
  decide: (command, state) =>
    command.type === 'FollowBody' ? followBody(command, state) : unfollowBody(command, state),
};
