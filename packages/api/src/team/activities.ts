// Activity commands as the API runs them. Commands on one activity run one at a time: in this
// process (a queue per stream) and, when several API processes share the database, across them
// (the cluster's advisory lock per activity, the gate the ballots use), so that fifty members signing up at once for the last slots are
// each decided on the sign-ups before them — the first take the slots, the rest are wait-listed —
// instead of racing and being refused after three conflicts. Closing a shift writes the shift's
// attendance, then one service record per person on site (its id derived from the shift and the
// person, so a retry after a crash in between finds the records written and writes the rest).
import { createHash } from 'node:crypto';
import {
  activityDecider,
  activityEventSchemas,
  activityStreams,
  describeActivityEvent,
  parseActivityEvent,
  type ActivityCommand,
  type ActivityEvent,
  type ActivityState,
  type LocalizedText,
  type TeamState,
} from '@gongzhi/domain';
import { executeCommand, readState, type EventCodec, type Writer } from '../commands.ts';
import { onServiceRecord, teamRecord } from './commands.ts';

export const activityCodec: EventCodec<ActivityEvent> = {
  read: (recorded) => parseActivityEvent(recorded.type, recorded.data),
  versionOf: (type) => activityEventSchemas[type].version,
  describe: describeActivityEvent,
};

export const activityRecord = (activityId: string) => ({
  stream: activityStreams.activity(activityId),
  decider: activityDecider,
  codec: activityCodec,
});

const activitySubject = (state: ActivityState): LocalizedText =>
  state.status === 'planned'
    ? { 'zh-CN': `活动「${state.title}」`, en: `The activity “${state.title}”` }
    : { 'zh-CN': '这个活动', en: 'The activity' };

const gates = new Map<string, Promise<unknown>>();

/** Runs `work` after every earlier work on the same key in this process has settled. */
function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = gates.get(key) ?? Promise.resolve();
  const run = before.then(work, work);
  const settled = run.catch(() => undefined);
  gates.set(key, settled);
  void settled.then(() => {
    if (gates.get(key) === settled) gates.delete(key);
  });
  return run;
}

/** Holds the activity's lock across API processes while `work` runs (when they share one). */
const acrossProcesses = <T>(
  w: Pick<Writer, 'locks'>,
  activityId: string,
  work: () => Promise<T>,
): Promise<T> =>
  w.locks ? w.locks.withLock(`activity-gate:${activityId}`, 'exclusive', work) : work();

/**
 * Runs one activity command, built from the activity's state and its team's (read again on a
 * retry), one at a time per activity.
 */
export function onActivity(
  w: Writer,
  activityId: string,
  command: (state: ActivityState, team: TeamState) => ActivityCommand,
  teamId?: string,
) {
  return oneAtATime(activityId, () =>
    acrossProcesses(w, activityId, () =>
      executeCommand(w.store, {
        ...activityRecord(activityId),
        command: async (state) => {
          const id = teamId ?? (state.status === 'planned' ? state.teamId : undefined);
          const team = id
            ? (await readState(w.store, teamRecord(id))).state
            : ({ status: 'none' } as const);
          return command(state, team);
        },
        subject: activitySubject,
        metadata: w.metadata,
      }),
    ),
  );
}

/** A shift's service record of one person: the same id on every retry. */
export const shiftRecordId = (shiftId: string, accountId: string) =>
  `shift-${createHash('sha256').update(`${shiftId}\n${accountId}`).digest('hex').slice(0, 40)}`;

/**
 * Closes a shift: its attendance and no-shows, then a service record (awaiting a leader's
 * confirmation) for each person on site, from arrival to departure.
 */
export async function closeShift(
  w: Writer,
  data: { activityId: string; shiftId: string; by: string },
) {
  const closed = await onActivity(w, data.activityId, (_, team) => ({
    type: 'CloseShift',
    data,
    team,
    now: w.metadata.occurredAt,
  }));
  const { state } = await readState(w.store, activityRecord(data.activityId));
  if (state.status !== 'planned') return closed;
  const shift = state.shifts[data.shiftId]!;
  let position = closed.position;
  for (const person of await onSite(w, data)) {
    const recordId = shiftRecordId(data.shiftId, person.accountId);
    const written = await onServiceRecord(
      w,
      recordId,
      (_, team) => ({
        type: 'RecordService',
        data: {
          recordId,
          teamId: state.teamId,
          volunteerId: person.accountId,
          startedAt: person.arrivedAt,
          endedAt: person.leftAt,
          place: shift.place,
          content: state.title,
          source: { kind: 'shift', activityId: data.activityId, shiftId: data.shiftId },
          recordedBy: data.by,
        },
        team,
        now: w.metadata.occurredAt,
      }),
      state.teamId,
    );
    position = written.position ?? position;
  }
  return { ...closed, position };
}

/** Who was on site for at least a minute, as the shift's closing recorded them. */
async function onSite(w: Writer, on: { activityId: string; shiftId: string }) {
  const recorded = await w.store.readStream(activityStreams.activity(on.activityId));
  const closing = recorded
    .map((r) => parseActivityEvent(r.type, r.data))
    .find((e) => e.type === 'ShiftClosed' && e.data.shiftId === on.shiftId);
  const attended = closing?.type === 'ShiftClosed' ? closing.data.attended : [];
  return attended.filter((a) => Date.parse(a.leftAt) - Date.parse(a.arrivedAt) >= 60_000);
}
