// The command path: read the stream, fold it (readState), decide, and append at the revision the
// decision was made on (executeCommand). When another writer got there first the store refuses the append; the command is
// then decided again on the new state, a bounded number of times. A caller that names the
// revision it showed the person (a form's `expectedRevision`) is never retried silently: a
// different revision is a 409 that says what changed in between.
import { DomainError, fold } from '@gongzhi/domain';
import type { Decider, DomainEvent, LocalizedText } from '@gongzhi/domain';
import { newEvent, WrongExpectedRevisionError } from '@gongzhi/eventstore';
import type { EventMetadata, EventStore, Position, RecordedEvent } from '@gongzhi/eventstore';
import type { ReadModels } from '@gongzhi/projections';
import type { ClusterLocks } from '@gongzhi/projections/cluster';
import type { Context } from './context.ts';

const MAX_ATTEMPTS = 3;

/** What a module's commands need: the store, the read models, and the metadata to stamp. */
export interface Writer {
  store: EventStore;
  readModels: ReadModels;
  metadata: EventMetadata;
  /** Present when several API processes share the database (ApiServices.locks). */
  locks?: ClusterLocks;
}

/** A writer that records the signed-in account (or `anonymous`) as the actor of a request. */
export function writerFor(ctx: Context): Writer {
  return {
    store: ctx.services.store,
    readModels: ctx.services.readModels,
    ...(ctx.services.locks && { locks: ctx.services.locks }),
    metadata: {
      actor: ctx.account?.accountId ?? 'anonymous',
      channel: 'online',
      correlationId: ctx.correlationId,
      occurredAt: (ctx.services.now?.() ?? new Date()).toISOString(),
    },
  };
}

/** A writer whose events record who acted, for whom, and how (a proxy's act, a worker's entry). */
export function writerActing(
  ctx: Context,
  act: Pick<EventMetadata, 'actor' | 'onBehalfOf' | 'channel'>,
): Writer {
  const w = writerFor(ctx);
  return {
    ...w,
    metadata: { ...w.metadata, actor: act.actor, onBehalfOf: act.onBehalfOf, channel: act.channel },
  };
}

/** What a module gives the command path to read and write its events. */
export interface EventCodec<Event extends DomainEvent> {
  /** Checks stored data against the event's schema. */
  read(recorded: RecordedEvent): Event;
  /** Current schema version of an event type. */
  versionOf(type: Event['type']): number;
  /** One line saying what an event did, for conflict messages. */
  describe(event: Event): LocalizedText;
}

/**
 * A stream as the command path reads it: its name, how its stored events parse, and the decider
 * that folds them. A module names each of its streams once, e.g. `cycleRecord(cycleId)`.
 */
export interface StreamRecord<Event extends DomainEvent, State> {
  stream: string;
  decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>;
  codec: Pick<EventCodec<Event>, 'read'>;
}

/** A stream's state now, and where it ends (both undefined for a stream not written yet). */
export interface StreamState<State> {
  state: State;
  /** Revision of the stream's last event. */
  revision: bigint | undefined;
  /** Position of the stream's last event in the log. */
  position: Position | undefined;
}

/** The stream's events as stored (upcast, personal data decrypted by the store) and parsed. */
async function readHistory<Event extends DomainEvent, State>(
  store: EventStore,
  { stream, codec }: StreamRecord<Event, State>,
) {
  const recorded = await store.readStream(stream);
  return { recorded, history: recorded.map((r) => codec.read(r)) };
}

function stateAt<Event extends DomainEvent, State>(
  { decider }: StreamRecord<Event, State>,
  recorded: RecordedEvent[],
  history: Event[],
): StreamState<State> {
  const last = recorded.at(-1);
  return { state: fold(decider, history), revision: last?.revision, position: last?.position };
}

/** Reads a stream and folds it with its decider: the one way a command handler learns a state. */
export async function readState<Event extends DomainEvent, State>(
  store: EventStore,
  record: StreamRecord<Event, State>,
): Promise<StreamState<State>> {
  const { recorded, history } = await readHistory(store, record);
  return stateAt(record, recorded, history);
}

