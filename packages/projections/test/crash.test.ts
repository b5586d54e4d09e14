// Kills a projecting process at random moments and shows that, after a restart, the read model
// always equals a fresh full rebuild: the checkpoint moves in the same transaction as the rows.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventStore } from '@gongzhi/eventstore/sqlite';
import { afterAll, expect, it } from 'vitest';
import { readCheckpoints } from '../src/checkpoints.ts';
import { rebuildProjection } from '../src/rebuild.ts';
import { startProjectionRunner } from '../src/runner.ts';
import { openSqliteReadModels } from '../src/sqlite/index.ts';
import { countingProjection, countingSnapshot } from './fixtures/counting-projection.ts';

const rounds = 20;
const dir = mkdtempSync(join(tmpdir(), 'gongzhi-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const child = join(import.meta.dirname, 'fixtures', 'crash-child.ts');

/** Starts the child, waits until it projects, lets it run for a random while, then kills it. */
async function runAndKill(path: string): Promise<void> {
  const process_ = spawn(process.execPath, ['--import', 'tsx', child, path], {
    cwd: join(import.meta.dirname, '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  process_.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    process_.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  await new Promise<void>((resolve, reject) => {
    process_.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    void exited.then((how) => reject(new Error(`child exited (${how}) before ready: ${stderr}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, 30 + Math.random() * 300));
  process_.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  expect(stderr).toBe('');
}

it(
  `after ${rounds} SIGKILLs at random moments, the read model always equals a full rebuild`,
  {
    timeout: 60_000,
  },
  async () => {
    const path = join(dir, 'events-and-read-models.db');
    let roundsWithWorkLeft = 0;
    for (let round = 1; round <= rounds; round++) {
      await runAndKill(path);

      const store = await openSqliteEventStore({ path });
      const db = await openSqliteReadModels(path);
      const fresh = await openSqliteReadModels(join(dir, `rebuild-${round}.db`));
      try {
        const head = (await store.headPosition())!;
        const killedAt = (await readCheckpoints(db, 'sqlite', ['counting'])).get('counting');
        if (killedAt?.position === undefined || killedAt.position < head) roundsWithWorkLeft += 1;

        const runner = await startProjectionRunner({
          store,
          db,
          projections: [countingProjection()],
        });
        await runner.waitForPosition(head, 30_000);
        await runner.stop();
        await rebuildProjection({ store, db: fresh, projection: countingProjection() });
        expect(await countingSnapshot(db), `round ${round}`).toEqual(await countingSnapshot(fresh));
      } finally {
        await fresh.close();
        await db.close();
        await store.close();
      }
    }
    // The kills did land while events were still to be projected, not only when all was idle.
    expect(roundsWithWorkLeft).toBeGreaterThan(rounds / 4);
  },
);
