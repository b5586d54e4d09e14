// Paper ballots (纸质选票), entered by community workers in batches against the signed voter
// register: stream `paperbatch-<cycleId>-<batchId>`.
//
// A batch is opened, entered in full by one worker, then again by a different worker. The two
// entries are compared sheet by sheet (by serial number) and every sheet is checked as an online
// ballot would be (review.ts). Sheets read alike and without problems are accepted; the others
// wait for a third worker, who picks the right reading of each or rejects the sheet with a reason.
// Then the batch counts: each accepted sheet claims its serial and its receipt and becomes its
// voter's ballot (claims.ts), so one ballot per voter holds across online and paper. The command
// handler opens the sealed choices and gathers what the checks read; the decisions are taken in
// commands.ts, wired in decider.ts.
import type { BallotEvent, BallotEventData, PaperSheet } from '../events.ts';

export interface PaperEntry {
  enteredBy: string;
  sheets: PaperSheet[];
}

export type PaperBatchState =
  | { status: 'none' }
  | {
      status: 'open';
      cycleId: string;
      communityId: string;
      batchId: string;
      label: string;
      openedBy: string;
      /** The first and second entries, in order. */
      entries: PaperEntry[];
      resolved?: BallotEventData<'PaperBatchResolved'>;
      counted?: BallotEventData<'PaperBatchCounted'>;
    };

export const initialPaperBatchState = (): PaperBatchState => ({ status: 'none' });

export function evolvePaperBatch(state: PaperBatchState, event: BallotEvent): PaperBatchState {
  switch (event.type) {
    case 'PaperBatchOpened': {
      const { cycleId, communityId, batchId, label, openedBy } = event.data;
      return { status: 'open', cycleId, communityId, batchId, label, openedBy, entries: [] };
    }
    case 'PaperBatchEntered':
      if (state.status !== 'open') return state;
      return {
        ...state,
        entries: [...state.entries, { enteredBy: event.data.enteredBy, sheets: event.data.sheets }],
      };
    case 'PaperBatchResolved':
      return state.status === 'open' ? { ...state, resolved: event.data } : state;
    case 'PaperBatchCounted':
      return state.status === 'open' ? { ...state, counted: event.data } : state;
    default:
      return state;
  }
}
