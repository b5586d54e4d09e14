// The EventStore port. Modelled on KurrentDB so that its adapter is a direct mapping:
// streams `category-id` with revisions from 0n, one global strictly increasing position.

/** A global log position. Strictly increasing in commit order as readers observe it. */
export type Position = bigint;

/** Expected state of a stream for an append. A bigint is the revision of its last event. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export type Channel = 'online' | 'offline' | 'paper' | 'proxy' | 'system';

export interface EventMetadata {
  /** Account id of who did it, or 'system'. */
  actor: string;
  /** Account id of the person the act was done for (proxy or worker entry). */
  onBehalfOf?: string | undefined;
  channel: Channel;
  correlationId?: string | undefined;
  causationId?: string | undefined;
  /** When it happened, ISO-8601 UTC. */
  occurredAt: string;
}

/** An event to append. `id` is a UUIDv7; re-appending an id already written is a no-op. */
export interface EventData<Type extends string = string, Data = unknown> {
  id: string;
  type: Type;
  schemaVersion: number;
  data: Data;
  metadata: EventMetadata;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> extends EventData<
  Type,
  Data
> {
  streamName: string;
  revision: bigint;
  position: Position;
  /** When the store wrote it, ISO-8601 UTC. */
  recordedAt: string;
}

export interface AppendOptions {
  expected?: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the stream's last event after the append. */
  nextExpectedRevision: bigint;
  /** Position of the last event written (or already present, on an idempotent retry). */
  position: Position;
}

export interface ReadStreamOptions {
  /** Revision to start from (inclusive); 'start' or 'end' by direction. */
  from?: bigint | 'start' | 'end';
  direction?: 'forwards' | 'backwards';
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Read events strictly after this position; omitted = from the beginning. */
  after?: Position;
  maxCount?: number;
}

export interface SubscriptionFilter {
  /** Only streams whose name starts with one of these prefixes. */
  streamPrefixes?: string[];
  /** Only these event types. */
  eventTypes?: string[];
}

export interface SubscribeOptions {
  /** Deliver events strictly after this position (a checkpoint); omitted = from the beginning. */
  after?: Position;
  filter?: SubscriptionFilter;
}

/** Catch-up then live. Iterate with `for await`; `stop()` ends the iteration. */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  stop(): Promise<void>;
}

export interface EventStore {
  append(stream: string, events: EventData[], options?: AppendOptions): Promise<AppendResult>;
  /** Events of one stream; a stream that does not exist reads as empty. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeOptions): Subscription;
  /** Position of the last committed event, or undefined for an empty store. */
  headPosition(): Promise<Position | undefined>;
  close(): Promise<void>;
}
