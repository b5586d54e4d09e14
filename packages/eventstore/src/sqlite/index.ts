// The embedded event store: one SQLite file in WAL mode (better-sqlite3).
//
// Positions are the rowid of an AUTOINCREMENT table. SQLite admits one writer at a time, so a
// position is assigned and committed before the next writer can take one: readers see positions
// in commit order and may page by position (see ../paged-subscription.ts).
//
// Group commit: appends issued in the same turn of the event loop (e.g. 16 concurrent commands)
// are written in one IMMEDIATE transaction, each inside its own savepoint so that one conflict
// does not undo the others; every promise resolves only after that transaction committed, which
// with synchronous=FULL means after the WAL was fsynced. One fsync then covers many appends.
import { EventEmitter } from 'node:events';
import { mkdirSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
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

export interface SqliteEventStoreOptions {
  /** Database file; created (with its folder) when missing. */
  path: string;
  /**
   * 'full' (default): an acknowledged append is on disk (synchronous=FULL).
   * 'normal': synchronous=NORMAL, an append may be lost on power failure but never corrupts.
   */
  durability?: 'full' | 'normal';
  /** How often a caught-up subscription polls for appends made by other processes. */
  pollIntervalMs?: number;
  /** Events read per page while a subscription catches up. */
  pageSize?: number;
  /** How long a writer waits for another process's write lock before failing. */
  busyTimeoutMs?: number;
}

export interface SqliteEventStore extends EventStore {
  /** What the connection actually runs with, read back from SQLite (for start-up logs, tests). */
  connectionSettings(): { journalMode: string; synchronous: 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA' };
}

interface EventRow {
  position: bigint;
  stream: string;
  revision: bigint;
  id: string;
  type: string;
  schema_version: bigint;
  data: string;
  metadata: string;
  recorded_at: string;
}

interface PendingAppend {
  stream: string;
  events: EventData[];
  expected: ExpectedRevision;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

const migrations = [
  `CREATE TABLE events (
     position       INTEGER PRIMARY KEY AUTOINCREMENT,
     stream         TEXT    NOT NULL,
     revision       INTEGER NOT NULL,
     id             TEXT    NOT NULL UNIQUE,
     type           TEXT    NOT NULL,
     schema_version INTEGER NOT NULL,
     data           TEXT    NOT NULL,
     metadata       TEXT    NOT NULL,
     recorded_at    TEXT    NOT NULL,
     UNIQUE (stream, revision)
   )`,
];

// Stores of one process that share a file hear each other's commits at once; other processes
// are seen by polling.
const commitsByFile = new EventEmitter().setMaxListeners(0);

export async function openSqliteEventStore(
  options: SqliteEventStoreOptions,
): Promise<SqliteEventStore> {
  return openSqliteEventStoreSync(options);
}

/** Same as openSqliteEventStore, for callers that cannot await (the store itself is sync). */
export function openSqliteEventStoreSync(options: SqliteEventStoreOptions): SqliteEventStore {
  mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.durability === 'normal' ? 'NORMAL' : 'FULL'}`);
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  migrate(db);
  db.defaultSafeIntegers(true);

  const fileKey = realpathSync(options.path);
  const pollIntervalMs = options.pollIntervalMs ?? 100;
  const pageSize = options.pageSize ?? 1000;

  const columns =
    'position, stream, revision, id, type, schema_version, data, metadata, recorded_at';
  const selectById = db.prepare<[string], Pick<EventRow, 'stream' | 'revision' | 'position'>>(
    'SELECT stream, revision, position FROM events WHERE id = ?',
  );
  const selectLastRevision = db.prepare<[string], Pick<EventRow, 'revision'>>(
    'SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
  );
  const insert = db.prepare(
    `INSERT INTO events (stream, revision, id, type, schema_version, data, metadata, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const readForwards = db.prepare<[string, bigint, number], EventRow>(
    `SELECT ${columns} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`,
  );
  const readBackwards = db.prepare<[string, bigint, number], EventRow>(
    `SELECT ${columns} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
  );
  const readAfter = db.prepare<[bigint, number], EventRow>(
    `SELECT ${columns} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
  );
  const selectHead = db.prepare<[], { head: bigint | null }>(
    'SELECT max(position) AS head FROM events',
  );

  function appendOne(
    stream: string,
    events: EventData[],
    expected: ExpectedRevision,
  ): AppendResult {
    const found = events.map((event) => selectById.get(event.id));
    if (found.some((row) => row !== undefined)) return alreadyWritten(stream, found);
    const last = selectLastRevision.get(stream);
    checkExpectedRevision(stream, expected, last?.revision ?? 'no_stream');
    let revision = last === undefined ? 0n : last.revision + 1n;
    let position = 0n;
    const recordedAt = new Date().toISOString();
    for (const event of events) {
      const { data, metadata } = encodeEvent(event);
      const { lastInsertRowid } = insert.run(
        stream,
        revision,
        event.id,
        event.type,
        event.schemaVersion,
        data,
        metadata,
        recordedAt,
      );
      position = BigInt(lastInsertRowid);
      revision += 1n;
    }
    return { nextExpectedRevision: revision - 1n, position };
  }

  const appendInSavepoint = db.transaction(appendOne);
  const writeBatch = db.transaction((batch: PendingAppend[]): Outcome[] =>
    batch.map(({ stream, events, expected }) => {
      try {
        return { ok: true, result: appendInSavepoint(stream, events, expected) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );

  let queue: PendingAppend[] = [];
  function flush(): void {
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = writeBatch.immediate(batch);
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    batch.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) pending.resolve(outcome.result);
      else pending.reject(outcome.error);
    });
    if (outcomes.some((o) => o.ok)) commitsByFile.emit(fileKey);
  }

  const subscriptions = new Set<Subscription>();
  let closed = false;
  const ensureOpen = () => {
    if (closed) throw new Error('The event store is closed');
  };

  return {
    connectionSettings() {
      const levels = ['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const;
      const synchronous = levels[Number(db.pragma('synchronous', { simple: true }))]!;
      return { journalMode: String(db.pragma('journal_mode', { simple: true })), synchronous };
    },

    append(stream: string, events: EventData[], options: AppendOptions = {}) {
      try {
        ensureOpen();
        checkBatch(stream, events);
        events.forEach(encodeEvent);
      } catch (error) {
        return Promise.reject(error);
      }
      return new Promise<AppendResult>((resolve, reject) => {
        queue.push({ stream, events, expected: options.expected ?? 'any', resolve, reject });
        if (queue.length === 1) setImmediate(flush);
      });
    },

    async readStream(stream: string, options: ReadStreamOptions = {}) {
      ensureOpen();
      const limit = options.maxCount ?? -1;
      const range = revisionRange(options);
      if (range === undefined) return [];
      const read = range.direction === 'backwards' ? readBackwards : readForwards;
      return read.all(stream, range.revision, limit).map(toRecorded);
    },

    async readAll(options: ReadAllOptions = {}) {
      ensureOpen();
      return readAfter.all(options.after ?? 0n, options.maxCount ?? -1).map(toRecorded);
    },

    subscribeToAll(options = {}) {
      ensureOpen();
      const subscription: Subscription = pagedSubscription(
        {
          readPage: async (after, maxCount) => readAfter.all(after ?? 0n, maxCount).map(toRecorded),
          onChange(listener) {
            commitsByFile.on(fileKey, listener);
            return () => commitsByFile.off(fileKey, listener);
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
      return selectHead.get()?.head ?? undefined;
    },

    async close() {
      if (closed) return;
      flush();
      closed = true;
      await Promise.all([...subscriptions].map((s) => s.stop()));
      db.close();
    },
  };
}

/** Re-append of ids already written: a no-op when it repeats one earlier append exactly. */
function alreadyWritten(
  stream: string,
  found: (Pick<EventRow, 'stream' | 'revision' | 'position'> | undefined)[],
): AppendResult {
  const first = found[0];
  if (found.some((row) => row === undefined) || first === undefined) {
    throw conflictingIdsError(stream, 'some of these event ids were written before, others not');
  }
  found.forEach((row, i) => {
    if (row!.stream !== stream) {
      throw conflictingIdsError(stream, `an event id was already written to ${row!.stream}`);
    }
    if (row!.revision !== first.revision + BigInt(i)) {
      throw conflictingIdsError(stream, 'these event ids were written before in another order');
    }
  });
  const last = found[found.length - 1]!;
  return { nextExpectedRevision: last.revision, position: last.position };
}

function migrate(db: Database.Database): void {
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version >= migrations.length) return;
  db.transaction(() => {
    // Re-read inside the write lock: another process may have migrated meanwhile.
    const current = Number(db.pragma('user_version', { simple: true }));
    for (const sql of migrations.slice(current)) db.exec(sql);
    db.pragma(`user_version = ${migrations.length}`);
  }).immediate();
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    type: row.type,
    schemaVersion: Number(row.schema_version),
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    streamName: row.stream,
    revision: row.revision,
    position: row.position,
    recordedAt: row.recorded_at,
  };
}

export { backupSqliteFile, checkSqliteFile, type SqliteBackupResult } from './backup.ts';
