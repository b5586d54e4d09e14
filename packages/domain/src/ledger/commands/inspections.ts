// Re-inspections (回头看): a street schedules one; an inspector records what is there now. A gone
// item found back is a relapse (反弹), naming the department that put it back; it stays relapsed
// (and on the street's dashboard) until it is removed again.
import { refuse } from '../../shared/errors.ts';
import type { LedgerEventData, LedgerEventOf } from '../events.ts';
import { isGone, type LedgerItemState } from '../state.ts';
import { requireLedgerItem, requireNotFuture } from './rules.ts';

export interface ScheduleReinspection {
  type: 'ScheduleReinspection';
  data: LedgerEventData<'LedgerReinspectionScheduled'>;
  today: string;
}

export function scheduleReinspection(
  command: ScheduleReinspection,
  state: LedgerItemState,
): LedgerEventOf<'LedgerReinspectionScheduled'>[] {
  const item = requireLedgerItem(state, command.data.itemId);
  if (command.data.dueOn < command.today) {
    return refuse(
      'invalid',
      'due_in_past',
      `复查日期 ${command.data.dueOn} 早于今天。`,
      `The re-inspection date ${command.data.dueOn} is before today.`,
      'dueOn',
    );
  }
  if (item.reinspectionDue === command.data.dueOn) return [];
  return [{ type: 'LedgerReinspectionScheduled', data: command.data }];
}

export interface RecordReinspection {
  type: 'RecordReinspection';
  data: LedgerEventData<'LedgerItemReinspected'>;
  /** The department that put a gone item back; required when it is back. */
  department?: string;
  today: string;
}

export function recordReinspection(
  command: RecordReinspection,
  state: LedgerItemState,
): (LedgerEventOf<'LedgerItemReinspected'> | LedgerEventOf<'LedgerItemRelapsed'>)[] {
  const { data } = command;
  const item = requireLedgerItem(state, data.itemId);
  requireNotFuture(data.inspectedOn, command.today, 'inspectedOn');
  const inspected = { type: 'LedgerItemReinspected' as const, data };
  if (!(data.present && isGone(item.status))) return [inspected];
  if (!command.department) {
    return refuse(
      'invalid',
      'relapse_department_required',
      '已摘除的事项又出现了（反弹），请写明是哪个部门恢复的。',
      'The item is back after it was gone (a relapse): name the department that put it back.',
      'department',
    );
  }
  return [
    inspected,
    {
      type: 'LedgerItemRelapsed',
      data: { itemId: data.itemId, inspectedOn: data.inspectedOn, department: command.department },
    },
  ];
}
