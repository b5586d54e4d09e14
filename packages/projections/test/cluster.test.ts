// Several processes on one PostgreSQL database (src/cluster): one projection worker elected by
// advisory lock, a standby taking over when it goes, live signals on every instance, and locks
// held across processes. Each "process" here is an elected runner with its own connections.
import { openPostgresEventStore, type PostgresEventStore } from '@gongzhi/eventstore/postgres';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openClusterLocks, startElectedRunner, type ElectedRunner } from '../src/cluster/index.ts';
import { openPostgresReadModels, type PostgresReadModelDatabase } from '../src/postgres/index.ts';
import type { AppliedBatch } from '../src/runner.ts';
import { counted, countingProjection } from './fixtures/counting-projection.ts';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const run = `cluster_test_${process.pid}_${Date.now().toString(36)}`;
let schemas = 0;

const until = async (what: string, check: () => boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('projection worker elected among processes', () => {
  let store: PostgresEventStore;
  let schema: string;
  const dbs: PostgresReadModelDatabase[] = [];
  const runners: ElectedRunner[] = [];

  beforeEach(async () => {
    schema = `${run}_${++schemas}`;
    store = await openPostgresEventStore({
      url,
      schema: `${schema}_events`,
      maxConnections: 2,
      pollIntervalMs: 50,
    });
  });
  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop();
    const last = dbs.pop();
    for (const db of dbs.splice(0)) await db.close();
    await last?.dropSchemaAndClose();
    await store.dropSchemaAndClose();
  });

  const roleChanges: boolean[] = [];
  const instance = async () => {
    const db = await openPostgresReadModels({ url, schema, max: 2 });
    dbs.push(db);
    const runner = await startElectedRunner({
      url,
      schema,
      store,
      db,
      projections: [countingProjection()],
      onRoleChange: (worker) => roleChanges.push(worker),
    });
    runners.push(runner);
    return runner;
  };

  it('runs the projections in exactly one, which another takes over once it stops', async () => {
    const a = await instance();
    await until('a worker', () => a.isWorker());
    const b = await instance();
    const c = await instance();
    const heardByB: AppliedBatch[] = [];
    b.onApplied((batch) => heardByB.push(batch));

    const first = await store.append('count-1', [counted(1), counted(2)]);
    // Read-your-writes on an instance without the runner: it watches the checkpoints.
    await b.waitForPosition(first.position, 5_000);
    await c.waitForPosition(first.position, 5_000);
    expect([a, b, c].filter((r) => r.isWorker())).toEqual([a]);
    await until('the signal on b', () => heardByB.some((h) => h.position >= first.position));
    expect(heardByB.at(-1)!.streams).toEqual(new Set(['count-1']));

    // The worker goes (its connections close): one of the others takes over within seconds.
    const stoppedAt = Date.now();
    await a.stop();
    runners.splice(runners.indexOf(a), 1);
    await until('a new worker', () => b.isWorker() || c.isWorker(), 5_000);
    expect(Date.now() - stoppedAt).toBeLessThan(5_000);
    expect([b, c].filter((r) => r.isWorker())).toHaveLength(1);

    const second = await store.append('count-2', [counted(3)]);
    await b.waitForPosition(second.position, 5_000);
    await c.waitForPosition(second.position, 5_000);

    // The worker's lock connection is cut (as a database failover does): it stops applying, and
    // a worker (either) is elected again.
    roleChanges.length = 0;
    await dbs[1]!.run(
      "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted " +
        'AND objid = hashtext(?)::oid',
      [`projection-worker:${schema}`],
    );
    await until('the worker to stop', () => roleChanges.includes(false), 5_000);
    await until('a worker again', () => b.isWorker() || c.isWorker(), 5_000);
    const third = await store.append('count-3', [counted(4)]);
    await b.waitForPosition(third.position, 5_000);
    await c.waitForPosition(third.position, 5_000);
    const rows = await dbs[1]!.all<{ n: number }>('SELECT n FROM event_log ORDER BY position');
    expect(rows.map((r) => r.n)).toEqual([1, 2, 3, 4]);
  });
});

describe('locks across processes', () => {
  it('holds an exclusive lock apart from shared ones, which share', async () => {
    const schema = `${run}_locks`;
    const one = openClusterLocks({ url, schema, max: 3 });
    const two = openClusterLocks({ url, schema, max: 3 });
    try {
      const log: string[] = [];
      let releaseShared!: () => void;
      const sharedHeld = new Promise<void>((resolve) => (releaseShared = resolve));
      const sharedA = one.withLock('gate', 'shared', async () => {
        log.push('shared a');
        await sharedHeld;
        log.push('shared a done');
      });
      await until('shared a', () => log.includes('shared a'));
      // Another process's shared holder goes in beside it.
      await two.withLock('gate', 'shared', async () => {
        log.push('shared b');
      });
      const exclusive = two.withLock('gate', 'exclusive', async () => {
        log.push('exclusive');
        return 42;
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(log).not.toContain('exclusive');
      releaseShared();
      await sharedA;
      expect(await exclusive).toBe(42);
      expect(log).toEqual(['shared a', 'shared b', 'shared a done', 'exclusive']);
      // Another name is another lock.
      await one.withLock('other', 'exclusive', async () => undefined);
    } finally {
      await one.close();
      await two.close();
    }
  });
});
