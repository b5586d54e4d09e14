// Two API processes on one PostgreSQL database (GONGZHI_SCALE_OUT): ballots cast through one
// while the other closes the vote. The gate that keeps them apart holds across processes: every
// ballot acknowledged is in the log before the event that closed the vote, so the tally taken on
// closing counts it; a ballot after it is refused.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { advanceCyclePhase } from '@gongzhi/api';
import { ballotStreams, cycleStreams } from '@gongzhi/domain';
import { openPostgresEventStore } from '@gongzhi/eventstore/postgres';
import { openPostgresReadModels } from '@gongzhi/projections/postgres';
import { afterAll, expect, it } from 'vitest';
import { DEMO_CYCLE, openVoting, poolOf, seedVoters } from '../bench/voters.ts';
import { openRuntime, type Runtime, type RuntimeOptions } from '../src/runtime.ts';
import { databaseUrl } from './harness.ts';

const prefix = `gz_scale_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-scale-out-'));
const masterKey = randomBytes(32);
const options: RuntimeOptions = {
  store: 'postgres',
  databaseUrl,
  eventSchema: `${prefix}_events`,
  readModelSchema: `${prefix}_read`,
  dataDir,
  masterKey,
  seed: true,
  notificationSender: null,
  scaleOut: true,
};
const opened: Runtime[] = [];
afterAll(async () => {
  for (const runtime of opened) await runtime.close();
  await (
    await openPostgresEventStore({ url: databaseUrl, schema: options.eventSchema })
  ).dropSchemaAndClose();
  if (options.store === 'postgres') {
    await (
      await openPostgresReadModels({ url: databaseUrl, schema: options.readModelSchema })
    ).dropSchemaAndClose();
  }
  rmSync(dataDir, { recursive: true, force: true });
});

const metadata = (actor: string) => ({
  actor,
  channel: 'online' as const,
  correlationId: 'scale-out-test',
  occurredAt: new Date().toISOString(),
});

/** Runs the caster (scale-out-caster.ts) in a process of its own; calls back per acknowledgement. */
function castInAnotherProcess(
  input: { voters: string[]; pool: string[]; scaleOut: boolean },
  onAcknowledged: (voterId: string) => void,
): Promise<{ refused: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/scale-out-caster.ts'], {
    cwd: join(import.meta.dirname, '..'),
    env: {
      ...process.env,
      GONGZHI_CASTER: JSON.stringify({
        options: {
          ...options,
          scaleOut: input.scaleOut,
          masterKey: masterKey.toString('hex'),
        },
        voters: input.voters,
        pool: input.pool,
        cycleId: DEMO_CYCLE,
        appendDelayMs: 150,
      }),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let refused = 0;
  createInterface({ input: child.stdout }).on('line', (line) => {
    const [word, voterId] = line.split(' ');
    if (word === 'acknowledged') onAcknowledged(voterId!);
    if (word === 'refused') refused++;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve({ refused }) : reject(new Error(`caster exited with ${code}`)),
    );
  });
}

it(
  'closes the vote in one process apart from ballots cast in another',
  { timeout: 180_000 },
  async () => {
    const a = await openRuntime(options);
    opened.push(a);
    const voters = await seedVoters(a, { count: 200, prefix: 'scale' });
    await openVoting(a);
    const pool = await poolOf(a);

    // Another process casts ballots, eight at a time, until it is refused. GONGZHI_GATE_PROBE=off
    // runs it without the locks across processes: then this test must fail (ballots land after
    // the close), which is how it was checked to be able to.
    const acknowledged: string[] = [];
    const casting = castInAnotherProcess(
      {
        voters: voters.map((v) => v.residentId),
        pool,
        scaleOut: process.env.GONGZHI_GATE_PROBE !== 'off',
      },
      (voterId) => acknowledged.push(voterId),
    );
    // This process closes the vote once some ballots are in.
    while (acknowledged.length < 10) await new Promise((resolve) => setTimeout(resolve, 20));
    await advanceCyclePhase(
      {
        store: a.store,
        readModels: a.runner,
        metadata: metadata('demo-yushan'),
        locks: a.services.locks!,
      },
      { cycleId: DEMO_CYCLE, to: 'publicity', reason: '测试:结束投票' },
    );
    const { refused } = await casting;

    expect(acknowledged.length).toBeGreaterThanOrEqual(10);
    expect(refused).toBeGreaterThan(0);
    const closed = (await a.store.readStream(cycleStreams.cycle(DEMO_CYCLE))).find(
      (e) => e.type === 'CyclePhaseAdvanced' && (e.data as { to: string }).to === 'publicity',
    )!;
    const late: string[] = [];
    for (const voterId of acknowledged) {
      const [cast] = await a.store.readStream(ballotStreams.ballot(DEMO_CYCLE, voterId));
      if (cast!.position > closed.position) late.push(voterId);
    }
    expect(late).toEqual([]);
  },
);

it('runs the projections in exactly one of two processes', { timeout: 60_000 }, async () => {
  const [a] = opened;
  const b = await openRuntime({ ...options, seed: false });
  opened.push(b);
  expect(
    [a!, b].filter((r) => (r.runner as { isWorker?: () => boolean }).isWorker?.()),
  ).toHaveLength(1);
});
