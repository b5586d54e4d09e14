// The KurrentDB adapter (@kurrent/kurrentdb-client 1.x): the port was modelled on KurrentDB, so
// this is mostly a mapping.
//
// - Positions are $all commit positions. KurrentDB gives each event of an append its own commit
//   position (prepare differs only in legacy explicit transactions, which we never use), so
//   they strictly increase per event.
// - Our schema version and metadata travel in the event's metadata JSON, next to KurrentDB's
//   own $correlationId / $causationId so that server-side projections can follow them.
// - System events ($-prefixed types or streams) are left out of readAll and subscribeToAll.
import {
  ANY,
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AppendStreamState,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { checkBatch, encodeEvent, matchesFilter } from '../append-checks.ts';
import { WrongExpectedRevisionError } from '../errors.ts';
import type {
  AppendOptions,
  EventData,
  EventMetadata,
  EventStore,
  ExpectedRevision,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../port.ts';

export interface KurrentDbEventStoreOptions {
  /** Connection string, e.g. kurrentdb://127.0.0.1:2113?tls=false; default KURRENTDB_URL. */
  url?: string;
}

/** What we keep in a KurrentDB event's metadata besides our EventMetadata fields. */
interface StoredMetadata extends EventMetadata {
  schemaVersion: number;
  $correlationId?: string;
  $causationId?: string;
}

const pageSize = 500;

export async function openKurrentDbEventStore(
  options: KurrentDbEventStoreOptions = {},
): Promise<EventStore> {
  const url = options.url ?? process.env.KURRENTDB_URL;
  if (!url) throw new Error('KurrentDB: no connection string (set KURRENTDB_URL)');
  const client = KurrentDBClient.connectionString(url);
  const subscriptions = new Set<Subscription>();

  async function readStream(stream: string, options: ReadStreamOptions = {}) {
    const backwards = options.direction === 'backwards';
    const from = options.from ?? (backwards ? 'end' : 'start');
    if (!backwards && from === 'end') return [];
    const read = client.readStream(stream, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: from === 'start' ? START : from === 'end' ? END : from,
      ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
    });
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of read) events.push(toRecorded(resolved));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  /** Our events strictly after `after`, at most `maxCount` (system events do not count). */
  async function readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const events: RecordedEvent[] = [];
    let after = options.after;
    while (events.length < maxCount) {
      const want = Math.min(pageSize, maxCount - events.length);
      let read = 0;
      for await (const resolved of client.readAll({
        fromPosition: after === undefined ? START : { commit: after, prepare: after },
        maxCount: want,
        filter: excludeSystemEvents(),
      })) {
        read += 1;
        const event = toRecorded(resolved);
        // fromPosition is inclusive; the port's `after` is not.
        if (after !== undefined && event.position <= after) continue;
        after = event.position;
        if (!isSystem(event)) events.push(event);
      }
      if (read < want) break;
    }
    return events;
  }

  return {
    async append(stream: string, events: EventData[], options: AppendOptions = {}) {
      checkBatch(stream, events);
      const expected = options.expected ?? 'any';
      try {
        const result = await client.appendToStream(stream, events.map(toKurrentEvent), {
          streamState: toStreamState(expected),
        });
        // An idempotent retry may come back without a position: read it from the stream.
        const position =
          result.position?.commit ??
          (await readStream(stream, { from: result.nextExpectedRevision, maxCount: 1 }))[0]
            ?.position;
        if (position === undefined) throw new Error(`KurrentDB: no position for ${stream}`);
        return { nextExpectedRevision: result.nextExpectedRevision, position };
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) {
          throw new WrongExpectedRevisionError(stream, expected, error.actualState);
        }
        throw error;
      }
    },

    readStream,
    readAll,

    subscribeToAll(options: SubscribeOptions = {}): Subscription {
      const { after, filter } = options;
      const inner = client.subscribeToAll({
        fromPosition: after === undefined ? START : { commit: after, prepare: after },
        filter: filter?.streamPrefixes
          ? streamNameFilter({ prefixes: filter.streamPrefixes })
          : excludeSystemEvents(),
      });
      let stopped = false;
      const subscription: Subscription = {
        async stop() {
          if (stopped) return;
          stopped = true;
          subscriptions.delete(subscription);
          await inner.unsubscribe();
        },
        async *[Symbol.asyncIterator]() {
          try {
            for await (const resolved of inner) {
              const event = toRecorded(resolved);
              if (after !== undefined && event.position <= after) continue;
              if (!isSystem(event) && matchesFilter(event, filter)) yield event;
            }
          } finally {
            await subscription.stop();
          }
        },
      };
      subscriptions.add(subscription);
      return subscription;
    },

    async headPosition() {
      for await (const resolved of client.readAll({
        direction: BACKWARDS,
        fromPosition: END,
        maxCount: 1,
        filter: excludeSystemEvents(),
      })) {
        return toRecorded(resolved).position;
      }
      return undefined;
    },

    async close() {
      await Promise.all([...subscriptions].map((s) => s.stop()));
      await client.dispose();
    },
  };
}

function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return expected;
  }
}

function toKurrentEvent(event: EventData) {
  encodeEvent(event); // same validation as the other adapters
  const metadata: StoredMetadata = {
    ...event.metadata,
    schemaVersion: event.schemaVersion,
    ...(event.metadata.correlationId ? { $correlationId: event.metadata.correlationId } : {}),
    ...(event.metadata.causationId ? { $causationId: event.metadata.causationId } : {}),
  };
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: metadata as unknown as Record<string, unknown>,
  });
}

function toRecorded(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent {
  const event = resolved.event;
  if (!event) throw new Error('KurrentDB: a read returned a link without its event');
  const position: Position | undefined = event.position?.commit ?? resolved.commitPosition;
  if (position === undefined) {
    throw new Error('KurrentDB: the server returned no position (it must be 22.6 or later)');
  }
  const stored = (event.metadata ?? {}) as Partial<StoredMetadata> & Record<string, unknown>;
  const { schemaVersion, $correlationId: _c, $causationId: _k, ...metadata } = stored;
  return {
    id: event.id,
    type: event.type,
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 1,
    data: event.data,
    metadata: metadata as unknown as EventMetadata,
    streamName: event.streamId,
    revision: event.revision,
    position,
    recordedAt: event.created.toISOString(),
  };
}

function isSystem(event: RecordedEvent): boolean {
  return event.type.startsWith('$') || event.streamName.startsWith('$');
}
