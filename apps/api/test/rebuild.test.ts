// `npm run rebuild` (src/rebuild.ts) on the demo data: run as a child process the way the script
// runs it, on a data folder the seed filled and nothing else holds open. The projections' tables
// are emptied first, so a read model the rebuild skipped shows as missing rows, and its report
// must name every projection the runtime keeps, all rebuilt in one pass over the log. The start
// after it seeds again, as every `npm start` does, and adds nothing: the demo data is written once.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReadModelDatabase } from '@gongzhi/projections';
import { afterAll, expect, it } from 'vitest';
import { openRuntime } from '../src/runtime.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-rebuild-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Every row of each table, sorted (in JS, so that one-column tables compare too). */
const snapshot = async (db: ReadModelDatabase, tables: readonly string[]) =>
  Object.fromEntries(
    await Promise.all(
      tables.map(async (table) => {
        const rows = await db.all(`SELECT * FROM ${table}`);
        return [table, rows.map((row) => JSON.stringify(row)).sort()] as const;
      }),
    ),
  );

it(
  'rebuilds every read model of the demo data to the rows it held; a second seed adds nothing',
  { timeout: 120_000 },
  async () => {
    const seeded = await openRuntime({ store: 'sqlite', dataDir, seed: true });
    const names = seeded.projections.map((p) => p.name);
    const tables = seeded.projections.flatMap((p) => p.tables);
    const before = await snapshot(seeded.readModelDb, tables);
    const seededHead = await seeded.store.headPosition();
    expect(Object.values(before).some((rows) => rows.length > 0)).toBe(true);
    // Checkpoints stay at the head: only the rebuild can fill the tables again.
    await seeded.readModelDb.transaction(async (tx) => {
      for (const table of tables) await tx.run(`DELETE FROM ${table}`);
    });
    await seeded.close();

    const { GONGZHI_MASTER_KEY: _key, DATABASE_URL: _url, ...env } = process.env;
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/rebuild.ts'], {
      cwd: join(import.meta.dirname, '..'),
      env: {
        ...env,
        GONGZHI_STORE: 'sqlite',
        GONGZHI_DATA: dataDir,
        GONGZHI_NOTIFICATION_SENDER: 'none',
      },
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    // Not a terminal: one progress line when the pass is done, then the read models it rebuilt.
    expect(result.stderr.split('\n').filter((line) => / 100% /.test(line))).toHaveLength(1);
    const reported = /^rebuilt: (.*)$/m.exec(result.stdout)?.[1]?.split(', ');
    expect(reported).toEqual(names);

    const rebuilt = await openRuntime({ store: 'sqlite', dataDir, seed: true });
    try {
      expect(await rebuilt.store.headPosition()).toEqual(seededHead);
      expect(await snapshot(rebuilt.readModelDb, tables)).toEqual(before);
    } finally {
      await rebuilt.close();
    }
  },
);
