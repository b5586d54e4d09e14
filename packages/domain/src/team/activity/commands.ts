// An activity's commands: a leader plans shifts; members sign up (wait-listed over the slots),
// cancel (the first waiting is promoted), confirm; attendance is recorded at the place by the
// person's own valid code or by a leader; a leader closes a shift once it has begun, recording
// who attended and the no-shows. The API checks the rotating code (its HMAC needs the server's
// key) and says here only whether it was valid.
import { refuse } from '../../shared/errors.ts';
import { servesIn, type TeamState } from '../state.ts';
import { requireLeader, requireTeam } from '../commands/rules.ts';
import type { ActivityEventData, ActivityEventOf } from './events.ts';
import type { ActivityState, PlannedActivity, ShiftState } from './state.ts';

/** Check-in opens this long before a shift's planned start. */
export const CHECK_IN_OPENS_MS = 60 * 60_000;

interface OnShift {
  activityId: string;
  shiftId: string;
  accountId: string;
}

export interface PlanActivity {
  type: 'PlanActivity';
  data: ActivityEventData<'ActivityPlanned'>;
  team: TeamState;
  now: string;
}
export interface SignUpForShift {
  type: 'SignUpForShift';
  data: OnShift;
  team: TeamState;
  now: string;
}
export interface CancelShiftSignUp {
  type: 'CancelShiftSignUp';
  data: OnShift;
  now: string;
}
export interface ConfirmShift {
  type: 'ConfirmShift';
  data: OnShift;
  now: string;
}
export interface RecordAttendance {
  type: 'RecordAttendance';
  data: OnShift & { direction: 'in' | 'out'; by: string };
  /** 'code': the person's own, with the code the API checked; 'leader': recorded by a leader. */
  method: { kind: 'code'; codeValid: boolean } | { kind: 'leader' };
  team: TeamState;
  now: string;
}
export interface RemindShift {
  type: 'RemindShift';
  data: { activityId: string; shiftId: string };
}
export interface CloseShift {
  type: 'CloseShift';
  data: { activityId: string; shiftId: string; by: string };
  team: TeamState;
  now: string;
}

export function planActivity(
  command: PlanActivity,
  state: ActivityState,
): ActivityEventOf<'ActivityPlanned'>[] {
  if (state.status !== 'none') return [];
  const team = requireTeam(command.team, command.data.teamId);
  requireLeader(team, command.data.plannedBy);
  command.data.shifts.forEach((s, index) => {
    if (!(Date.parse(s.endsAt) > Date.parse(s.startsAt))) {
      refuse(
        'invalid',
        'shift_ends_before_start',
        `第 ${index + 1} 个班次的结束时间应晚于开始时间。`,
        `Shift ${index + 1} must end after it starts.`,
        `shifts.${index}.endsAt`,
      );
    }
    if (Date.parse(s.startsAt) < Date.parse(command.now)) {
      refuse(
        'invalid',
        'shift_in_past',
        `第 ${index + 1} 个班次的开始时间已经过去。`,
        `Shift ${index + 1} starts in the past.`,
        `shifts.${index}.startsAt`,
      );
    }
  });
  if (new Set(command.data.shifts.map((s) => s.shiftId)).size !== command.data.shifts.length) {
    return refuse('invalid', 'shift_twice', '班次编号重复。', 'A shift id is repeated.', 'shifts');
  }
  return [{ type: 'ActivityPlanned', data: command.data }];
}

export function signUpForShift(
  command: SignUpForShift,
  state: ActivityState,
): ActivityEventOf<'ShiftSignedUp'>[] {
  const { accountId } = command.data;
  const [activity, shift] = requireShift(state, command.data);
  if (shift.signedUp.includes(accountId) || shift.waitList.includes(accountId)) return [];
  const team = requireTeam(command.team, activity.teamId);
  if (!servesIn(team, accountId)) {
    return refuse(
      'forbidden',
      'not_a_member',
      `只有「${team.name}」的队员可以报名。`,
      `Only members of “${team.name}” may sign up.`,
    );
  }
  requireNotStarted(shift, command.now);
  const waitListed = shift.signedUp.length >= shift.slots;
  return [{ type: 'ShiftSignedUp', data: { ...command.data, waitListed } }];
}

export function cancelShiftSignUp(
  command: CancelShiftSignUp,
  state: ActivityState,
): ActivityEventOf<'ShiftSignUpCancelled' | 'ShiftWaitListPromoted'>[] {
  const { activityId, shiftId, accountId } = command.data;
  const [, shift] = requireShift(state, command.data);
  const holding = shift.signedUp.includes(accountId);
  if (!holding && !shift.waitList.includes(accountId)) return [];
  requireNotStarted(shift, command.now);
  const cancelled: ActivityEventOf<'ShiftSignUpCancelled'> = {
    type: 'ShiftSignUpCancelled',
    data: { ...command.data, wasWaitListed: !holding },
  };
  const next = shift.waitList[0];
  if (!holding || next === undefined) return [cancelled];
  return [
    cancelled,
    { type: 'ShiftWaitListPromoted', data: { activityId, shiftId, accountId: next } },
  ];
}

