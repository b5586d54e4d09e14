// The minutes stream's decider: `decide` only says which command function decides a command.
import type { Decider } from '../../shared/decider.ts';
import type { MinutesEvent } from './events.ts';
import {
  approveMinutes,
  circulateMinutes,
  correctMinutes,
  draftMinutes,
  requestMinutesCorrection,
  signMinutes,
  type ApproveMinutes,
  type CirculateMinutes,
  type CorrectMinutes,
  type DraftMinutes,
  type RequestMinutesCorrection,
  type SignMinutes,
} from './commands.ts';
import { evolveMinutes, initialMinutesState, type MinutesState } from './state.ts';

export type MinutesCommand =
  | DraftMinutes
  | CirculateMinutes
  | RequestMinutesCorrection
  | SignMinutes
  | ApproveMinutes
  | CorrectMinutes;

export function decideMinutes(command: MinutesCommand, state: MinutesState): MinutesEvent[] {
  switch (command.type) {
    case 'DraftMinutes':
      return draftMinutes(command, state);
    case 'CirculateMinutes':
      return circulateMinutes(command, state);
    case 'RequestMinutesCorrection':
      return requestMinutesCorrection(command, state);
    case 'SignMinutes':
      return signMinutes(command, state);
    case 'ApproveMinutes':
      return approveMinutes(command, state);
    case 'CorrectMinutes':
      return correctMinutes(command, state);
  }
}

export const minutesDecider: Decider<MinutesCommand, MinutesEvent, MinutesState> = {
  initialState: initialMinutesState,
  evolve: evolveMinutes,
  decide: decideMinutes,
};
