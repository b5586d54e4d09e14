import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventStore } from '@gongzhi/eventstore/sqlite';
import { afterAll } from 'vitest';
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
