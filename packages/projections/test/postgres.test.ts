import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresEventStore } from '@gongzhi/eventstore/postgres';
import { openSqliteEventStore } from '@gongzhi/eventstore/sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresReadModels } from '../src/postgres/index.ts';
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
});
