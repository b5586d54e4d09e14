// The runner's guarantees, run against each read-model store (see sqlite.test.ts, postgres.test.ts).
import type { EventStore, Position } from '@gongzhi/eventstore';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReadModelLagError } from '../src/errors.ts';
import { readModelsFromCheckpoints } from '../src/read-models.ts';
import { rebuildProjection, type RebuildProgress } from '../src/rebuild.ts';
import { startProjectionRunner, type ProjectionRunner } from '../src/runner.ts';
import type { Projection, ReadModelDatabase } from '../src/types.ts';
import {
  counted,
  countingProjection,
  countingSnapshot,
  noted,
} from './fixtures/counting-projection.ts';

export interface Harness {
  store: EventStore;
  /** The read models the runner keeps. */
  db: ReadModelDatabase;
  /** Opens another, empty read-model database (to compare with a fresh rebuild). */
  openEmpty(): Promise<ReadModelDatabase>;
  /** Names of the indexes on a table. */
  indexesOf(db: ReadModelDatabase, table: string): Promise<string[]>;
  close(): Promise<void>;
}

/** Counts events per type; a second projection beside the counting one. */
const typeCounts: Projection<'type_counts'> = {
  name: 'type-counts',
  version: 1,
  tables: ['type_counts'],
  eventTypes: ['Counted', 'Noted'],
  schema: (t) => [`CREATE TABLE ${t.type_counts} (type TEXT PRIMARY KEY, total INTEGER NOT NULL)`],
  async apply(tx, event, t) {
    await tx.run(
      `INSERT INTO ${t.type_counts} (type, total) VALUES (?, 1) ` +
        `ON CONFLICT (type) DO UPDATE SET total = ${t.type_counts}.total + 1`,
      [event.type],
    );
  },
};

