// The streams a counted sheet claims, each first event appended at `no_stream`: its serial
// (`paperserial-<cycleId>-<serial>`), its receipt (`paperreceipt-…`), and its voter's ballot
// (`ballot-<cycleId>-<voterId>`). A retry by the same batch and sheet (counting again after a
// crash) finds its claim and goes on.
import type { Decider } from '../../shared/decider.ts';
import { refuse } from '../../shared/errors.ts';
import type { CycleState } from '../../cycle/state.ts';
import { ballotDecider, type BallotState } from '../ballot.ts';
import type { BallotEvent, BallotEventData } from '../events.ts';
import { requirePaperVoting } from './commands.ts';

/** Claiming a serial number for a batch: `paperserial-<cycleId>-<serial>`. */
export type PaperSerialState = { status: 'none' } | { status: 'claimed'; batchId: string };

export type ClaimPaperSerial = {
  type: 'ClaimPaperSerial';
  data: BallotEventData<'PaperSerialClaimed'>;
};

export const paperSerialDecider: Decider<ClaimPaperSerial, BallotEvent, PaperSerialState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) =>
    event.type === 'PaperSerialClaimed'
      ? { status: 'claimed', batchId: event.data.batchId }
      : state,
  decide({ data }, state) {
    if (state.status === 'none') return [{ type: 'PaperSerialClaimed', data }];
    if (state.batchId === data.batchId) return [];
    return refuse(
      'conflict',
      'serial_taken',
      `编号 ${data.serial} 已在另一批次中使用。`,
      `The serial number ${data.serial} is used in another batch.`,
    );
  },
};

/**
 * Claiming a receipt for a batch's sheet: `paperreceipt-<cycleId>-<receiptKey>`. Only the sheet's
 * own batch and serial may claim it again (counting again after a crash).
 */
export type PaperReceiptState =
  { status: 'none' } | { status: 'claimed'; batchId: string; serial: string };

export type ClaimPaperReceipt = {
  type: 'ClaimPaperReceipt';
  data: BallotEventData<'PaperReceiptClaimed'>;
};

export const paperReceiptDecider: Decider<ClaimPaperReceipt, BallotEvent, PaperReceiptState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) =>
    event.type === 'PaperReceiptClaimed'
      ? { status: 'claimed', batchId: event.data.batchId, serial: event.data.serial }
      : state,
  decide({ data }, state) {
    if (state.status === 'none') return [{ type: 'PaperReceiptClaimed', data }];
    if (state.batchId === data.batchId && state.serial === data.serial) return [];
    return refuse(
      'conflict',
      'receipt_taken',
      `编号 ${data.serial} 的选票上的回执码已被另一张选票使用。`,
      `The receipt code on the sheet with serial ${data.serial} is used by another sheet.`,
    );
  },
};

/** Counting an accepted sheet as its voter's ballot, on `ballot-<cycleId>-<voterId>`. */
export type CountPaperBallot = {
  type: 'CountPaperBallot';
  data: BallotEventData<'PaperBallotCounted'>;
  cycle: CycleState;
};

export const paperBallotDecider: Decider<CountPaperBallot, BallotEvent, BallotState> = {
  initialState: ballotDecider.initialState,
  evolve: ballotDecider.evolve,
  decide({ data, cycle }, state) {
    requirePaperVoting(cycle, data.cycleId);
    if (state.status === 'none') return [{ type: 'PaperBallotCounted', data }];
    if (state.paper?.batchId === data.batchId && state.paper.serial === data.serial) return [];
    return refuse(
      'conflict',
      'already_voted',
      '该选民已经有一张选票。',
      'The voter has a ballot already.',
    );
  },
};
