// Cycle commands as the API and the demo seed run them: read the street and communities a draft
// names from their own streams, then go through the command path. `now` is the instant the
// writer's metadata records (`occurredAt`): phase moves are judged on its day in China time.
import {
  cycleDecider,
  cycleEventSchemas,
  cycleStreams,
  describeCycleEvent,
  parseCycleEvent,
  requirePublishedCycle,
} from '@gongzhi/domain';
import type {
  CommunityBudget,
  CycleCommand,
  CycleDefinition,
  CycleEvent,
  CyclePhase,
  CycleSchedule,
  CycleState,
  LocalizedText,
  PublishedCycle,
} from '@gongzhi/domain';
import type { EventStore } from '@gongzhi/eventstore';
import { executeCommand, readState, type EventCodec, type Writer } from '../commands.ts';
import { communityRecord, streetRecord } from '../organisation/commands.ts';

export const cycleCodec: EventCodec<CycleEvent> = {
  read: (recorded) => parseCycleEvent(recorded.type, recorded.data),
  versionOf: (type) => cycleEventSchemas[type].version,
  describe: describeCycleEvent,
};

/** The cycle's stream, for readState and the command path. */
export const cycleRecord = (cycleId: string) => ({
  stream: cycleStreams.cycle(cycleId),
  decider: cycleDecider,
  codec: cycleCodec,
});

/** The cycle folded from its stream, once published; a draft or unknown one is not found. */
export async function publishedCycle(store: EventStore, cycleId: string): Promise<PublishedCycle> {
  const { state } = await readState(store, cycleRecord(cycleId));
  return requirePublishedCycle(state, cycleId);
}

/** The communities a draft names, as their own streams have them. */
const communitiesOf = (w: Writer, communities: readonly { communityId: string }[]) =>
  Promise.all(
    communities.map(async (c) => (await readState(w.store, communityRecord(c.communityId))).state),
  );

const cycleSubject = (state: CycleState): LocalizedText =>
  state.status === 'none'
    ? { 'zh-CN': '项目周期', en: 'The cycle' }
    : {
        'zh-CN': `项目周期「${state.definition.title}」`,
        en: `The cycle “${state.definition.title}”`,
      };

function onCycle(
  w: Writer,
  cycleId: string,
  command: () => CycleCommand | Promise<CycleCommand>,
  expectedRevision?: bigint,
) {
  return executeCommand(w.store, {
    ...cycleRecord(cycleId),
    command,
    expectedRevision,
    subject: cycleSubject,
    metadata: w.metadata,
  });
}

export const draftCycle = (
  w: Writer,
  data: { cycleId: string; streetId: string } & CycleDefinition,
) =>
  onCycle(w, data.cycleId, async () => ({
    type: 'DraftCycle',
    data,
    street: (await readState(w.store, streetRecord(data.streetId))).state,
    communities: await communitiesOf(w, data.communities),
  }));

export const amendCycleDraft = (
  w: Writer,
  data: { cycleId: string } & CycleDefinition,
  expectedRevision?: bigint,
) =>
  onCycle(
    w,
    data.cycleId,
    async () => ({
      type: 'AmendCycleDraft',
      data,
      communities: await communitiesOf(w, data.communities),
    }),
    expectedRevision,
  );

export const publishCycle = (w: Writer, data: { cycleId: string }, expectedRevision?: bigint) =>
  onCycle(w, data.cycleId, () => ({ type: 'PublishCycle', data }), expectedRevision);

/** What a phase move is decided on besides the cycle: facts other modules hold. */
export type PhaseMoveFacts = Omit<
  Extract<CycleCommand, { type: 'AdvanceCyclePhase' }>,
  'type' | 'data' | 'now'
>;

/**
 * Moves the cycle to its next phase, decided on `facts`, which are gathered again if the move is
 * retried. Call it through the workflow that gathers them (workflows/advance-cycle-phase.ts).
 */
export const moveCyclePhase = (
  w: Writer,
  data: { cycleId: string; to: CyclePhase; reason?: string | undefined },
  facts: () => Promise<PhaseMoveFacts>,
  expectedRevision?: bigint,
) =>
  onCycle(
    w,
    data.cycleId,
    async () => ({
      type: 'AdvanceCyclePhase',
      data,
      now: w.metadata.occurredAt,
      ...(await facts()),
    }),
    expectedRevision,
  );

export const amendCycleBudget = (
  w: Writer,
  data: { cycleId: string; budgets: CommunityBudget[]; reason: string },
  expectedRevision?: bigint,
) => onCycle(w, data.cycleId, () => ({ type: 'AmendCycleBudget', data }), expectedRevision);

export const amendCycleSchedule = (
  w: Writer,
  data: { cycleId: string; schedule: CycleSchedule; reason: string },
  expectedRevision?: bigint,
) =>
  onCycle(
    w,
    data.cycleId,
    () => ({ type: 'AmendCycleSchedule', data, now: w.metadata.occurredAt }),
    expectedRevision,
  );
