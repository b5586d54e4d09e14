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
import { listFeedbackOwed } from '@gongzhi/projections/proposal';
import { apartFromCasting, tallyCycle } from '../ballot/commands.ts';
import { uncountedPaperBatches } from '../ballot/paper-commands.ts';
import { executeCommand, type EventCodec, type Writer } from '../commands.ts';
import { unansweredObjections } from '../outcome/commands.ts';

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

/**
 * Moves the cycle to its next phase. Closing the vote (to publicity) waits for ballots being cast
 * to be written and holds new ones back while it moves, then counts every community and records
 * the tallies (see ballot/commands.ts); the position answered is then the last tally's. A retry
 * of the move is refused (the cycle is past voting) and records nothing; ballot.tally counts
 * again if the process stopped between the move and the count. Closing is refused while a paper
 * batch resolved during voting is not fully counted (its count needs voting open). Confirming the
 * selection (to implementing) is decided on the number of the cycle's objections still unanswered,
 * closing the cycle on the proposals whose authors still wait for feedback.
 */
export async function advanceCyclePhase(
  w: Writer,
  data: { cycleId: string; to: CyclePhase; reason?: string | undefined },
  expectedRevision?: bigint,
) {
  const move = () =>
    onCycle(
      w,
      data.cycleId,
      async () => ({
        type: 'AdvanceCyclePhase',
        data,
        now: w.metadata.occurredAt,
        ...(data.to === 'implementing'
          ? { unansweredObjections: await unansweredObjections(w, data.cycleId) }
          : {}),
        ...(data.to === 'publicity'
          ? { uncountedPaperBatches: await uncountedPaperBatches(w, data.cycleId) }
          : {}),
        ...(data.to === 'closed' ? { feedbackOwed: await feedbackOwed(w, data.cycleId) } : {}),
      }),
      expectedRevision,
    );
  if (data.to !== 'publicity') return move();
  const moved = await apartFromCasting(data.cycleId, move);
  if (moved.events.length === 0) return moved;
  const tallies = await tallyCycle(w, data.cycleId);
  return { ...moved, position: tallies.at(-1)?.result.position ?? moved.position };
}

/**
 * Titles of the cycle's proposals whose authors still wait for feedback, once the read models
 * hold every event written so far (closing the cycle is decided on them).
 */
async function feedbackOwed(w: Writer, cycleId: string): Promise<string[]> {
  const head = await w.store.headPosition();
  if (head !== undefined) await w.readModels.waitForPosition(head, 30_000);
  return (await listFeedbackOwed(w.readModels.db, { cycleId })).map((p) => p.title);
}

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
