// The PostgreSQL event store, on the `postgres` (porsager) client.
//
// Global order (docs/decisions/0011-postgres-appends-without-a-global-lock.md): positions come
// from a sequence, and a sequence value is taken when a transaction inserts, not when it
// commits, so position 7 can become visible before position 6; a reader paging by position
// must not move past 6 while 6 may still commit. Before taking positions, append_batch()
// registers a lower bound of them as in flight with a transaction-level advisory lock, which
// PostgreSQL releases only once the commit is visible. Readers read through read_after(), which
// stops below the lowest bound registered (safe_position()). No lock is held across a commit,
// so commits run side by side and share WAL flushes, while readers still see the global order
// without gaps in what they have passed.
//
// A store sends appends in calls of append_batch() (one round trip, one transaction each),
// several in flight at once; appends that arrive together, or while every slot is busy, share a
// call. Each promise resolves after its transaction committed.
import { EventEmitter } from 'node:events';
import postgres from 'postgres';
import {
  checkBatch,
  checkExpectedRevision,
  conflictingIdsError,
  encodeEvent,
} from '../append-checks.ts';
import { pagedSubscription } from '../paged-subscription.ts';
import { revisionRange } from '../revision-range.ts';
import type {
  AppendOptions,
  AppendResult,
  EventData,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  Subscription,
} from '../port.ts';
import { migrate } from './migrations.ts';

export interface PostgresEventStoreOptions {
  /** Connection string; default DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres. */
  url?: string;
  /** Schema holding the tables; created and migrated on open. Default 'eventstore'. */
  schema?: string;
  /** Connections in the pool (one more is opened for LISTEN). Default 10. */
  maxConnections?: number;
  /** How often a caught-up subscription polls, in case a notification was missed. */
  pollIntervalMs?: number;
  /** Events read per page while a subscription catches up. */
  pageSize?: number;
  /** Most appends written in one transaction. */
  maxBatch?: number;
  /** Least time between two notifications of commits to subscribers. Default 50 ms. */
  notifyIntervalMs?: number;
}

export interface PostgresEventStore extends EventStore {
  readonly schema: string;
  /** Drops the schema with all its events, then closes. For tests. */
  dropSchemaAndClose(): Promise<void>;
}

type Sql = postgres.Sql<{ bigint: bigint }>;

interface EventRow {
  position: bigint;
  stream: string;
  revision: bigint;
  id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: RecordedEvent['metadata'];
  recorded_at: Date;
}

interface OutcomeRow {
  outcome: 'ok' | 'idempotent' | 'wrong_expected' | 'id_conflict';
  last_revision: bigint | null;
  last_position: bigint | null;
  detail: string | null;
}

