// Recording an item of a community's register, and the locality's settings (the keep-rule and who
// keeps the admission catalogues).
import { refuse } from '../../shared/errors.ts';
import type { LedgerEventData, LedgerEventOf } from '../events.ts';
import type { LedgerItemState, LedgerSettingsState } from '../state.ts';
import { requireNotFuture } from './rules.ts';

export interface RecordLedgerItem {
  type: 'RecordLedgerItem';
  data: LedgerEventData<'LedgerItemRecorded'>;
  /** Today, YYYY-MM-DD (China time). */
  today: string;
}

export function recordLedgerItem(
  command: RecordLedgerItem,
  state: LedgerItemState,
): LedgerEventOf<'LedgerItemRecorded'>[] {
  const { data } = command;
  // The item id is the API's: a stream already written is this command's own earlier try.
  if (state.status !== 'none') return [];
  if (data.details.kind !== data.kind) {
    return refuse(
      'invalid',
      'ledger_kind_mismatch',
      '事项的类别与填写的栏目不一致。',
      'The item’s kind does not match the fields given for it.',
      'kind',
    );
  }
  requireNotFuture(data.recordedOn, command.today, 'recordedOn');
  return [{ type: 'LedgerItemRecorded', data }];
}

export interface ChangeLedgerSettings {
  type: 'ChangeLedgerSettings';
  data: LedgerEventData<'LedgerSettingsChanged'>;
}

export function changeLedgerSettings(
  command: ChangeLedgerSettings,
  _state: LedgerSettingsState,
): LedgerEventOf<'LedgerSettingsChanged'>[] {
  const codes = command.data.keepBoards.map((b) => b.code);
  const repeated = codes.find((code, i) => codes.indexOf(code) !== i);
  if (repeated !== undefined) {
    return refuse(
      'invalid',
      'keep_board_repeated',
      `牌子代码「${repeated}」重复了。`,
      `The board code “${repeated}” appears twice.`,
      'keepBoards',
    );
  }
  return [{ type: 'LedgerSettingsChanged', data: command.data }];
}
