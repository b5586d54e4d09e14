// The activity stream's decider: `decide` only dispatches.
import type { Decider } from '../../shared/decider.ts';
import {
  cancelShiftSignUp,
  closeShift,
  confirmShift,
  planActivity,
  recordAttendance,
  remindShift,
  signUpForShift,
  type CancelShiftSignUp,
  type CloseShift,
  type ConfirmShift,
  type PlanActivity,
  type RecordAttendance,
  type RemindShift,
  type SignUpForShift,
} from './commands.ts';
import type { ActivityEvent } from './events.ts';
import { evolveActivity, initialActivityState, type ActivityState } from './state.ts';

export type ActivityCommand =
  | PlanActivity
  | SignUpForShift
  | CancelShiftSignUp
  | ConfirmShift
  | RecordAttendance
  | RemindShift
  | CloseShift;

export function decideActivity(command: ActivityCommand, state: ActivityState): ActivityEvent[] {
  switch (command.type) {
    case 'PlanActivity':
      return planActivity(command, state);
    case 'SignUpForShift':
      return signUpForShift(command, state);
    case 'CancelShiftSignUp':
      return cancelShiftSignUp(command, state);
    case 'ConfirmShift':
      return confirmShift(command, state);
    case 'RecordAttendance':
      return recordAttendance(command, state);
    case 'RemindShift':
      return remindShift(command, state);
    case 'CloseShift':
      return closeShift(command, state);
  }
}

export const activityDecider: Decider<ActivityCommand, ActivityEvent, ActivityState> = {
  initialState: initialActivityState,
  evolve: evolveActivity,
  decide: decideActivity,
};

export function describeActivityEvent(event: ActivityEvent) {
  switch (event.type) {
    case 'ActivityPlanned':
      return { 'zh-CN': '安排了活动', en: 'planned the activity' };
    case 'ShiftSignedUp':
      return { 'zh-CN': '有人报名', en: 'someone signed up' };
    case 'ShiftSignUpCancelled':
      return { 'zh-CN': '有人取消报名', en: 'someone cancelled' };
    case 'ShiftWaitListPromoted':
      return { 'zh-CN': '候补转正', en: 'someone came off the wait-list' };
    case 'ShiftAttendanceConfirmed':
      return { 'zh-CN': '有人确认参加', en: 'someone confirmed' };
    case 'ShiftCheckedIn':
      return { 'zh-CN': '有人签到', en: 'someone checked in' };
    case 'ShiftCheckedOut':
      return { 'zh-CN': '有人签退', en: 'someone checked out' };
    case 'ShiftReminderSent':
      return { 'zh-CN': '提醒确认参加', en: 'reminded to confirm' };
    case 'ShiftClosed':
      return { 'zh-CN': '结束了班次登记', en: 'closed the shift' };
  }
}

/** The notice asking those who signed up for a shift to confirm (a day ahead). */
export function shiftReminderNotice(event: Extract<ActivityEvent, { type: 'ShiftReminderSent' }>): {
  link: string;
  recipients: string[];
  message: { 'zh-CN': string; en: string };
} {
  const { title, startsAt, place } = event.data;
  const when = new Date(Date.parse(startsAt) + 8 * 3_600_000)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');
  return {
    link: '/service#shifts',
    recipients: event.data.accountIds,
    message: {
      'zh-CN': `您报名的「${title}」将于 ${when} 在${place}开始，请确认是否参加；不能参加请取消，把名额让给候补的队友。`,
      en: `“${title}”, which you signed up for, starts at ${when} (China time) at ${place}: please confirm you will come, or cancel so that someone on the wait-list gets your place.`,
    },
  };
}