interface PendingAppend {
  stream: string;
  expected: ExpectedRevision;
  events: EventData[];
  encoded: { data: string; metadata: string }[];
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/** How soon a reader held below a notified commit reads again. */
const heldBackRetryMs = 2;

export const defaultDatabaseUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

export async function openPostgresEventStore(
  options: PostgresEventStoreOptions = {},
): Promise<PostgresEventStore> {
  const schema = options.schema ?? 'eventstore';
  const sql: Sql = postgres(options.url ?? process.env.DATABASE_URL ?? defaultDatabaseUrl, {
    max: options.maxConnections ?? 10,
    types: { bigint: postgres.BigInt },
    onnotice: () => {},
  });
  try {
    await migrate(sql, schema);
  } catch (error) {
    await sql.end({ timeout: 1 });
    throw error;
  }
  const events = sql(`${schema}.events`);
  const channel = notifyChannel(schema);
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const pageSize = options.pageSize ?? 1000;
  const maxBatch = options.maxBatch ?? 256;
  const notifyIntervalMs = options.notifyIntervalMs ?? 50;
  const maxInFlight = Math.max(1, (options.maxConnections ?? 10) - 1);
  const columns = sql`position, stream, revision, id, type, schema_version, data, metadata, recorded_at`;

  const commits = new EventEmitter().setMaxListeners(0);
  let listening: Promise<unknown> | undefined;
  /** Resolves once LISTEN is active, so that every commit after a read is notified. */
  const listen = () =>
    // A failed LISTEN leaves subscriptions on polling alone.
    (listening ??= sql
      .listen(channel, (payload) => {
        notifiedHead = BigInt(payload) > notifiedHead ? BigInt(payload) : notifiedHead;
        commits.emit('commit');
      })
      .catch(() => undefined));
  // The highest position notified as committed. A reader woken by a notification may still be
  // held below it by another writer in flight: then it reads again shortly instead of waiting
  // for the next notification or poll.
  let notifiedHead = 0n;
  let retrying: NodeJS.Timeout | undefined;
  const retrySoon = () =>
    (retrying ??= setTimeout(() => {
      retrying = undefined;
      commits.emit('commit');
    }, heldBackRetryMs));

  // Appends wait in `queue` and go in batches, several batches in flight at once (one per
  // connection, one connection kept for reads): PostgreSQL commits them side by side and
  // groups their WAL flushes. Appends arriving in one turn of the event loop, or while every
  // batch slot is busy, go together. An append waits while an earlier append to its stream is
  // in flight or waiting, so that appends to one stream are written in the order they were made.
  let queue: PendingAppend[] = [];
  const streamsInFlight = new Map<string, number>();
  const running = new Set<Promise<void>>();
  let pumpQueued = false;
  const schedulePump = () => {
    if (pumpQueued) return;
    pumpQueued = true;
    queueMicrotask(() => {
      pumpQueued = false;
      pump();
    });
  };
  function pump(): void {
    while (running.size < maxInFlight && queue.length > 0) {
      const batch: PendingAppend[] = [];
      const rest: PendingAppend[] = [];
      const held = new Set(streamsInFlight.keys());
      for (const pending of queue) {
        if (batch.length < maxBatch && !held.has(pending.stream)) batch.push(pending);
        else {
          rest.push(pending);
          held.add(pending.stream);
        }
      }
      if (batch.length === 0) return;
      queue = rest;
      for (const { stream } of batch) {
        streamsInFlight.set(stream, (streamsInFlight.get(stream) ?? 0) + 1);
      }
      const sent: Promise<void> = sendBatch(batch).finally(() => {
        for (const { stream } of batch) {
          const left = streamsInFlight.get(stream)! - 1;
          if (left > 0) streamsInFlight.set(stream, left);
          else streamsInFlight.delete(stream);
        }
        running.delete(sent);
        pump();
      });
      running.add(sent);
    }
  }

  // Subscribers in other processes are woken by a NOTIFY sent after each commit that wrote
  // events (this process's own are woken by sendBatch at once), in a transaction of its own: a
  // notifying transaction holds a cluster-wide lock through its commit, which must not include
  // an append's WAL flush. The first commit after a quiet spell is announced at once; later ones
  // at most once per notifyIntervalMs, together (a notification is a round trip and a commit, as
  // dear as an append). If this process dies between a commit and its notification, readers
  // find the events at their next poll.
  let notifying: Promise<unknown> | undefined;
  let toNotify: bigint | undefined;
  function notify(position: bigint): void {
    toNotify = toNotify === undefined || position > toNotify ? position : toNotify;
    notifying ??= (async () => {
      while (toNotify !== undefined) {
        const head = toNotify;
        toNotify = undefined;
        // Not durable: the events are, and a lost notification is made up by the next poll.
        // (Set for this statement's transaction, and read by its commit.)
        await sql`
          SELECT set_config('synchronous_commit', 'off', true), pg_notify(${channel}, ${String(head)})`.catch(
          () => undefined,
        );
        if (!closed) await new Promise((resolve) => setTimeout(resolve, notifyIntervalMs));
      }
      notifying = undefined;
    })();
  }

  async function sendBatch(batch: PendingAppend[]): Promise<void> {
    let rows: OutcomeRow[];
    try {
      const events = batch.flatMap((p) => p.events);
      const encoded = batch.flatMap((p) => p.encoded);
      const [one] = batch;
      // One event of one append (a command): append_one(), without the arrays.
      rows =
        batch.length === 1 && events.length === 1
          ? await sql<OutcomeRow[]>`
          SELECT * FROM ${sql(schema)}.append_one(
            ${one!.stream}, ${String(one!.expected)}, ${events[0]!.id}, ${events[0]!.type},
            ${events[0]!.schemaVersion}::integer, ${encoded[0]!.data}, ${encoded[0]!.metadata})`
          : await sql<OutcomeRow[]>`
          SELECT * FROM ${sql(schema)}.append_batch(
            ${batch.map((p) => p.stream)}::text[],
            ${batch.map((p) => String(p.expected))}::text[],
            ${batch.map((p) => p.events.length)}::integer[],
            ${events.map((e) => e.id)}::text[],
            ${events.map((e) => e.type)}::text[],
            ${events.map((e) => e.schemaVersion)}::integer[],
            ${encoded.map((e) => e.data)}::text[],
            ${encoded.map((e) => e.metadata)}::text[])`;
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    batch.forEach((pending, i) => settle(pending, rows[i]!));
    const written = rows.flatMap((row) => (row.outcome === 'ok' ? [row.last_position!] : []));
    if (written.length === 0) return;
    const head = written.reduce((a, b) => (b > a ? b : a));
    // This process's subscribers are woken now; other processes by the (paced) notification.
    if (head > notifiedHead) notifiedHead = head;
    commits.emit('commit');
    notify(head);
  }

  const subscriptions = new Set<Subscription>();
  let closed = false;
  const ensureOpen = () => {
    if (closed) throw new Error('The event store is closed');
  };

  // A stream's read limit is written into the statement, not bound: with a bound limit the
  // generic plan assumes a tenth of the stream and costs a hundred times a custom plan, so every
  // read (a command reads its stream's last event) was planned again, a third of its time on
  // the server. The statement texts are one per limit used (1, a page size, none).
  const limitClause = (maxCount: number | undefined) => {
    if (maxCount === undefined) return sql``;
    if (!Number.isSafeInteger(maxCount) || maxCount < 0) {
      throw new RangeError(`maxCount must be a whole number of at least 0, not ${maxCount}`);
    }
    return sql.unsafe(`LIMIT ${maxCount}`);
  };

  const readAfter = async (after: bigint | undefined, maxCount: number | null) =>
    (
      await sql<EventRow[]>`
        SELECT ${columns} FROM ${sql(schema)}.read_after(${after ?? 0n}, ${maxCount}::integer)`
    ).map(toRecorded);

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    while (running.size > 0 || queue.length > 0) {
      pump();
      await Promise.all(running);
    }
    await notifying;
    await Promise.all([...subscriptions].map((s) => s.stop()));
    clearTimeout(retrying);
    await sql.end({ timeout: 5 });
  }

  return {
    schema,

    append(stream: string, appended: EventData[], options: AppendOptions = {}) {
      const expected = options.expected ?? 'any';
      let encoded: { data: string; metadata: string }[];
      try {
        ensureOpen();
        checkBatch(stream, appended);
        encoded = appended.map(encodeEvent);
      } catch (error) {
        return Promise.reject(error);
      }
      return new Promise<AppendResult>((resolve, reject) => {
        queue.push({ stream, expected, events: appended, encoded, resolve, reject });
        schedulePump();
      });
    },

    async readStream(stream: string, options: ReadStreamOptions = {}) {
      ensureOpen();
      const range = revisionRange(options);
      if (range === undefined) return [];
      const { revision } = range;
      const limit = limitClause(options.maxCount);
      const rows =
        range.direction === 'backwards'
          ? await sql<EventRow[]>`
              SELECT ${columns} FROM ${events} WHERE stream = ${stream} AND revision <= ${revision}
              ORDER BY revision DESC ${limit}`
          : await sql<EventRow[]>`
              SELECT ${columns} FROM ${events} WHERE stream = ${stream} AND revision >= ${revision}
              ORDER BY revision ${limit}`;
      return rows.map(toRecorded);
    },

    async readAll(options: ReadAllOptions = {}) {
      ensureOpen();
      return readAfter(options.after, options.maxCount ?? null);
    },

    subscribeToAll(options = {}) {
      ensureOpen();
      const subscription: Subscription = pagedSubscription(
        {
          readPage: async (after, maxCount) => {
            await listen();
            const page = await readAfter(after, maxCount);
            const last = page[page.length - 1]?.position ?? after ?? 0n;
            if (page.length < maxCount && notifiedHead > last) retrySoon();
            return page;
          },
          onChange(listener) {
            commits.on('commit', listener);
            return () => commits.off('commit', listener);
          },
          pollIntervalMs,
          pageSize,
        },
        options,
        () => subscriptions.delete(subscription),
      );
      subscriptions.add(subscription);
      return subscription;
    },

    async headPosition() {
      ensureOpen();
      const [row] = await sql<
        { head: bigint | null }[]
      >`SELECT max(position) AS head FROM ${events}`;
      return row?.head ?? undefined;
    },

    close,

    async dropSchemaAndClose() {
      await sql`DROP SCHEMA IF EXISTS ${sql(schema)} CASCADE`;
      await close();
    },
  };
}

function settle(pending: PendingAppend, row: OutcomeRow): void {
  const { stream, expected } = pending;
  switch (row.outcome) {
    case 'ok':
    case 'idempotent':
      pending.resolve({ nextExpectedRevision: row.last_revision!, position: row.last_position! });
      return;
    case 'wrong_expected':
      try {
        checkExpectedRevision(stream, expected, row.last_revision ?? 'no_stream');
        pending.reject(new Error(`Stream ${stream}: the database refused ${String(expected)}`));
      } catch (error) {
        pending.reject(error);
      }
      return;
    case 'id_conflict':
      pending.reject(
        conflictingIdsError(stream, row.detail ?? 'some event ids were written before'),
      );
      return;
  }
}

export function notifyChannel(schema: string): string {
  return `gongzhi_events_${schema}`;
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    streamName: row.stream,
    revision: row.revision,
    position: row.position,
    recordedAt: row.recorded_at.toISOString(),
  };
}
