import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresEventStore } from '@gongzhi/eventstore/postgres';
import { openSqliteEventStore } from '@gongzhi/eventstore/sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresReadModels } from '../src/postgres/index.ts';
import { mergeable, pipelinedExecutor } from '../src/postgres/pipeline.ts';
import { toNumberedPlaceholders } from '../src/postgres/placeholders.ts';
import { runnerSuite, type Harness } from './runner-suite.ts';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// A fresh schema per read-model database, dropped when it closes, so that runs never collide.
const run = `projections_test_${process.pid}_${Date.now().toString(36)}`;
let schemas = 0;
const openReadModels = () => openPostgresReadModels({ url, schema: `${run}_${++schemas}`, max: 2 });

const dir = mkdtempSync(join(tmpdir(), 'gongzhi-projections-pg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

const indexesOf: Harness['indexesOf'] = async (target, table) =>
  (
    await target.all<{ indexname: string }>(
      'SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ? ORDER BY indexname',
      [table],
    )
  ).map((row) => row.indexname);

async function openEmpty() {
  const empty = await openReadModels();
  return { ...empty, close: () => empty.dropSchemaAndClose() };
}

runnerSuite('postgres (events and read models)', async () => {
  const store = await openPostgresEventStore({
    url,
    schema: `${run}_events_${++schemas}`,
    maxConnections: 2,
    pollIntervalMs: 50,
  });
  const db = await openReadModels();
  return {
    store,
    db,
    openEmpty,
    indexesOf,
    async close() {
      await db.dropSchemaAndClose();
      await store.dropSchemaAndClose();
    },
  };
});

// Read models on PostgreSQL may follow any store; here the embedded one.
runnerSuite('postgres read models, sqlite event store', async () => {
  const store = await openSqliteEventStore({
    path: join(dir, `${++files}.db`),
    pollIntervalMs: 20,
  });
  const db = await openReadModels();
  return {
    store,
    db,
    openEmpty,
    indexesOf,
    async close() {
      await db.dropSchemaAndClose();
      await store.close();
    },
  };
});

describe('postgres read-model database', () => {
  it('rewrites ? placeholders outside literals, quoted names and comments', () => {
    expect(
      toNumberedPlaceholders(
        `SELECT '?', "a?""b", x FROM t -- why?\nWHERE a = ? /* ? */ AND b = ? AND c = 'it''s ?'`,
      ),
    ).toBe(
      `SELECT '?', "a?""b", x FROM t -- why?\nWHERE a = $1 /* ? */ AND b = $2 AND c = 'it''s ?'`,
    );
  });

  it('merges only single-row INSERTs of plain placeholders, and upserts without WHERE', () => {
    expect(mergeable('INSERT INTO t (a, b) VALUES (?, ?)')).toMatchObject({ columns: 2, key: [] });
    expect(
      mergeable(
        'INSERT INTO t (a, b, c) VALUES (?, ?, ?) ON CONFLICT (b, a) DO UPDATE SET c = t.c + excluded.c',
      ),
    ).toMatchObject({ columns: 3, key: [1, 0] });
    for (const text of [
      "INSERT INTO t (a, b) VALUES (?, 'x')",
      'INSERT INTO t (a) VALUES (?), (?)',
      'INSERT INTO t (a) SELECT ? FROM u',
      'INSERT INTO t (a) VALUES (?) ON CONFLICT (a) DO NOTHING',
      'INSERT INTO t (a, c) VALUES (?, ?) ON CONFLICT (a) DO UPDATE SET c = excluded.c WHERE t.c < 3',
      'INSERT INTO t (a) VALUES (?) ON CONFLICT (a) DO UPDATE SET c = (SELECT max(c) FROM u)',
      'INSERT INTO t (a, c) VALUES (?, ?) ON CONFLICT (a) DO UPDATE SET c = ?',
      'INSERT INTO t (a) VALUES (?) RETURNING a',
      'UPDATE t SET a = ?',
    ]) {
      expect(mergeable(text), text).toBeNull();
    }
  });

  it('sends up to 64 kept rows as one statement, more in pieces of powers of two', async () => {
    const sent: number[] = [];
    const tx = pipelinedExecutor(async (_text, params) => {
      sent.push(params.length / 2);
      return Object.assign([], { count: 0 });
    });
    const upsert =
      'INSERT INTO t (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v';
    for (let n = 0; n < 100; n++) {
      await tx.run(upsert, [`k${n % 25}`, n]);
      await tx.run('INSERT INTO log (k, v) VALUES (?, ?)', [`k${n % 25}`, n]);
    }
    await tx.settle();
    // The upsert in four rounds of one row per key, then the log's 100 rows.
    expect(sent).toEqual([25, 25, 25, 25, 64, 36]);
  });

  it('a transaction batches its inserts and upserts yet ends as if each ran in turn', async () => {
    const db = await openReadModels();
    try {
      await db.run('CREATE TABLE log (n INTEGER NOT NULL, k TEXT NOT NULL)');
      await db.run(
        'CREATE TABLE totals (k TEXT PRIMARY KEY, total INTEGER NOT NULL, last INTEGER NOT NULL)',
      );
      const upsert =
        'INSERT INTO totals (k, total, last) VALUES (?, ?, ?) ' +
        'ON CONFLICT (k) DO UPDATE SET total = totals.total + excluded.total, last = excluded.last';
      const seenInside = await db.transaction(async (tx) => {
        for (let n = 1; n <= 3_000; n++) {
          const k = `k${n % 7}`;
          await tx.run('INSERT INTO log (n, k) VALUES (?, ?)', [n, k]);
          await tx.run(upsert, [k, n, n]);
          // An UPDATE in between runs after the writes before it and before those after it.
          if (n === 1_500) await tx.run('UPDATE totals SET total = 0 WHERE k = ?', ['k1']);
        }
        return tx.get<{ n: number }>('SELECT count(*) AS n FROM log');
      });
      expect(Number(seenInside!.n)).toBe(3_000);
      const expected = new Map<string, { total: number; last: number }>();
      for (let n = 1; n <= 3_000; n++) {
        const k = `k${n % 7}`;
        const row = expected.get(k) ?? { total: 0, last: 0 };
        expected.set(k, { total: row.total + n, last: n });
        if (n === 1_500) expected.set('k1', { ...expected.get('k1')!, total: 0 });
      }
      const totals = await db.all<{ k: string; total: number; last: number }>(
        'SELECT k, total, last FROM totals ORDER BY k',
      );
      expect(totals).toEqual(
        [...expected.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => ({ k, ...v })),
      );
      const log = await db.all<{ n: number }>('SELECT n FROM log WHERE k = ? ORDER BY n', ['k3']);
      expect(log.map((r) => r.n)).toEqual(
        Array.from({ length: 3_000 }, (_, i) => i + 1).filter((n) => n % 7 === 3),
      );
    } finally {
      await db.dropSchemaAndClose();
    }
  });

  it('a failing batched statement fails the transaction and writes nothing', async () => {
    const db = await openReadModels();
    try {
      await db.run('CREATE TABLE once (k TEXT PRIMARY KEY)');
      await expect(
        db.transaction(async (tx) => {
          for (const k of ['a', 'b', 'a', 'c'])
            await tx.run('INSERT INTO once (k) VALUES (?)', [k]);
        }),
      ).rejects.toMatchObject({ code: '23505' });
      expect(await db.all('SELECT k FROM once')).toEqual([]);
    } finally {
      await db.dropSchemaAndClose();
    }
  });
});