export function runnerSuite(name: string, open: () => Promise<Harness>): void {
  describe(`read-model database on ${name}`, () => {
    let h: Harness;
    beforeEach(async () => {
      h = await open();
    });
    afterEach(() => h.close());

    it('reads integers as numbers, big ones as bigints, and stores booleans as 1 and 0', async () => {
      await h.db.run('CREATE TABLE t (big BIGINT, small INTEGER, flag INTEGER)');
      await h.db.run('INSERT INTO t VALUES (?, ?, ?), (?, ?, ?)', [
        2n ** 62n,
        7,
        true,
        42n,
        -1,
        false,
      ]);
      expect(await h.db.all('SELECT big, small, flag FROM t ORDER BY small')).toEqual([
        { big: 42, small: -1, flag: 0 },
        { big: 2n ** 62n, small: 7, flag: 1 },
      ]);
    });

    it('commits a transaction whole or not at all', async () => {
      await h.db.run('CREATE TABLE t (k TEXT PRIMARY KEY)');
      await expect(
        h.db.transaction(async (tx) => {
          await tx.run('INSERT INTO t VALUES (?)', ['a']);
          await tx.run('INSERT INTO t VALUES (?)', ['a']);
        }),
      ).rejects.toThrow(/unique|duplicate/i);
      expect(await h.db.get('SELECT count(*) AS n FROM t')).toEqual({ n: 0 });
      const result = await h.db.transaction(async (tx) => {
        await tx.run('INSERT INTO t VALUES (?)', ['a']);
        return (await tx.run('INSERT INTO t VALUES (?), (?)', ['b', 'c'])).changes;
      });
      expect(result).toBe(2);
      expect(await h.db.get('SELECT count(*) AS n FROM t')).toEqual({ n: 3 });
    });
  });

  describe(`projection runner on ${name}`, { timeout: 20_000 }, () => {
    let h: Harness;
    const runners: ProjectionRunner[] = [];
    const start = async (projections: Projection[], batchSize?: number) => {
      const runner = await startProjectionRunner({
        store: h.store,
        db: h.db,
        projections,
        batchSize,
      });
      runners.push(runner);
      return runner;
    };
    const appendCounted = async (stream: string, from: number, count: number) =>
      (
        await h.store.append(
          stream,
          Array.from({ length: count }, (_, i) => counted(from + i)),
        )
      ).position;
    const checkpointOf = async (projection: string) =>
      h.db.get<{ version: number; position: number | null }>(
        'SELECT version, position FROM projection_checkpoints WHERE name = ?',
        [projection],
      );
    /** The counting read model as a fresh full rebuild into an empty database makes it. */
    const rebuiltSnapshot = async (version = 1) => {
      const empty = await h.openEmpty();
      try {
        await rebuildProjection({
          store: h.store,
          db: empty,
          projection: countingProjection({ version }),
        });
        return await countingSnapshot(empty);
      } finally {
        await empty.close();
      }
    };

    beforeEach(async () => {
      h = await open();
    });
    afterEach(async () => {
      for (const runner of runners.splice(0)) await runner.stop();
      await h.close();
    });

    it('catches up from the start, then follows live appends', async () => {
      await appendCounted('count-a', 0, 5);
      await h.store.append('other-1', [noted()]);
      await appendCounted('count-b', 0, 3);
      const runner = await start([countingProjection(), typeCounts], 2);
      await runner.waitForPosition((await h.store.headPosition())!);
      expect(
        await runner.db.all('SELECT stream, total FROM stream_counts ORDER BY stream'),
      ).toEqual([
        { stream: 'count-a', total: 5 },
        { stream: 'count-b', total: 3 },
      ]);

      const live = await appendCounted('count-a', 5, 2);
      const ignored = (await h.store.append('other-1', [noted()])).position;
      await runner.waitForPosition(ignored);
      expect(runner.position()).toBe(ignored);
      expect(await checkpointOf('counting')).toEqual({ version: 1, position: Number(ignored) });
      expect(live).toBeLessThan(ignored);
      expect(await countingSnapshot(h.db)).toEqual(await rebuiltSnapshot());
      expect(await h.db.all('SELECT type, total FROM type_counts ORDER BY type')).toEqual([
        { type: 'Counted', total: 10 },
        { type: 'Noted', total: 2 },
      ]);
    });

    it('rolls a failed batch back whole, checkpoint included, and retries it', async () => {
      const before = await appendCounted('count-a', 0, 3);
      const runner = await start([countingProjection()]);
      await runner.waitForPosition(before);
      await runner.stop();

      await appendCounted('count-a', 3, 4);
      const head = (await h.store.headPosition())!;
      const counting = countingProjection();
      let failures = 0;
      // Fails on the last event of the batch, after the others were written in the transaction.
      const flaky: typeof counting = {
        ...counting,
        async apply(tx, event, t) {
          await counting.apply(tx, event, t);
          if (event.position === head && failures === 0) {
            failures += 1;
            throw new Error('disk full (simulated)');
          }
        },
      };
      const seenOnFailure: unknown[] = [];
      const retried = await startProjectionRunner({
        store: h.store,
        db: h.db,
        projections: [flaky, typeCounts],
        onError: (error) => {
          seenOnFailure.push(
            error,
            h.db.get('SELECT count(*) AS n FROM event_log'),
            checkpointOf('counting'),
            h.db.get('SELECT count(*) AS n FROM type_counts'),
            checkpointOf('type-counts'),
          );
        },
      });
      runners.push(retried);
      await retried.waitForPosition(head);
      const [error, rows, checkpoint, typeRows, typeCheckpoint] = await Promise.all(seenOnFailure);
      expect((error as Error).message).toBe('disk full (simulated)');
      expect(rows).toEqual({ n: 3 });
      expect(checkpoint).toEqual({ version: 1, position: Number(before) });
      // The other projection in the batch rolled back with it (it had not started before).
      expect(typeRows).toEqual({ n: 0 });
      expect(typeCheckpoint).toEqual({ version: 1, position: null });
      expect(await countingSnapshot(h.db)).toEqual(await rebuiltSnapshot());
      expect(await h.db.all('SELECT type, total FROM type_counts')).toEqual([
        { type: 'Counted', total: 7 },
      ]);
    });

    it('skips events at or below a projection’s checkpoint', async () => {
      await appendCounted('count-a', 0, 4);
      await h.store.append('other-1', [noted()]);
      const first = await start([countingProjection()]);
      await first.waitForPosition((await h.store.headPosition())!);
      await first.stop();

      // The new projection starts from the beginning; the counting one must not apply again.
      await appendCounted('count-b', 0, 2);
      const both = await start([countingProjection(), typeCounts], 1);
      await both.waitForPosition((await h.store.headPosition())!);
      expect(await countingSnapshot(h.db)).toEqual(await rebuiltSnapshot());
      expect(await h.db.all('SELECT type, total FROM type_counts ORDER BY type')).toEqual([
        { type: 'Counted', total: 6 },
        { type: 'Noted', total: 1 },
      ]);
    });

    it('rebuilds a projection whose version changed, into tables with live index names', async () => {
      await appendCounted('count-a', 0, 3);
      const v1 = await start([countingProjection({ version: 1 })]);
      await v1.waitForPosition((await h.store.headPosition())!);
      await v1.stop();
      const indexesBefore = await h.indexesOf(h.db, 'event_log');
      expect(indexesBefore).toContain('event_log_by_stream');
      const keyIndexesBefore = await h.indexesOf(h.db, 'stream_counts');

      for (const version of [2, 3]) {
        await appendCounted('count-a', version * 10, 2);
        const progress: RebuildProgress[] = [];
        const runner = await startProjectionRunner({
          store: h.store,
          db: h.db,
          projections: [countingProjection({ version })],
          onRebuildProgress: (_, p) => progress.push(p),
        });
        runners.push(runner);
        await runner.waitForPosition((await h.store.headPosition())!);
        await runner.stop();
        expect(progress.at(-1)).toMatchObject({ done: true, fraction: 1 });
        expect(await checkpointOf('counting')).toMatchObject({ version });
        const { counts } = await countingSnapshot(h.db);
        expect(counts).toEqual([
          expect.objectContaining({ stream: 'count-a', total: (3 + 2 * (version - 1)) * version }),
        ]);
        expect(await countingSnapshot(h.db)).toEqual(await rebuiltSnapshot(version));
        expect(await h.indexesOf(h.db, 'event_log')).toEqual(indexesBefore);
        expect(await h.indexesOf(h.db, 'stream_counts')).toEqual(keyIndexesBefore);
      }
    });

    it('retires a split projection once: its tables and checkpoint go, successors replay the log', async () => {
      await appendCounted('count-a', 0, 3);
      await h.store.append('other-1', [noted()]);
      const before = await start([
        countingProjection({ name: 'combined' }),
        { ...typeCounts, name: 'old-types' },
      ]);
      await before.waitForPosition((await h.store.headPosition())!);
      await before.stop();

      // The successor takes over the counting tables; nobody takes over type_counts.
      const retired = [
        { name: 'combined', version: 1, tables: ['stream_counts', 'event_log'] },
        { name: 'old-types', version: 1, tables: ['type_counts'] },
      ];
      await expect(
        startProjectionRunner({
          store: h.store,
          db: h.db,
          projections: [typeCounts],
          retired: [{ name: typeCounts.name, version: typeCounts.version, tables: [] }],
        }),
      ).rejects.toThrow(/retired/);
      for (const from of [10, 20]) {
        await appendCounted('count-b', from, 2);
        const after = await startProjectionRunner({
          store: h.store,
          db: h.db,
          projections: [countingProjection()],
          retired,
        });
        runners.push(after);
        await after.waitForPosition((await h.store.headPosition())!);
        await after.stop();
        expect(await checkpointOf('combined')).toBeUndefined();
        expect(await checkpointOf('old-types')).toBeUndefined();
        await expect(h.db.all('SELECT * FROM type_counts')).rejects.toThrow();
        // Built from the whole log on the first start, kept (not dropped again) on the next.
        expect(await countingSnapshot(h.db)).toEqual(await rebuiltSnapshot());
      }
    });

    it('a rebuild while the runner follows live appends loses and doubles nothing', async () => {
      await appendCounted('count-x', 0, 120);
      const runner = await start([countingProjection()], 5);
      // When the rebuild has read to the end of the log, more events arrive and the runner
      // applies them to the old tables before the rebuild swaps its tables in.
      let raced = false;
      const racingStore: EventStore = {
        ...h.store,
        async readAll(options) {
          const page = await h.store.readAll(options);
          if (!raced && page.length < (options?.maxCount ?? Infinity)) {
            raced = true;
            await runner.waitForPosition(await appendCounted('count-y', 0, 7));
          }
          return page;
        },
      };
      await rebuildProjection({
        store: racingStore,
        db: h.db,
        projection: countingProjection(),
        batchSize: 50,
      });
      expect(raced).toBe(true);
      await appendCounted('count-z', 0, 3);
      await runner.waitForPosition((await h.store.headPosition())!);
      expect(await countingSnapshot(h.db)).toEqual(await rebuiltSnapshot());
    });

    it('tells onApplied listeners each committed batch, its last position and its streams', async () => {
      const runner = await start([countingProjection()]);
      const heard: { position: Position; streams: string[] }[] = [];
      const stopListening = runner.onApplied((batch) =>
        heard.push({ position: batch.position, streams: [...batch.streams] }),
      );
      const position = await appendCounted('count-live', 0, 2);
      await runner.waitForPosition(position, 10_000);
      expect(heard.at(-1)).toEqual({ position, streams: ['count-live'] });
      expect(runner.position()).toBeGreaterThanOrEqual(heard.at(-1)!.position);

      stopListening();
      const count = heard.length;
      await runner.waitForPosition(await appendCounted('count-live', 2, 1), 10_000);
      expect(heard).toHaveLength(count);
    });

    it('waitForPosition resolves once every projection passed, and times out otherwise', async () => {
      const runner = await start([countingProjection(), typeCounts]);
      const position: Position = await appendCounted('count-a', 0, 1);
      await runner.waitForPosition(position, 10_000);
      expect(runner.position()).toBeGreaterThanOrEqual(position);

      const beyond = position + 1_000n;
      const waited = runner.waitForPosition(beyond, 50);
      await expectLag(waited, beyond, position);

      // The same through the checkpoints in the database, as a process without a runner sees it.
      const watcher = readModelsFromCheckpoints({
        db: h.db,
        projections: ['counting', 'type-counts'],
        pollIntervalMs: 5,
      });
      const next = await appendCounted('count-a', 1, 1);
      await watcher.waitForPosition(next, 10_000);
      expect(runner.position()).toBeGreaterThanOrEqual(next);
      await expectLag(watcher.waitForPosition(beyond, 50), beyond, next);
    });
  });
}

async function expectLag(waited: Promise<void>, beyond: Position, reached: Position) {
  await expect(waited).rejects.toBeInstanceOf(ReadModelLagError);
  await expect(waited).rejects.toMatchObject({
    position: beyond,
    reached,
    text: { 'zh-CN': expect.stringContaining('毫秒'), en: expect.stringContaining('50 ms') },
  });
}
