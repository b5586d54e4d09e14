// The street stream's decider: `decide` only says which command function decides a command.
import type { Decider } from '../../shared/decider.ts';
import {
  closeStreet,
  registerStreet,
  renameStreet,
  type CloseStreet,
  type RegisterStreet,
  type RenameStreet,
} from './commands.ts';
import { evolveStreet, initialStreetState, type StreetEvent, type StreetState } from './state.ts';

export type StreetCommand = RegisterStreet | RenameStreet | CloseStreet;

export function decideStreet(command: StreetCommand, state: StreetState): StreetEvent[] {
  switch (command.type) {
    case 'RegisterStreet':
      return registerStreet(command, state);
    case 'RenameStreet':
      return renameStreet(command, state);
    case 'CloseStreet':
      return closeStreet(command, state);
  }
}

export const streetDecider: Decider<StreetCommand, StreetEvent, StreetState> = {
  initialState: initialStreetState,
  evolve: evolveStreet,
  decide: decideStreet,
};
