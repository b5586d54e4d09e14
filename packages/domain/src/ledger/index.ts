export * from './events.ts';
export * from './state.ts';
export * from './decider.ts';
export * from './describe.ts';
export type {
  KeepLedgerItem,
  MergeLedgerItem,
  RemoveLedgerItem,
  RetireLedgerItem,
} from './commands/acts.ts';
export type { RecordReinspection, ScheduleReinspection } from './commands/inspections.ts';
export type { RecordLedgerItem } from './commands/inventory.ts';
