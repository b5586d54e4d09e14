// The objection stream's decider: `decide` only says which command function decides a command.
import type { Decider } from '../shared/decider.ts';
import {
  answerObjection,
  fileObjection,
  type AnswerObjection,
  type FileObjection,
} from './commands.ts';
import type { OutcomeEvent } from './events.ts';
import { evolveObjection, initialObjectionState, type ObjectionState } from './state.ts';

export type ObjectionCommand = FileObjection | AnswerObjection;

export function decideObjection(command: ObjectionCommand, state: ObjectionState): OutcomeEvent[] {
  switch (command.type) {
    case 'FileObjection':
      return fileObjection(command, state);
    case 'AnswerObjection':
      return answerObjection(command, state);
  }
}

export const objectionDecider: Decider<ObjectionCommand, OutcomeEvent, ObjectionState> = {
  initialState: initialObjectionState,
  evolve: evolveObjection,
  decide: decideObjection,
};
