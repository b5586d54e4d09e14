// The cycle stream's decider: `decide` only says which command function decides a command.
// The decider does no I/O: the command handler passes what other streams say, folded from them.
import type { Decider } from '../shared/decider.ts';
import {
  amendCycleBudget,
  amendCycleSchedule,
  type AmendCycleBudget,
  type AmendCycleSchedule,
} from './commands/amendments.ts';
import {
  amendCycleDraft,
  draftCycle,
  publishCycle,
  type AmendCycleDraft,
  type DraftCycle,
  type PublishCycle,
} from './commands/draft.ts';
import { advanceCyclePhase, type AdvanceCyclePhase } from './commands/phases.ts';
import type { CycleEvent } from './events.ts';
import { evolveCycle, initialCycleState, type CycleState } from './state.ts';

export type CycleCommand =
  | DraftCycle
  | AmendCycleDraft
  | PublishCycle
  | AdvanceCyclePhase
  | AmendCycleBudget
  | AmendCycleSchedule;

export function decideCycle(command: CycleCommand, state: CycleState): CycleEvent[] {
  switch (command.type) {
    case 'DraftCycle':
      return draftCycle(command, state);
    case 'AmendCycleDraft':
      return amendCycleDraft(command, state);
    case 'PublishCycle':
      return publishCycle(command, state);
    case 'AdvanceCyclePhase':
      return advanceCyclePhase(command, state);
    case 'AmendCycleBudget':
      return amendCycleBudget(command, state);
    case 'AmendCycleSchedule':
      return amendCycleSchedule(command, state);
  }
}

export const cycleDecider: Decider<CycleCommand, CycleEvent, CycleState> = {
  initialState: initialCycleState,
  evolve: evolveCycle,
  decide: decideCycle,
};
