// Objection commands as the API runs them (群众共督). Filing reads the cycle from its stream and
// the community's pool from the read model; answering folds the cycle, and an upheld objection is
// followed by a count of the cycle (ballot/commands.ts tallyCycle): the project it names is then
// left out of its community's count, and an objection to the count has the bulletin counted
// again; either records a new tally only when the count's input changed. Should the process stop
// between the answer and the count, ballot.tally counts again.
import {
  describeOutcomeEvent,
  objectionDecider,
  outcomeEventSchemas,
  outcomeStreams,
  parseOutcomeEvent,
  type LocalizedText,
  type ObjectionCommand,
  type ObjectionState,
  type OutcomeEvent,
  type OutcomeEventData,
} from '@gongzhi/domain';
import { countUnansweredObjections } from '@gongzhi/projections/outcome';
import { listProjectPool } from '@gongzhi/projections/proposal';
import { tallyCycle } from '../ballot/commands.ts';
import { executeCommand, readState, type EventCodec, type Writer } from '../commands.ts';
import { cycleRecord } from '../cycle/commands.ts';
import { caughtUpToHead } from '../positions.ts';

export const outcomeCodec: EventCodec<OutcomeEvent> = {
  read: (recorded) => parseOutcomeEvent(recorded.type, recorded.data),
  versionOf: (type) => outcomeEventSchemas[type].version,
  describe: describeOutcomeEvent,
};

const objectionSubject = (): LocalizedText => ({ 'zh-CN': '这条异议', en: 'The objection' });

function onObjection(
  w: Writer,
  objectionId: string,
  command: (state: ObjectionState) => Promise<ObjectionCommand>,
  expectedRevision?: bigint,
) {
  return executeCommand(w.store, {
    decider: objectionDecider,
    codec: outcomeCodec,
    stream: outcomeStreams.objection(objectionId),
    command,
    expectedRevision,
    subject: objectionSubject,
    metadata: w.metadata,
  });
}

/** An objection names a project of the pool, read once the read models hold every event so far. */
export const fileObjection = (w: Writer, data: OutcomeEventData<'ObjectionFiled'>) =>
  onObjection(w, data.objectionId, async () => {
    await caughtUpToHead(w);
    const [cycle, pool] = await Promise.all([
      readState(w.store, cycleRecord(data.cycleId)),
      listProjectPool(w.readModels.db, { cycleId: data.cycleId, communityId: data.communityId }),
    ]);
    return {
      type: 'FileObjection',
      data,
      cycle: cycle.state,
      pool: pool.map((p) => p.proposalId),
      now: w.metadata.occurredAt,
    };
  });

/**
 * Answers an objection; an upheld one is followed by the count of its cycle, and the position
 * answered is then the last tally's.
 */
export async function answerObjection(
  w: Writer,
  data: Extract<ObjectionCommand, { type: 'AnswerObjection' }>['data'],
  expectedRevision?: bigint,
) {
  const answered = await onObjection(
    w,
    data.objectionId,
    async (state) => ({
      type: 'AnswerObjection',
      data,
      cycle:
        state.status === 'none'
          ? { status: 'none' }
          : (await readState(w.store, cycleRecord(state.cycleId))).state,
    }),
    expectedRevision,
  );
  const [event] = answered.events;
  if (event?.type !== 'ObjectionUpheld') return answered;
  const tallies = await tallyCycle(w, event.data.cycleId);
  const recorded = tallies.filter((t) => t.result.events.length > 0);
  return { ...answered, position: recorded.at(-1)?.result.position ?? answered.position };
}

/**
 * How many objections of the cycle are unanswered, once the read models hold every event written
 * so far (confirming the cycle is decided on it).
 */
export async function unansweredObjections(w: Writer, cycleId: string): Promise<number> {
  await caughtUpToHead(w);
  return countUnansweredObjections(w.readModels.db, cycleId);
}
