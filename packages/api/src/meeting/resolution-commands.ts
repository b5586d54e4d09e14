// Follow-through commands as the API runs them (落实反馈). Assigning is decided on the meeting's
// stream (was the motion adopted?) with the motion's text and its topic read off the read models
// once they hold every event so far; progress and closing on the resolution's own stream.
import {
  describeResolutionEvent,
  parseResolutionEvent,
  resolutionDecider,
  resolutionEventSchemas,
  resolutionStreams,
  type LocalizedText,
  type ResolutionCommand,
  type ResolutionEvent,
  type ResolutionLink,
} from '@gongzhi/domain';
import { listMotions, listTopicsOfMeeting } from '@gongzhi/projections/meeting';
import { executeCommand, readState, type EventCodec, type Writer } from '../commands.ts';
import { caughtUpToHead } from '../positions.ts';
import { meetingRecord } from './commands.ts';

export const resolutionCodec: EventCodec<ResolutionEvent> = {
  read: (recorded) => parseResolutionEvent(recorded.type, recorded.data),
  versionOf: (type) => resolutionEventSchemas[type].version,
  describe: describeResolutionEvent,
};

export const resolutionRecord = (resolutionId: string) => ({
  stream: resolutionStreams.resolution(resolutionId),
  decider: resolutionDecider,
  codec: resolutionCodec,
});

const resolutionSubject = (): LocalizedText => ({ 'zh-CN': '这项决议', en: 'The resolution' });

const onResolution = (
  w: Writer,
  resolutionId: string,
  command: () => ResolutionCommand | Promise<ResolutionCommand>,
) =>
  executeCommand(w.store, {
    ...resolutionRecord(resolutionId),
    command,
    subject: resolutionSubject,
    metadata: w.metadata,
  });

export const assignResolution = (
  w: Writer,
  data: {
    resolutionId: string;
    meetingId: string;
    motionId: string;
    owner: string;
    dueOn: string;
    link: ResolutionLink | null;
  },
  today: string,
) =>
  onResolution(w, data.resolutionId, async () => {
    await caughtUpToHead(w);
    const db = w.readModels.db;
    const motion = (await listMotions(db, data.meetingId)).find(
      (m) => m.motionId === data.motionId,
    );
    const topic = motion
      ? (await listTopicsOfMeeting(db, data.meetingId)).find((t) => t.itemId === motion.itemId)
      : undefined;
    return {
      type: 'AssignResolution',
      data: { ...data, topicId: topic?.topicId ?? null },
      meeting: (await readState(w.store, meetingRecord(data.meetingId))).state,
      motionText: motion?.text ?? null,
      today,
    };
  });

export const reportResolutionProgress = (
  w: Writer,
  data: { resolutionId: string; on: string; text: string },
) => onResolution(w, data.resolutionId, () => ({ type: 'ReportResolutionProgress', data }));

export const closeResolution = (
  w: Writer,
  data: { resolutionId: string; on: string; report: string },
) => onResolution(w, data.resolutionId, () => ({ type: 'CloseResolution', data }));
