// The body stream's decider: `decide` only says which command function decides a command.
import type { Decider } from '../../shared/decider.ts';
import type { MeetingEvent } from '../events.ts';
import {
  establishBody,
  joinBody,
  leaveBody,
  type EstablishBody,
  type JoinBody,
  type LeaveBody,
} from './commands.ts';
import { evolveBody, initialBodyState, type BodyState } from './state.ts';

export type BodyCommand = EstablishBody | JoinBody | LeaveBody;

export function decideBody(command: BodyCommand, state: BodyState): MeetingEvent[] {
  switch (command.type) {
    case 'EstablishBody':
      return establishBody(command, state);
    case 'JoinBody':
      return joinBody(command, state);
    case 'LeaveBody':
      return leaveBody(command, state);
  }
}

export const bodyDecider: Decider<BodyCommand, MeetingEvent, BodyState> = {
  initialState: initialBodyState,
  evolve: evolveBody,
  decide: decideBody,
};
