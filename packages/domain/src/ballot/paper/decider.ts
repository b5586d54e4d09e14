// The paper batch stream's decider: `decide` only says which command function decides a command.
import type { Decider } from '../../shared/decider.ts';
import type { BallotEvent } from '../events.ts';
import {
  enterPaperBatch,
  openPaperBatch,
  recordPaperCount,
  resolvePaperBatch,
  type EnterPaperBatch,
  type OpenPaperBatch,
  type RecordPaperCount,
  type ResolvePaperBatch,
} from './commands.ts';
import { evolvePaperBatch, initialPaperBatchState, type PaperBatchState } from './state.ts';

export type PaperBatchCommand =
  OpenPaperBatch | EnterPaperBatch | ResolvePaperBatch | RecordPaperCount;

export function decidePaperBatch(
  command: PaperBatchCommand,
  state: PaperBatchState,
): BallotEvent[] {
  switch (command.type) {
    case 'OpenPaperBatch':
      return openPaperBatch(command, state);
    case 'EnterPaperBatch':
      return enterPaperBatch(command, state);
    case 'ResolvePaperBatch':
      return resolvePaperBatch(command, state);
    case 'RecordPaperCount':
      return recordPaperCount(command, state);
  }
}

export const paperBatchDecider: Decider<PaperBatchCommand, BallotEvent, PaperBatchState> = {
  initialState: initialPaperBatchState,
  evolve: evolvePaperBatch,
  decide: decidePaperBatch,
};
