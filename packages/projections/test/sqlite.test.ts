import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventStore } from '@gongzhi/eventstore/sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteReadModels } from '../src/sqlite/index.ts';
import { runnerSuite } from './runner-suite.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongzhi-projections-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newPath = () => join(dir, `${++files}.db`);

// The one-machine deployment: events and read models in one file, on two connections.
runnerSuite('sqlite (events and read models in one file)', async () => {
  const path = newPath();
  const store = await openSqliteEventStore({ path, pollIntervalMs: 20 });
  const db = await openSqliteReadModels(path);
  return {
    store,
    db,
    openEmpty: () => openSqliteReadModels(newPath()),
    indexesOf: async (target, table) =>
      (
        await target.all<{ name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? ORDER BY name",
          [table],
        )
      ).map((row) => row.name),
    async close() {
      await db.close();
      await store.close();
    },
  };
});

describe('sqlite read-model database', () => {
  it('fails a statement issued after its transaction ended instead of running it alone', async () => {
    const db = await openSqliteReadModels(newPath());
    await db.run('CREATE TABLE t (k TEXT)');
    let late: Promise<unknown> | undefined;
    await db.transaction(async (tx) => {
      late = (async () => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        await tx.run('INSERT INTO t VALUES (?)', ['late']);
      })();
    });
    await expect(late).rejects.toThrow('Statement issued after its transaction ended');
    expect(await db.all('SELECT k FROM t')).toEqual([]);
    await db.close();
  });
});