export interface CommandRequest<Command, Event extends DomainEvent, State> {
  decider: Decider<Command, Event, State>;
  codec: EventCodec<Event>;
  stream: string;
  /** Builds the command from the current state; runs again on every attempt. */
  command: (state: State) => NoInfer<Command> | Promise<NoInfer<Command>>;
  /** The stream revision the caller decided on (a form's hidden field), if it says. */
  expectedRevision?: bigint | undefined;
  /** Names the record in messages, e.g. 「书院社区」 / “书院社区”. */
  subject: (state: State) => LocalizedText;
  metadata: EventMetadata;
}

export interface CommandResult<Event> {
  events: Event[];
  /** Position of the last event written, or of the stream's last event when nothing was. */
  position: Position | undefined;
  /** Revision of the stream's last event afterwards. */
  revision: bigint | undefined;
}

export async function executeCommand<Command, Event extends DomainEvent, State>(
  store: EventStore,
  request: CommandRequest<Command, Event, State>,
): Promise<CommandResult<Event>> {
  const { decider, codec, stream } = request;
  for (let attempt = 1; ; attempt++) {
    const { recorded, history } = await readHistory(store, request);
    const { state, revision, position } = stateAt(request, recorded, history);

    // A stream that does not exist is left to the decider, which says "not found".
    const shown = request.expectedRevision;
    if (shown !== undefined && revision !== undefined && shown !== revision) {
      throw changedMeanwhile(request, state, history, recorded, shown);
    }

    const events = decider.decide(await request.command(state), state);
    if (events.length === 0) {
      return { events, position: position ?? (await store.headPosition()), revision };
    }
    const toAppend = events.map((event) =>
      newEvent(event.type, event.data, request.metadata, codec.versionOf(event.type)),
    );
    try {
      const result = await store.append(stream, toAppend, { expected: revision ?? 'no_stream' });
      return { events, position: result.position, revision: result.nextExpectedRevision };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (request.expectedRevision !== undefined) {
        const now = await readHistory(store, request);
        throw changedMeanwhile(
          request,
          stateAt(request, now.recorded, now.history).state,
          now.history,
          now.recorded,
          request.expectedRevision,
        );
      }
      if (attempt >= MAX_ATTEMPTS) throw keptChanging(request.subject(state), attempt);
    }
  }
}

function changedMeanwhile<Command, Event extends DomainEvent, State>(
  request: CommandRequest<Command, Event, State>,
  state: State,
  history: Event[],
  recorded: RecordedEvent[],
  shownRevision: bigint,
): DomainError {
  const subject = request.subject(state);
  const since = history.filter((_, i) => recorded[i]!.revision > shownRevision);
  if (since.length === 0) {
    // The caller named a revision the stream has not reached: a stale or forged form.
    return new DomainError('conflict', 'revision_mismatch', {
      'zh-CN': `${subject['zh-CN']}的版本与您看到的不一致，请刷新后再试。`,
      en: `${subject.en} is not at the version you saw; reload and try again.`,
    });
  }
  const changes = since.map((event) => request.codec.describe(event));
  return new DomainError('conflict', 'changed_meanwhile', {
    'zh-CN': `${subject['zh-CN']}在您打开之后已被他人修改：${changes.map((c) => c['zh-CN']).join('；')}。请刷新后再试。`,
    en: `${subject.en} was changed after you opened it: ${changes.map((c) => c.en).join('; ')}. Reload and try again.`,
  });
}

function keptChanging(subject: LocalizedText, attempts: number): DomainError {
  return new DomainError('conflict', 'kept_changing', {
    'zh-CN': `${subject['zh-CN']}正被频繁修改，${attempts} 次尝试均未成功，请稍后再试。`,
    en: `${subject.en} kept changing while we tried ${attempts} times to save; try again in a moment.`,
  });
}
