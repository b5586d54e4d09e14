// Cycle commands as the API and the demo seed run them: fold the street and communities a draft
// names from their own streams, then go through the command path. `now` is the instant the
// writer's metadata records (`occurredAt`): phase moves are judged on its day in China time.
import {
  communityDecider,
  cycleDecider,
  cycleEventSchemas,
  cycleStreams,
  describeCycleEvent,
  fold,
  organisationStreams,
  parseCycleEvent,
  parseOrganisationEvent,
  requirePublishedCycle,
  streetDecider,
} from '@gongzhi/domain';
import type {
  CommunityBudget,
  CommunityEvent,
  CommunityState,
  CycleCommand,
  CycleDefinition,
  CycleEvent,
  CyclePhase,
  CycleSchedule,
  CycleState,
  LocalizedText,
  PublishedCycle,
  StreetEvent,
  StreetState,
} from '@gongzhi/domain';
import type { EventStore } from '@gongzhi/eventstore';
import { executeCommand, type EventCodec, type Writer } from '../commands.ts';

export const cycleCodec: EventCodec<CycleEvent> = {
  read: (recorded) => parseCycleEvent(recorded.type, recorded.data),
  versionOf: (type) => cycleEventSchemas[type].version,
  describe: describeCycleEvent,
};

/** The cycle as its stream has it now. */
export async function currentCycle(store: EventStore, cycleId: string): Promise<CycleState> {
  const recorded = await store.readStream(cycleStreams.cycle(cycleId));
  return fold(
    cycleDecider,
    recorded.map((r) => cycleCodec.read(r)),
  );
}

/** The cycle folded from its stream, once published; a draft or unknown one is not found. */
export async function publishedCycle(store: EventStore, cycleId: string): Promise<PublishedCycle> {
  return requirePublishedCycle(await currentCycle(store, cycleId), cycleId);
}

async function currentStreet(store: EventStore, streetId: string): Promise<StreetState> {
  const recorded = await store.readStream(organisationStreams.street(streetId));
  return fold(
    streetDecider,
    recorded.map((r) => parseOrganisationEvent(r.type, r.data) as StreetEvent),
  );
}

async function currentCommunities(
  store: EventStore,
  communityIds: readonly string[],
): Promise<CommunityState[]> {
  return Promise.all(
    communityIds.map(async (communityId) => {
      const recorded = await store.readStream(organisationStreams.community(communityId));
      return fold(
        communityDecider,
        recorded.map((r) => parseOrganisationEvent(r.type, r.data) as CommunityEvent),
      );
    }),
  );
}

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
    decider: cycleDecider,
    codec: cycleCodec,
    stream: cycleStreams.cycle(cycleId),
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
    street: await currentStreet(w.store, data.streetId),
    communities: await currentCommunities(
      w.store,
      data.communities.map((c) => c.communityId),
    ),
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
      communities: await currentCommunities(
        w.store,
        data.communities.map((c) => c.communityId),
      ),
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
