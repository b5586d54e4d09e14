// Events in a SQLite store and read models on SQLite or PostgreSQL, with a runner following the
// store: shared by the cycle and proposal read-model tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { newEvent } from '@gongzhi/eventstore';
import type { Channel, EventStore } from '@gongzhi/eventstore';
import { openSqliteEventStore } from '@gongzhi/eventstore/sqlite';
import { expect } from 'vitest';
import { openPostgresReadModels } from '../../src/postgres/index.ts';
import { rebuildProjection } from '../../src/rebuild.ts';
import { startProjectionRunner } from '../../src/runner.ts';
import type { ProjectionRunner } from '../../src/runner.ts';
import { openSqliteReadModels } from '../../src/sqlite/index.ts';
import type { Projection, ReadModelDatabase } from '../../src/types.ts';

export interface Harness {
  store: EventStore;
  db: ReadModelDatabase;
  /** Another, empty read-model database, closed with the harness. */
  openEmpty(): Promise<ReadModelDatabase>;
  close(): Promise<void>;
}

async function openSqlite(prefix: string): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), `gongzhi-${prefix}-`));
  const store = await openSqliteEventStore({ path: join(dir, 'events.db'), pollIntervalMs: 20 });
  const db = await openSqliteReadModels(join(dir, 'read-models.db'));
  const empties: ReadModelDatabase[] = [];
  return {
    store,
    db,
    async openEmpty() {
      const empty = await openSqliteReadModels(join(dir, `empty-${empties.length + 1}.db`));
      empties.push(empty);
      return empty;
    },
    async close() {
      for (const empty of empties) await empty.close();
      await db.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgres(prefix: string): Promise<Harness> {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const run = `${prefix}_rm_${process.pid}_${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), `gongzhi-${prefix}-`));
  const store = await openSqliteEventStore({ path: join(dir, 'events.db'), pollIntervalMs: 20 });
  const db = await openPostgresReadModels({ url, schema: run });
  const empties: Awaited<ReturnType<typeof openPostgresReadModels>>[] = [];
  return {
    store,
    db,
    async openEmpty() {
      const empty = await openPostgresReadModels({ url, schema: `${run}_${empties.length + 1}` });
      empties.push(empty);
      return empty;
    },
    async close() {
      for (const empty of empties) await empty.dropSchemaAndClose();
      await db.dropSchemaAndClose();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Each read-model engine under test, by name. */
export const engines = (prefix: string): [string, () => Promise<Harness>][] => [
  ['sqlite', () => openSqlite(prefix)],
  ['postgres', () => openPostgres(prefix)],
];

export interface Recorder {
  runner: ProjectionRunner;
  /**
   * Appends one event to its stream at the stream's revision (as the command path would) and
   * waits until the read models have applied it.
   */
  record(
    stream: string,
    event: { type: string; data: unknown },
    options?: { channel?: Channel; occurredAt?: string },
  ): Promise<void>;
}

export async function startRecorder(h: Harness, projections: Projection[]): Promise<Recorder> {
  const runner = await startProjectionRunner({ store: h.store, db: h.db, projections });
  const revisions = new Map<string, bigint>();
  return {
    runner,
    async record(stream, event, options = {}) {
      const metadata = {
        actor: 'someone',
        channel: options.channel ?? 'online',
        occurredAt: options.occurredAt ?? '2025-03-05T02:00:00Z',
      };
      const result = await h.store.append(stream, [newEvent(event.type, event.data, metadata)], {
        expected: revisions.get(stream) ?? 'no_stream',
      });
      revisions.set(stream, result.nextExpectedRevision);
      await runner.waitForPosition(result.position);
    },
  };
}

/** Rebuilds the projection into an empty database and expects the same rows as the live one. */
export async function expectRebuildToMatch(h: Harness, projection: Projection): Promise<void> {
  // Sorted here rather than in SQL, so that one-column tables compare too.
  const sorted = (rows: Record<string, unknown>[]) =>
    rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const snapshot = (db: ReadModelDatabase) =>
    Promise.all(projection.tables.map(async (t) => sorted(await db.all(`SELECT * FROM ${t}`))));
  const fresh = await h.openEmpty();
  await rebuildProjection({ store: h.store, db: fresh, projection });
  expect(await snapshot(fresh)).toEqual(await snapshot(h.db));
}
