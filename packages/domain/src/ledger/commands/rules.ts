// Refusals several ledger commands share.
import { refuse } from '../../shared/errors.ts';
import type { LedgerItemState } from '../state.ts';

export type RecordedLedgerItem = Exclude<LedgerItemState, { status: 'none' }>;

export function requireLedgerItem(state: LedgerItemState, itemId: string): RecordedLedgerItem {
  if (state.status === 'none') {
    return refuse(
      'not_found',
      'ledger_item_not_found',
      `台账中没有这一项（编号 ${itemId}）。`,
      `There is no ledger item with id ${itemId}.`,
    );
  }
  return state;
}

/** A day the act or inspection happened: not after today (China time). */
export function requireNotFuture(date: string, today: string, field: string): void {
  if (date > today) {
    refuse(
      'invalid',
      'date_in_future',
      `日期 ${date} 晚于今天（${today}）。`,
      `The date ${date} is after today (${today}).`,
      field,
    );
  }
}
