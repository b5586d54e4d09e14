// The ledger's two streams folded: an item of the register (`ledgeritem-<itemId>`) and the
// locality's settings (`ledgersettings-city`). Commands are in commands/, wired in decider.ts.
import {
  defaultLedgerSettings,
  type LedgerEvent,
  type LedgerEventData,
  type LedgerItemStatus,
  type LedgerSettings,
} from './events.ts';

/** The statuses of an item no longer there (what "hours returned" counts). */
export const goneStatuses = ['removed', 'merged', 'retired'] as const satisfies LedgerItemStatus[];

export const isGone = (status: LedgerItemStatus) =>
  (goneStatuses as readonly LedgerItemStatus[]).includes(status);

export type LedgerItemState =
  | { status: 'none' }
  | {
      status: LedgerItemStatus;
      item: Omit<LedgerEventData<'LedgerItemRecorded'>, 'recordedBy' | 'source'>;
      /** How many times a re-inspection found it back. */
      relapses: number;
      /** The department named by the last relapse. */
      relapseDepartment?: string;
      /** The re-inspection the street asked for, if not yet done. */
      reinspectionDue?: string;
    };

export const initialLedgerItemState = (): LedgerItemState => ({ status: 'none' });

export function evolveLedgerItem(state: LedgerItemState, event: LedgerEvent): LedgerItemState {
  if (event.type === 'LedgerItemRecorded') {
    const { recordedBy: _by, source: _source, ...item } = event.data;
    return { status: 'active', item, relapses: 0 };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'LedgerItemRemoved':
      return { ...state, status: 'removed' };
    case 'LedgerItemMerged':
      return { ...state, status: 'merged' };
    case 'LedgerItemRetired':
      return { ...state, status: 'retired' };
    case 'LedgerItemKept':
      return { ...state, status: 'kept' };
    case 'LedgerReinspectionScheduled':
      return { ...state, reinspectionDue: event.data.dueOn };
    case 'LedgerItemReinspected': {
      const { reinspectionDue: _done, ...rest } = state;
      return rest;
    }
    case 'LedgerItemRelapsed':
      return {
        ...state,
        status: 'relapsed',
        relapses: state.relapses + 1,
        relapseDepartment: event.data.department,
      };
    case 'LedgerSettingsChanged':
      return state;
  }
}

export type LedgerSettingsState = LedgerSettings & { set: boolean };

export const initialLedgerSettingsState = (): LedgerSettingsState => ({
  ...defaultLedgerSettings,
  set: false,
});

export function evolveLedgerSettings(
  state: LedgerSettingsState,
  event: LedgerEvent,
): LedgerSettingsState {
  if (event.type !== 'LedgerSettingsChanged') return state;
  const { keepBoards, catalogueLevel } = event.data;
  return { keepBoards, catalogueLevel, set: true };
}
