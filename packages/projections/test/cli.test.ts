import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventStore } from '@gongzhi/eventstore/sqlite';
import { afterAll, expect, it } from 'vitest';
import { readCheckpoints } from '../src/checkpoints.ts';
import { openSqliteReadModels } from '../src/sqlite/index.ts';
import { counted, countingSnapshot } from './fixtures/counting-projection.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongzhi-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = join(import.meta.dirname, '..', 'src', 'cli.ts');
const module = join(import.meta.dirname, 'fixtures', 'projections-module.ts');

const runCli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    cwd: join(import.meta.dirname, '..'),
    encoding: 'utf8',
  });

it('rebuild <name> replays the log into the read model and reports progress', async () => {
  const path = join(dir, 'data.db');
  const store = await openSqliteEventStore({ path });
  await store.append('count-a', [counted(1), counted(2)]);
  const { position } = await store.append('count-b', [counted(3)]);
  await store.close();

  const result = runCli('rebuild', 'counting', '--projections', module, '--sqlite', path);
  expect(result.stderr).toContain('counting ██████████████████████████████ 100%  3 / 3 events');
  expect(result.stdout).toBe(`counting: rebuilt from 3 events, checkpoint ${position}\n`);
  expect(result.status).toBe(0);

  const db = await openSqliteReadModels(path);
  expect((await countingSnapshot(db)).counts).toEqual([
    { stream: 'count-a', total: 2, last_position: Number(position) - 1 },
    { stream: 'count-b', total: 1, last_position: Number(position) },
  ]);
  expect((await readCheckpoints(db, 'sqlite', ['counting'])).get('counting')).toEqual({
    name: 'counting',
    version: 1,
    position,
  });
  await db.close();
});

it('names the projections it knows when asked for an unknown one', () => {
  const result = runCli('rebuild', 'nope', '--projections', module, '--sqlite', join(dir, 'x.db'));
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('Projections in');
  expect(result.stderr).toContain(': counting');
});
