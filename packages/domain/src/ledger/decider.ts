// The ledger's deciders: `decide` only says which command function decides a command.
import type { Decider } from '../shared/decider.ts';
import {
  keepLedgerItem,
  mergeLedgerItem,
  removeLedgerItem,
  retireLedgerItem,
  type KeepLedgerItem,
  type MergeLedgerItem,
  type RemoveLedgerItem,
  type RetireLedgerItem,
} from './commands/acts.ts';
import {
  recordReinspection,
  scheduleReinspection,
  type RecordReinspection,
  type ScheduleReinspection,
} from './commands/inspections.ts';
import {
  changeLedgerSettings,
  recordLedgerItem,
  type ChangeLedgerSettings,
  type RecordLedgerItem,
} from './commands/inventory.ts';
import type { LedgerEvent } from './events.ts';
import {
  evolveLedgerItem,
  evolveLedgerSettings,
  initialLedgerItemState,
  initialLedgerSettingsState,
  type LedgerItemState,
  type LedgerSettingsState,
} from './state.ts';

export type LedgerItemCommand =
  | RecordLedgerItem
  | RemoveLedgerItem
  | MergeLedgerItem
  | RetireLedgerItem
  | KeepLedgerItem
  | ScheduleReinspection
  | RecordReinspection;

export function decideLedgerItem(
  command: LedgerItemCommand,
  state: LedgerItemState,
): LedgerEvent[] {
  switch (command.type) {
    case 'RecordLedgerItem':
      return recordLedgerItem(command, state);
    case 'RemoveLedgerItem':
      return removeLedgerItem(command, state);
    case 'MergeLedgerItem':
      return mergeLedgerItem(command, state);
    case 'RetireLedgerItem':
      return retireLedgerItem(command, state);
    case 'KeepLedgerItem':
      return keepLedgerItem(command, state);
    case 'ScheduleReinspection':
      return scheduleReinspection(command, state);
    case 'RecordReinspection':
      return recordReinspection(command, state);
  }
}

export const ledgerItemDecider: Decider<LedgerItemCommand, LedgerEvent, LedgerItemState> = {
  initialState: initialLedgerItemState,
  evolve: evolveLedgerItem,
  decide: decideLedgerItem,
};

export const ledgerSettingsDecider: Decider<
  ChangeLedgerSettings,
  LedgerEvent,
  LedgerSettingsState
> = {
  initialState: initialLedgerSettingsState,
  evolve: evolveLedgerSettings,
  decide: changeLedgerSettings,
};

export type { ChangeLedgerSettings };
