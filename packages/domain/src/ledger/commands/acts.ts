// Acts on an item: removed (摘除), merged into another item (整合), retired (撤销/停用), or kept
// with approval (保留). Each names its basis (a document number), reason, approver, date and
// before / after photos. A signboard the locality's keep-rule allows may be kept by its
// community; anything else kept needs a street officer's approval (the handler says whether the
// caller is one).
import { refuse } from '../../shared/errors.ts';
import { ledgerStatusText } from '../describe.ts';
import type { LedgerActInput, LedgerEventOf, LedgerSettings } from '../events.ts';
import { isGone, type LedgerItemState } from '../state.ts';
import { requireLedgerItem, requireNotFuture, type RecordedLedgerItem } from './rules.ts';

interface Act {
  data: LedgerActInput & { itemId: string; actedBy: string };
  /** Today, YYYY-MM-DD (China time). */
  today: string;
}

export interface RemoveLedgerItem extends Act {
  type: 'RemoveLedgerItem';
}
export interface RetireLedgerItem extends Act {
  type: 'RetireLedgerItem';
}
export interface MergeLedgerItem extends Act {
  type: 'MergeLedgerItem';
  intoItemId: string;
  /** The item it goes into, folded from its stream. */
  into: LedgerItemState;
}
export interface KeepLedgerItem extends Act {
  type: 'KeepLedgerItem';
  rule: LedgerSettings;
  /** Whether the caller is a street officer of the item's street (or a city administrator). */
  streetApproval: boolean;
}

/** The item, if it is still there to act on (a relapsed item is, until removed again). */
function actable(command: Act, state: LedgerItemState): RecordedLedgerItem {
  const item = requireLedgerItem(state, command.data.itemId);
  if (isGone(item.status)) {
    const gone = ledgerStatusText[item.status];
    return refuse(
      'conflict',
      'ledger_item_gone',
      `「${item.item.title}」${gone['zh-CN']}，不能再处理；复查发现反弹时再登记。`,
      `“${item.item.title}” is ${gone.en} already; record a re-inspection if it is back.`,
    );
  }
  requireNotFuture(command.data.actedOn, command.today, 'actedOn');
  return item;
}

export function removeLedgerItem(
  command: RemoveLedgerItem,
  state: LedgerItemState,
): LedgerEventOf<'LedgerItemRemoved'>[] {
  actable(command, state);
  return [{ type: 'LedgerItemRemoved', data: command.data }];
}

export function retireLedgerItem(
  command: RetireLedgerItem,
  state: LedgerItemState,
): LedgerEventOf<'LedgerItemRetired'>[] {
  actable(command, state);
  return [{ type: 'LedgerItemRetired', data: command.data }];
}

export function mergeLedgerItem(
  command: MergeLedgerItem,
  state: LedgerItemState,
): LedgerEventOf<'LedgerItemMerged'>[] {
  const item = actable(command, state);
  const into = command.into;
  if (
    command.intoItemId === command.data.itemId ||
    into.status === 'none' ||
    isGone(into.status) ||
    into.item.communityId !== item.item.communityId ||
    into.item.kind !== item.item.kind
  ) {
    return refuse(
      'invalid',
      'merge_target_invalid',
      '只能整合进同一社区、同一类别、仍在运行的另一事项。',
      'An item can be merged only into another item of the same community and kind that is still in place.',
      'intoItemId',
    );
  }
  return [{ type: 'LedgerItemMerged', data: { ...command.data, intoItemId: command.intoItemId } }];
}

export function keepLedgerItem(
  command: KeepLedgerItem,
  state: LedgerItemState,
): LedgerEventOf<'LedgerItemKept'>[] {
  const item = actable(command, state);
  const details = item.item.details;
  const ruleBoard =
    details.kind === 'signboard' &&
    details.ruleBoard !== undefined &&
    command.rule.keepBoards.some((b) => b.code === details.ruleBoard)
      ? details.ruleBoard
      : undefined;
  if (ruleBoard === undefined && !command.streetApproval) {
    const allowed = command.rule.keepBoards.map((b) => b.name).join('、');
    return refuse(
      'forbidden',
      'keep_outside_rule',
      `「${item.item.title}」不在本地可保留的牌子（${allowed}）之列，保留须经街道审批。`,
      `“${item.item.title}” is not one of the boards this locality allows to stay (${allowed}); keeping it needs a street officer’s approval.`,
    );
  }
  return [
    {
      type: 'LedgerItemKept',
      data: {
        ...command.data,
        ...(ruleBoard === undefined ? {} : { ruleBoard }),
        streetApproval: ruleBoard === undefined,
      },
    },
  ];
}
