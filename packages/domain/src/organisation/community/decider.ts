// The community stream's decider: `decide` only says which command function decides a command.
import type { Decider } from '../../shared/decider.ts';
import {
  closeCommunity,
  registerCommunity,
  renameCommunity,
  type CloseCommunity,
  type RegisterCommunity,
  type RenameCommunity,
} from './commands.ts';
import {
  evolveCommunity,
  initialCommunityState,
  type CommunityEvent,
  type CommunityState,
} from './state.ts';

export type CommunityCommand = RegisterCommunity | RenameCommunity | CloseCommunity;

export function decideCommunity(
  command: CommunityCommand,
  state: CommunityState,
): CommunityEvent[] {
  switch (command.type) {
    case 'RegisterCommunity':
      return registerCommunity(command, state);
    case 'RenameCommunity':
      return renameCommunity(command, state);
    case 'CloseCommunity':
      return closeCommunity(command, state);
  }
}

export const communityDecider: Decider<CommunityCommand, CommunityEvent, CommunityState> = {
  initialState: initialCommunityState,
  evolve: evolveCommunity,
  decide: decideCommunity,
};
