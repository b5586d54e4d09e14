// Minutes commands as the API runs them (会议纪要). Drafting is decided on the meeting (closed?),
// signing on the meeting's roster and the person's attendance stream, asking for a correction on
// that attendance alone: all read from the streams, never the read model.
import {
  attendanceDecider,
  describeMinutesEvent,
  meetingStreams,
  minutesDecider,
  minutesEventSchemas,
  minutesStreams,
  parseMinutesEvent,
  type LocalizedText,
  type MinutesCommand,
  type MinutesEvent,
} from '@gongzhi/domain';
import { executeCommand, readState, type EventCodec, type Writer } from '../commands.ts';
import { meetingCodec, meetingRecord } from './commands.ts';

export const minutesCodec: EventCodec<MinutesEvent> = {
  read: (recorded) => parseMinutesEvent(recorded.type, recorded.data),
  versionOf: (type) => minutesEventSchemas[type].version,
  describe: describeMinutesEvent,
};

export const minutesRecord = (meetingId: string) => ({
  stream: minutesStreams.minutes(meetingId),
  decider: minutesDecider,
  codec: minutesCodec,
});

const minutesSubject = (): LocalizedText => ({ 'zh-CN': '会议纪要', en: 'The minutes' });

const onMinutes = (
  w: Writer,
  meetingId: string,
  command: () => MinutesCommand | Promise<MinutesCommand>,
) =>
  executeCommand(w.store, {
    ...minutesRecord(meetingId),
    command,
    subject: minutesSubject,
    metadata: w.metadata,
  });

/** Whether the resident signed in to the meeting (present now or left since). */
export async function attended(w: Pick<Writer, 'store'>, meetingId: string, residentId: string) {
  const { state } = await readState(w.store, {
    stream: meetingStreams.attendance(meetingId, residentId),
    decider: attendanceDecider,
    codec: meetingCodec,
  });
  return state.status !== 'none';
}

export const draftMinutes = (w: Writer, data: { meetingId: string; text: string }) =>
  onMinutes(w, data.meetingId, async () => ({
    type: 'DraftMinutes',
    data,
    meeting: (await readState(w.store, meetingRecord(data.meetingId))).state,
  }));

export const circulateMinutes = (w: Writer, meetingId: string) =>
  onMinutes(w, meetingId, () => ({ type: 'CirculateMinutes', data: { meetingId } }));

export const requestMinutesCorrection = (
  w: Writer,
  data: { meetingId: string; residentId: string; text: string },
) =>
  onMinutes(w, data.meetingId, async () => ({
    type: 'RequestMinutesCorrection',
    data,
    attended: await attended(w, data.meetingId, data.residentId),
  }));

export const signMinutes = (w: Writer, data: { meetingId: string; residentId: string }) =>
  onMinutes(w, data.meetingId, async () => ({
    type: 'SignMinutes',
    data,
    attended: await attended(w, data.meetingId, data.residentId),
    meeting: (await readState(w.store, meetingRecord(data.meetingId))).state,
  }));

export const approveMinutes = (w: Writer, meetingId: string) =>
  onMinutes(w, meetingId, () => ({ type: 'ApproveMinutes', data: { meetingId } }));

export const correctMinutes = (
  w: Writer,
  data: { meetingId: string; text: string; reason: string },
) => onMinutes(w, data.meetingId, () => ({ type: 'CorrectMinutes', data }));
