// Two API processes on one PostgreSQL database (GONGZHI_SCALE_OUT): ballots cast through one
// while the other closes the vote. The gate that keeps them apart holds across processes: every
// ballot acknowledged is in the log before the event that closed the vote, so the tally taken on
// closing counts it; a ballot after it is refused.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { advanceCyclePhase, ballotCommands } from '@gongzhi/api';
import { ballotStreams, cycleStreams } from '@gongzhi/domain';
import { openPostgresEventStore } from '@gongzhi/eventstore/postgres';
import { openPostgresReadModels } from '@gongzhi/projections/postgres';
import { afterAll, expect, it } from 'vitest';
import { DEMO_CYCLE, openVoting, poolOf, seedVoters } from '../bench/voters.ts';
import { openRuntime, type Runtime, type RuntimeOptions } from '../src/runtime.ts';
import { databaseUrl } from './harness.ts';

const prefix = `gz_scale_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-scale-out-'));
const options: RuntimeOptions = {
  store: 'postgres',
  databaseUrl,
  eventSchema: `${prefix}_events`,
  readModelSchema: `${prefix}_read`,
  dataDir,
  masterKey: randomBytes(32),
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

it(
  'closes the vote in one process apart from ballots cast in another',
  { timeout: 180_000 },
  async () => {
    const a = await openRuntime(options);
    opened.push(a);
    const b = await openRuntime({ ...options, seed: false });
    opened.push(b);
    const voters = await seedVoters(a, { count: 200, prefix: 'scale' });
    await openVoting(a);
    const pool = await poolOf(a);

    // Process b casts ballots, eight at a time, until it is refused.
    const acknowledged: string[] = [];
    let refused = 0;
    let next = 0;
    const castNext = async () => {
      while (next < voters.length) {
        const i = next++;
        const voter = voters[i]!;
        try {
          await ballotCommands.castBallot(
            {
              store: b.store,
              readModels: b.runner,
              metadata: metadata(voter.residentId),
              locks: b.services.locks!,
            },
            b.services.ballotSeal!,
            {
              cycleId: DEMO_CYCLE,
              communityId: 'shuyuan',
              voterId: voter.residentId,
              choices: [pool[i % pool.length]!],
            },
          );
          acknowledged.push(voter.residentId);
        } catch {
          refused++;
        }
      }
    };
    const casting = Promise.all(Array.from({ length: 8 }, castNext));
    // Process a closes the vote once some ballots are in.
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
    await casting;

    expect(b.services.locks).toBeDefined();
    expect(acknowledged.length).toBeGreaterThanOrEqual(10);
    expect(refused).toBeGreaterThan(0);
    const closed = (await a.store.readStream(cycleStreams.cycle(DEMO_CYCLE))).find(
      (e) => e.type === 'CyclePhaseAdvanced' && (e.data as { to: string }).to === 'publicity',
    )!;
    for (const voterId of acknowledged) {
      const [cast] = await a.store.readStream(ballotStreams.ballot(DEMO_CYCLE, voterId));
      expect(cast!.position).toBeLessThan(closed.position);
    }
    // Exactly one of the two processes runs the projections.
    expect(
      [a, b].filter((r) => (r.runner as { isWorker?: () => boolean }).isWorker?.()),
    ).toHaveLength(1);
  },
);
