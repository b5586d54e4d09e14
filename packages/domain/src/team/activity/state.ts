// The state folded from an activity's stream; commands in commands.ts, wired in decider.ts.
import type { ActivityEvent } from './events.ts';

export interface ShiftState {
  shiftId: string;
  startsAt: string;
  endsAt: string;
  place: string;
  slots: number;
  /** Holding a slot, in order of sign-up. */
  signedUp: string[];
  /** Waiting for a slot, first come first promoted. */
  waitList: string[];
  confirmed: string[];
  /** Account id → check-in and check-out instants. */
  attendance: Record<string, { in: string; out?: string }>;
  /** Reminded to confirm (a day ahead). */
  reminded: string[];
  closed: boolean;
}

export type ActivityState =
  | { status: 'none' }
  | {
      status: 'planned';
      activityId: string;
      teamId: string;
      title: string;
      shifts: Record<string, ShiftState>;
    };

export type PlannedActivity = Extract<ActivityState, { status: 'planned' }>;

export const initialActivityState = (): ActivityState => ({ status: 'none' });

const without = (list: string[], id: string) => list.filter((x) => x !== id);

function onShift(
  state: ActivityState,
  shiftId: string,
  change: (shift: ShiftState) => ShiftState,
): ActivityState {
  if (state.status === 'none' || !state.shifts[shiftId]) return state;
  return { ...state, shifts: { ...state.shifts, [shiftId]: change(state.shifts[shiftId]) } };
}

export function evolveActivity(state: ActivityState, event: ActivityEvent): ActivityState {
  switch (event.type) {
    case 'ActivityPlanned': {
      const { activityId, teamId, title, shifts } = event.data;
      return {
        status: 'planned',
        activityId,
        teamId,
        title,
        shifts: Object.fromEntries(
          shifts.map((s) => [
            s.shiftId,
            {
              ...s,
              signedUp: [],
              waitList: [],
              confirmed: [],
              attendance: {},
              reminded: [],
              closed: false,
            },
          ]),
        ),
      };
    }
    case 'ShiftSignedUp': {
      const { shiftId, accountId, waitListed } = event.data;
      return onShift(state, shiftId, (s) =>
        waitListed
          ? { ...s, waitList: [...s.waitList, accountId] }
          : { ...s, signedUp: [...s.signedUp, accountId] },
      );
    }
    case 'ShiftSignUpCancelled': {
      const { shiftId, accountId } = event.data;
      return onShift(state, shiftId, (s) => ({
        ...s,
        signedUp: without(s.signedUp, accountId),
        waitList: without(s.waitList, accountId),
        confirmed: without(s.confirmed, accountId),
      }));
    }
    case 'ShiftWaitListPromoted': {
      const { shiftId, accountId } = event.data;
      return onShift(state, shiftId, (s) => ({
        ...s,
        waitList: without(s.waitList, accountId),
        signedUp: [...s.signedUp, accountId],
      }));
    }
    case 'ShiftAttendanceConfirmed':
      return onShift(state, event.data.shiftId, (s) => ({
        ...s,
        confirmed: [...s.confirmed, event.data.accountId],
      }));
    case 'ShiftCheckedIn': {
      const { shiftId, accountId, at } = event.data;
      return onShift(state, shiftId, (s) => ({
        ...s,
        attendance: { ...s.attendance, [accountId]: { in: at } },
      }));
    }
    case 'ShiftCheckedOut': {
      const { shiftId, accountId, at } = event.data;
      return onShift(state, shiftId, (s) => ({
        ...s,
        attendance: { ...s.attendance, [accountId]: { in: s.attendance[accountId]!.in, out: at } },
      }));
    }
    case 'ShiftReminderSent':
      return onShift(state, event.data.shiftId, (s) => ({
        ...s,
        reminded: [...s.reminded, ...event.data.accountIds],
      }));
    case 'ShiftClosed':
      return onShift(state, event.data.shiftId, (s) => ({ ...s, closed: true }));
  }
}
