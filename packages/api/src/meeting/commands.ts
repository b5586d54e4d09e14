// Meeting commands as the API runs them (议事协商). A body's roster changes are decided on the
// resident's stream (does the resident exist); convening on the body's stream (its rules and the
// roster of the meeting's day); a sign-in on the meeting's stream, in the person's own attendance
// stream; a vote on who is present, read off the read model once it holds every event so far.
import {
  attendanceDecider,
  bodyDecider,
  describeMeetingEvent,
  meetingDecider,
  meetingEventSchemas,
  meetingStreams,
  parseMeetingEvent,
  type AttendanceCommand,
  type BodyCommand,
  type LocalizedText,
  type MeetingCommand,
  type MeetingEvent,
  type MeetingEventData,
  type MeetingState,
  type Vote,
} from '@gongzhi/domain';
import { listPresent } from '@gongzhi/projections/meeting';
import { executeCommand, readState, type EventCodec, type Writer } from '../commands.ts';
import { caughtUpToHead } from '../positions.ts';
import { residentRecord } from '../resident/commands.ts';

export const meetingCodec: EventCodec<MeetingEvent> = {
  read: (recorded) => parseMeetingEvent(recorded.type, recorded.data),
  versionOf: (type) => meetingEventSchemas[type].version,
  describe: describeMeetingEvent,
};

export const bodyRecord = (bodyId: string) => ({
  stream: meetingStreams.body(bodyId),
  decider: bodyDecider,
  codec: meetingCodec,
});

export const meetingRecord = (meetingId: string) => ({
  stream: meetingStreams.meeting(meetingId),
  decider: meetingDecider,
  codec: meetingCodec,
});

const bodySubject = (): LocalizedText => ({ 'zh-CN': '这个议事机构', en: 'The body' });
const meetingSubject = (): LocalizedText => ({ 'zh-CN': '这次会议', en: 'The meeting' });
const attendanceSubject = (): LocalizedText => ({ 'zh-CN': '签到记录', en: 'The attendance' });

const onBody = (w: Writer, bodyId: string, command: () => BodyCommand | Promise<BodyCommand>) =>
  executeCommand(w.store, {
    ...bodyRecord(bodyId),
    command,
    subject: bodySubject,
    metadata: w.metadata,
  });

const onMeeting = (
  w: Writer,
  meetingId: string,
  command: () => MeetingCommand | Promise<MeetingCommand>,
) =>
  executeCommand(w.store, {
    ...meetingRecord(meetingId),
    command,
    subject: meetingSubject,
    metadata: w.metadata,
  });

export const establishBody = (w: Writer, data: MeetingEventData<'MeetingBodyEstablished'>) =>
  onBody(w, data.bodyId, () => ({ type: 'EstablishBody', data }));

export const joinBody = (w: Writer, data: MeetingEventData<'BodyMemberJoined'>) =>
  onBody(w, data.bodyId, async () => {
    const { state } = await readState(w.store, residentRecord(data.residentId));
    return {
      type: 'JoinBody',
      data,
      residentKnown: state.status === 'active',
      residentStreets:
        state.status === 'active'
          ? state.ties
              .filter((tie) => tie.status !== 'declined' && tie.status !== 'rejected')
              .map((tie) => tie.streetId)
          : [],
    };
  });

export const leaveBody = (w: Writer, data: MeetingEventData<'BodyMemberLeft'>) =>
  onBody(w, data.bodyId, () => ({ type: 'LeaveBody', data }));

export const conveneMeeting = (
  w: Writer,
  data: Extract<MeetingCommand, { type: 'ConveneMeeting' }>['data'],
) =>
  onMeeting(w, data.meetingId, async () => ({
    type: 'ConveneMeeting',
    data,
    body: (await readState(w.store, bodyRecord(data.bodyId))).state,
    now: w.metadata.occurredAt,
  }));

export const tableMotion = (w: Writer, data: MeetingEventData<'MotionTabled'>) =>
  onMeeting(w, data.meetingId, () => ({ type: 'TableMotion', data }));

/** A vote is decided on who is present, once the read model holds every sign-in so far. */
export const voteOnMotion = (
  w: Writer,
  data: { meetingId: string; motionId: string; vote: Vote },
) =>
  onMeeting(w, data.meetingId, async () => {
    await caughtUpToHead(w);
    return {
      type: 'VoteOnMotion',
      data,
      present: await listPresent(w.readModels.db, data.meetingId),
    };
  });

export const closeMeeting = (w: Writer, meetingId: string) =>
  onMeeting(w, meetingId, () => ({ type: 'CloseMeeting', data: { meetingId } }));

const onAttendance = (
  w: Writer,
  data: { meetingId: string; residentId: string },
  command: (meeting: MeetingState) => AttendanceCommand,
) =>
  executeCommand(w.store, {
    stream: meetingStreams.attendance(data.meetingId, data.residentId),
    decider: attendanceDecider,
    codec: meetingCodec,
    command: async () => command((await readState(w.store, meetingRecord(data.meetingId))).state),
    subject: attendanceSubject,
    metadata: w.metadata,
  });

/** Signs a person in: as a member when on the meeting's roster, else as an attendee (列席). */
export const signIn = (
  w: Writer,
  data: { meetingId: string; residentId: string; via: 'code' | 'worker' },
) => onAttendance(w, data, (meeting) => ({ type: 'SignInAttendee', data, meeting }));

export const recordLeaving = (w: Writer, data: { meetingId: string; residentId: string }) =>
  onAttendance(w, data, (meeting) => ({ type: 'RecordLeaving', data, meeting }));