export function confirmShift(
  command: ConfirmShift,
  state: ActivityState,
): ActivityEventOf<'ShiftAttendanceConfirmed'>[] {
  const [, shift] = requireShift(state, command.data);
  if (!shift.signedUp.includes(command.data.accountId)) {
    return refuse(
      'conflict',
      'not_signed_up',
      '您没有占用这个班次的名额（可能在候补中），无需确认。',
      'You hold no place on this shift (you may be on the wait-list): nothing to confirm.',
    );
  }
  if (shift.confirmed.includes(command.data.accountId)) return [];
  requireNotStarted(shift, command.now);
  return [{ type: 'ShiftAttendanceConfirmed', data: command.data }];
}

export function recordAttendance(
  command: RecordAttendance,
  state: ActivityState,
): ActivityEventOf<'ShiftCheckedIn' | 'ShiftCheckedOut'>[] {
  const { activityId, shiftId, accountId, direction, by } = command.data;
  const [activity, shift] = requireShift(state, command.data);
  const team = requireTeam(command.team, activity.teamId);
  if (command.method.kind === 'leader') {
    requireLeader(team, by);
    if (!servesIn(team, accountId)) {
      return refuse(
        'invalid',
        'not_a_member',
        `只能为「${team.name}」的队员登记到场。`,
        `Attendance can only be recorded for members of “${team.name}”.`,
        'accountId',
      );
    }
  } else {
    if (!command.method.codeValid) {
      return refuse(
        'invalid',
        'code_expired',
        '签到码已过期或不正确，请扫描队长手机上当前显示的二维码。',
        'The sign-in code has expired or is wrong: scan the code the leader shows now.',
        'code',
      );
    }
    if (!shift.signedUp.includes(accountId)) {
      return refuse(
        'conflict',
        'not_signed_up',
        '您没有报名这个班次（或仍在候补中），请队长为您登记。',
        'You are not signed up for this shift (or still wait-listed): ask the leader to record you.',
      );
    }
  }
  if (shift.closed) {
    return refuse(
      'conflict',
      'shift_closed',
      '这个班次已经结束登记。',
      'This shift has been closed.',
    );
  }
  const now = Date.parse(command.now);
  if (now < Date.parse(shift.startsAt) - CHECK_IN_OPENS_MS) {
    return refuse(
      'conflict',
      'too_early',
      '班次开始前一小时才能签到。',
      'Check-in opens an hour before the shift starts.',
    );
  }
  const attendance = shift.attendance[accountId];
  const method = command.method.kind;
  if (direction === 'in') {
    if (attendance) return [];
    return [
      {
        type: 'ShiftCheckedIn',
        data: { activityId, shiftId, accountId, at: command.now, method, by },
      },
    ];
  }
  if (!attendance) {
    return refuse(
      'conflict',
      'not_checked_in',
      '还没有签到，不能签退。',
      'Not checked in yet: check in first.',
    );
  }
  if (attendance.out) return [];
  return [
    {
      type: 'ShiftCheckedOut',
      data: { activityId, shiftId, accountId, at: command.now, method, by },
    },
  ];
}

/** Asks those holding a place who have not confirmed (nor been asked) to confirm. */
export function remindShift(
  command: RemindShift,
  state: ActivityState,
): ActivityEventOf<'ShiftReminderSent'>[] {
  const [activity, shift] = requireShift(state, command.data);
  const accountIds = shift.signedUp.filter(
    (id) => !shift.confirmed.includes(id) && !shift.reminded.includes(id),
  );
  if (accountIds.length === 0 || shift.closed) return [];
  const { startsAt, place } = shift;
  return [
    {
      type: 'ShiftReminderSent',
      data: { ...command.data, accountIds, title: activity.title, startsAt, place },
    },
  ];
}

export function closeShift(
  command: CloseShift,
  state: ActivityState,
): ActivityEventOf<'ShiftClosed'>[] {
  const { activityId, shiftId, by } = command.data;
  const [activity, shift] = requireShift(state, command.data);
  if (shift.closed) return [];
  const team = requireTeam(command.team, activity.teamId);
  requireLeader(team, by);
  if (Date.parse(command.now) < Date.parse(shift.startsAt)) {
    return refuse(
      'conflict',
      'shift_not_begun',
      '班次还没有开始，不能结束登记。',
      'The shift has not begun yet: it cannot be closed.',
    );
  }
  const attended = Object.entries(shift.attendance).map(([accountId, a]) => ({
    accountId,
    arrivedAt: a.in,
    leftAt:
      a.out ?? (Date.parse(shift.endsAt) < Date.parse(command.now) ? shift.endsAt : command.now),
  }));
  const noShows = shift.signedUp.filter((id) => !shift.attendance[id]);
  return [{ type: 'ShiftClosed', data: { activityId, shiftId, attended, noShows, closedBy: by } }];
}

function requireShift(
  state: ActivityState,
  on: { activityId: string; shiftId: string },
): [PlannedActivity, ShiftState] {
  const shift = state.status === 'planned' ? state.shifts[on.shiftId] : undefined;
  if (state.status === 'none' || !shift) {
    return refuse(
      'not_found',
      'shift_not_found',
      `找不到这个班次（活动 ${on.activityId}，班次 ${on.shiftId}）。`,
      `There is no such shift (activity ${on.activityId}, shift ${on.shiftId}).`,
    );
  }
  return [state, shift];
}

function requireNotStarted(shift: ShiftState, now: string): void {
  if (Date.parse(now) >= Date.parse(shift.startsAt)) {
    refuse(
      'conflict',
      'shift_started',
      '班次已经开始，不能再报名、取消或确认。',
      'The shift has begun: signing up, cancelling and confirming are closed.',
    );
  }
}
