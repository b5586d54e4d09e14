// One person's attendance at one meeting: stream `meetingattendance-<meetingId>-<residentId>`.
// Signing in (by the rotating code on their phone, or by a worker) and leaving; a roster member
// signs in as a member, anyone else as an attendee (列席). A stream per person, so that a room
// signing in at once never contends, and a second sign-in of someone present changes nothing.
// State, evolve and decision in one file: a small stream of two commands.
import type { Decider } from '../shared/decider.ts';
import { refuse } from '../shared/errors.ts';
import type { MeetingEvent, MeetingEventOf } from './events.ts';
import { requireOpenMeeting } from './commands.ts';
import type { MeetingState } from './state.ts';

export type AttendanceState =
  { status: 'none' } | { status: 'present' | 'left'; as: 'member' | 'attendee' };

export interface SignInAttendee {
  type: 'SignInAttendee';
  data: { meetingId: string; residentId: string; via: 'code' | 'worker' };
  meeting: MeetingState;
}

export interface RecordLeaving {
  type: 'RecordLeaving';
  data: { meetingId: string; residentId: string };
  meeting: MeetingState;
}

export type AttendanceCommand = SignInAttendee | RecordLeaving;

export const initialAttendanceState = (): AttendanceState => ({ status: 'none' });

export function evolveAttendance(state: AttendanceState, event: MeetingEvent): AttendanceState {
  switch (event.type) {
    case 'AttendeeSignedIn':
      return { status: 'present', as: event.data.as };
    case 'AttendeeLeft':
      return state.status === 'none' ? state : { ...state, status: 'left' };
    default:
      return state;
  }
}

export function signInAttendee(
  command: SignInAttendee,
  state: AttendanceState,
): MeetingEventOf<'AttendeeSignedIn'>[] {
  const meeting = requireOpenMeeting(command.meeting, command.data.meetingId);
  if (state.status === 'present') return [];
  const member = meeting.roster.some((line) => line.residentId === command.data.residentId);
  return [
    { type: 'AttendeeSignedIn', data: { ...command.data, as: member ? 'member' : 'attendee' } },
  ];
}

export function recordLeaving(
  command: RecordLeaving,
  state: AttendanceState,
): MeetingEventOf<'AttendeeLeft'>[] {
  requireOpenMeeting(command.meeting, command.data.meetingId);
  if (state.status === 'left') return [];
  if (state.status === 'none') {
    return refuse(
      'conflict',
      'not_signed_in',
      '这位居民没有签到，无法登记离场。',
      'This person has not signed in, so their leaving cannot be recorded.',
    );
  }
  return [{ type: 'AttendeeLeft', data: command.data }];
}

export function decideAttendance(
  command: AttendanceCommand,
  state: AttendanceState,
): MeetingEvent[] {
  switch (command.type) {
    case 'SignInAttendee':
      return signInAttendee(command, state);
    case 'RecordLeaving':
      return recordLeaving(command, state);
  }
}

export const attendanceDecider: Decider<AttendanceCommand, MeetingEvent, AttendanceState> = {
  initialState: initialAttendanceState,
  evolve: evolveAttendance,
  decide: decideAttendance,
};
