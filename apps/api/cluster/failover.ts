// `npm run test:cluster`: failover under load. Starts the three-node PostgreSQL cluster
// (infra/cluster) and two API instances (src/main.ts, GONGZHI_SCALE_OUT=1) behind HAProxy,
// streams ballots and proposals through it, and meanwhile loses the PostgreSQL leader three times
// (SIGKILL to its Patroni and PostgreSQL, as a lost machine) and an API instance twice (SIGKILL).
// Then it checks that every acknowledged write is in the log exactly once, that a proposal read
// back through the balancer right after its submission was there (read-your-writes across
// instances), that the read models equal a rebuild from the log, and that writes were served
// again within RECOVERY_LIMIT_S of every fault; and prints the figures (docs/performance.md).
// Exits 1 when a check fails. CLUSTER_VOTERS, GONGZHI_CLUSTER_PORT tune it.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ballotStreams } from '@gongzhi/domain';
import type { EventStore } from '@gongzhi/eventstore';
import { startProjectionRunner, type ReadModelDatabase } from '@gongzhi/projections';
import { openPostgresReadModels } from '@gongzhi/projections/postgres';
import { startServerProcess, type ServerProcess } from '../bench/server-process.ts';
import { DEMO_CYCLE, openVoting, poolOf, seedVoters, type Voter } from '../bench/voters.ts';
import { openRuntime, type RuntimeOptions } from '../src/runtime.ts';
import { startCluster, type PostgresCluster } from './postgres-cluster.ts';
import { restoreAndCheck, takeBaseBackup } from './restore-check.ts';

const RECOVERY_LIMIT_S = 30;
const STEADY_MS = 15_000;
const voterCount = Number(process.env.CLUSTER_VOTERS ?? 10_000);
const basePort = Number(process.env.GONGZHI_CLUSTER_PORT ?? 15500);
const apiPort = basePort + 40;
const instancePorts = [basePort + 41, basePort + 42];
const PROPOSAL_CYCLE = 'demo-cycle-yushan-next';
const infraDir = join(dirname(fileURLToPath(import.meta.url)), '../../../infra/cluster');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const started = Date.now();
const log = (line: string) =>
  console.log(`[${seconds(Date.now() - started).padStart(6)} s] ${line}`);

interface Outcome {
  kind: 'ballot' | 'proposal';
  sentAt: number;
  doneAt: number;
  ok: boolean;
}

interface Fault {
  what: string;
  at: number;
  recoveredAt?: number;
}

const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-cluster-'));
// As root the cluster runs as the user postgres, which must reach its folder inside this one.
chmodSync(dataDir, 0o711);
const masterKey = randomBytes(32);
const failures: string[] = [];
/** Answers other than 200, and errors, by kind: printed at the end. */
const refusals = new Map<string, number>();
const crashes: string[] = [];
let finishing = false;
let cluster: PostgresCluster | undefined;
let balancer: ChildProcess | undefined;
const instances: (ServerProcess | undefined)[] = [];

async function main() {
  log(`starting the PostgreSQL cluster under ${dataDir}`);
  cluster = await startCluster({ dir: join(dataDir, 'cluster'), basePort });
  log(`cluster ready, leader ${await cluster.leader()}`);
  const options: RuntimeOptions = {
    store: 'postgres',
    databaseUrl: cluster.url,
    eventSchema: 'eventstore',
    readModelSchema: 'readmodels',
    dataDir,
    masterKey,
    seed: true,
    notificationSender: null,
  };
  const seeding = await openRuntime(options);
  const voters = await seedVoters(seeding, { count: voterCount, prefix: 'cluster' });
  await openVoting(seeding);
  const pool = await poolOf(seeding);
  await seeding.close();
  log(`seeded the demo data and ${voterCount} voters; vote open`);
  const baseBackup = takeBaseBackup(cluster);
  log(`base backup of the leader taken (pg_basebackup) into ${baseBackup}`);

  const env = {
    GONGZHI_STORE: 'postgres',
    DATABASE_URL: cluster.url,
    GONGZHI_SCALE_OUT: '1',
    GONGZHI_MASTER_KEY: masterKey.toString('base64'),
    GONGZHI_NOTIFICATION_SENDER: 'none',
    GONGZHI_PG_EVENT_SCHEMA: 'eventstore',
    GONGZHI_PG_READ_SCHEMA: 'readmodels',
    // A read waits this long for the position its caller wrote: a read-back found missing after
    // it is a failure, not a slow machine.
    GONGZHI_READ_WAIT_MS: '15000',
  };
  // As systemd's Restart=always would: an instance that exits on its own is started again, and
  // counted (the postgres client can crash a process when a connection closes under it:
  // porsager/postgres#1154, see docs/operations.md).
  const startInstance = async (i: number) => {
    const instance = await startServerProcess({
      dataDir,
      env: { ...env, PORT: String(instancePorts[i]) },
    });
    instances[i] = instance;
    instance.child.once('exit', (code, signal) => {
      if (signal === 'SIGKILL' || signal === 'SIGTERM' || finishing) return;
      const last = instance.output().split('\n').filter(Boolean).slice(-4).join(' | ');
      crashes.push(`API instance ${i + 1} exited (${code ?? signal}): ${last.slice(0, 300)}`);
      log(`API instance ${i + 1} exited by itself (${code ?? signal}); starting it again`);
      writeFileSync(join(dataDir, `api-${i + 1}-crash-${crashes.length}.log`), instance.output());
      void startInstance(i).catch((error: unknown) => failures.push(String(error)));
    });
  };
  // One at a time: the first creates what is missing in the schemas.
  await startInstance(0);
  await startInstance(1);
  balancer = startBalancer();
  const api = `http://127.0.0.1:${apiPort}`;
  await waitFor('the API balancer', 30_000, async () => (await fetch(`${api}/healthz`)).ok);
  log(`two API instances behind HAProxy at ${api}`);

  const outcomes: Outcome[] = [];
  const ballots = new Set<string>();
  const proposals = new Map<string, string>();
  const readBack = { checked: 0, missing: 0, unanswered: 0 };
  const missed: string[] = [];
  let next = 0;
  let stopping = false;
  const call = async (path: string, input: unknown, voter: Voter, query = false) => {
    const url = query
      ? `${api}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`
      : `${api}/trpc/${path}`;
    const response = await fetch(url, {
      method: query ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${voter.token}` },
      ...(query ? {} : { body: JSON.stringify(input) }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json().catch(() => ({}))) as {
      result?: { data: { position?: string; proposalId?: string } };
      error?: { message?: string };
    };
    if (response.status !== 200) {
      const kind = `${path} ${response.status} ${body.error?.message?.slice(0, 100) ?? ''}`;
      refusals.set(kind, (refusals.get(kind) ?? 0) + 1);
    }
    return { status: response.status, data: body.result?.data };
  };
  const attempt = async (kind: Outcome['kind'], work: () => Promise<boolean>) => {
    const sentAt = Date.now();
    const ok = await work().catch((error: unknown) => {
      const key = `${kind} ${String(error).slice(0, 100)}`;
      refusals.set(key, (refusals.get(key) ?? 0) + 1);
      return false;
    });
    outcomes.push({ kind, sentAt, doneAt: Date.now(), ok });
    if (!ok) await sleep(100);
    return ok;
  };
  const loadWorker = async () => {
    while (!stopping && next < voters.length) {
      const i = next++;
      const voter = voters[i]!;
      await attempt('ballot', async () => {
        const reply = await call(
          'ballot.cast',
          { cycleId: DEMO_CYCLE, communityId: 'shuyuan', choices: [pool[i % pool.length]] },
          voter,
        );
        if (reply.status === 200) ballots.add(voter.residentId);
        return reply.status === 200;
      });
      const title = `集群测试提案第${i}号`;
      await attempt('proposal', async () => {
        const reply = await call(
          'proposal.submit',
          {
            cycleId: PROPOSAL_CYCLE,
            communityId: 'shuyuan',
            title,
            description: `${title}：居民反映已久，希望纳入民生微实事。`,
            category: 'works',
            estimatedCost: 500_000,
            location: { text: '书院新村 2 幢南侧' },
          },
          voter,
        );
        if (reply.status !== 200) return false;
        proposals.set(title, reply.data!.proposalId!);
        // Read back at once through the balancer: most likely on the other instance.
        const read = await call(
          'proposal.get',
          { proposalId: reply.data!.proposalId, minPosition: reply.data!.position },
          voter,
          true,
        ).catch(() => undefined);
        readBack.checked++;
        if (read?.status === 404) {
          readBack.missing++;
          // What the instances say then, and whether it shows a moment later.
          const health = await fetch(`${api}/healthz`)
            .then((r) => r.json() as Promise<{ projectedPosition: string | null }>)
            .catch(() => undefined);
          await sleep(3_000);
          const later = await call(
            'proposal.get',
            { proposalId: reply.data!.proposalId },
            voter,
            true,
          );
          missed.push(
            `position ${reply.data!.position}, a balanced /healthz then said projected ${health?.projectedPosition}, 3 s later ${later.status}`,
          );
        } else if (read?.status !== 200) readBack.unanswered++;
        return true;
      });
    }
  };
  const workers = Array.from({ length: 12 }, loadWorker);
  const progress = setInterval(() => {
    const recent = outcomes.filter((o) => o.doneAt > Date.now() - 5_000);
    log(
      `last 5 s: ${recent.filter((o) => o.ok).length} writes acknowledged, ${recent.filter((o) => !o.ok).length} failed`,
    );
  }, 5_000);

  const faults: Fault[] = [];
  const recovered = async (fault: Fault) => {
    // Served again: a write sent after the fault's last failed write has been acknowledged.
    await waitFor(`writes after ${fault.what}`, 120_000, async () => {
      const failed = outcomes.filter((o) => !o.ok && o.doneAt >= fault.at);
      const lastFailure = Math.max(fault.at, ...failed.map((o) => o.doneAt));
      const ok = outcomes.find((o) => o.ok && o.sentAt >= lastFailure);
      if (ok && Date.now() - lastFailure > 3_000) fault.recoveredAt = ok.doneAt;
      return fault.recoveredAt !== undefined;
    });
    log(`${fault.what}: writes served again after ${seconds(fault.recoveredAt! - fault.at)} s`);
  };
  const killLeader = async (n: number) => {
    const leader = await cluster!.leader();
    const fault: Fault = { what: `PostgreSQL leader ${leader} lost (${n}/3)`, at: Date.now() };
    faults.push(fault);
    await cluster!.killNode(leader);
    log(`SIGKILL to ${leader}'s Patroni and PostgreSQL`);
    log(`new leader ${await cluster!.leader(leader)}`);
    await recovered(fault);
    cluster!.startNode(leader);
    await cluster!.ready();
    log(`${leader} back as a standby; a synchronous standby follows the leader`);
  };
  const killInstance = async (i: number, n: number) => {
    const fault: Fault = { what: `API instance ${i + 1} lost (${n}/2)`, at: Date.now() };
    faults.push(fault);
    await instances[i]!.kill('SIGKILL');
    log(`SIGKILL to API instance ${i + 1}`);
    await recovered(fault);
    await startInstance(i);
    log(`API instance ${i + 1} started again`);
  };

  await sleep(STEADY_MS);
  const before = rate(outcomes, started, Date.now() - STEADY_MS, Date.now());
  await killLeader(1);
  await sleep(STEADY_MS / 2);
  await killInstance(0, 1);
  await sleep(STEADY_MS / 2);
  await killLeader(2);
  await sleep(STEADY_MS / 2);
  await killInstance(1, 2);
  await sleep(STEADY_MS / 2);
  await killLeader(3);
  const afterFrom = Date.now();
  await sleep(STEADY_MS);
  const after = rate(outcomes, started, afterFrom, Date.now());
  stopping = true;
  clearInterval(progress);
  await Promise.all(workers);
  finishing = true;
  if (next >= voters.length)
    failures.push('the voters ran out before the end: raise CLUSTER_VOTERS');
  log('load stopped');

  for (const instance of instances) await instance?.kill('SIGTERM');
  const verify = await openRuntime({ ...options, seed: false });
  try {
    const head = await verify.store.headPosition();
    await verify.runner.waitForPosition(head!, 300_000);
    await checkWrites(verify.store, ballots, proposals, 'in the log');
    await checkRebuild(verify, cluster.url);
  } finally {
    await verify.close();
  }
  const restore = await restoreAndCheck(cluster, baseBackup, basePort + 60, (store) =>
    checkWrites(store, ballots, proposals, 'in a restore of the base backup and the WAL archive'),
  );
  log(`restored (infra/cluster/restore-postgres.sh) in ${seconds(restore.seconds * 1000)} s`);

  const acknowledged = outcomes.filter((o) => o.ok).length;
  console.log('\nFailover under load (test:cluster)');
  console.log(
    `  writes acknowledged ${acknowledged}, refused or lost in flight ${outcomes.length - acknowledged}`,
  );
  console.log(`  ballots ${ballots.size}, proposals ${proposals.size}`);
  console.log(`  writes/s before the faults ${before.toFixed(1)}, after them ${after.toFixed(1)}`);
  for (const fault of faults) {
    const s = (fault.recoveredAt! - fault.at) / 1000;
    console.log(`  ${fault.what}: writes served again after ${s.toFixed(1)} s`);
    if (s > RECOVERY_LIMIT_S)
      failures.push(`${fault.what}: ${s.toFixed(1)} s > ${RECOVERY_LIMIT_S} s`);
  }
  console.log(
    `  read back through the balancer right after submitting: ${readBack.checked}, missing ${readBack.missing}, unanswered ${readBack.unanswered}`,
  );
  if (readBack.missing > 0)
    failures.push(`${readBack.missing} proposals not found right after submitting`);
  for (const miss of missed.slice(0, 10)) console.log(`    missing: ${miss}`);
  console.log(`  API instances that exited by themselves (restarted): ${crashes.length}`);
  for (const crash of crashes) console.log(`    ${crash}`);
  // A failover is "try again" (503 store_unavailable), never a server error.
  const serverErrors = [...refusals].filter(([kind]) => / 500 /.test(kind));
  const errorCount = serverErrors.reduce((sum, [, n]) => sum + n, 0);
  if (errorCount > 0) failures.push(`${errorCount} answers were 500 rather than a typed 503`);
}

function rate(outcomes: Outcome[], _origin: number, from: number, to: number): number {
  return (
    outcomes.filter((o) => o.ok && o.doneAt >= from && o.doneAt < to).length / ((to - from) / 1000)
  );
}

async function checkWrites(
  store: Pick<EventStore, 'readStream' | 'readAll'>,
  ballots: Set<string>,
  proposals: Map<string, string>,
  where: string,
) {
  let wrongBallots = 0;
  for (const voterId of ballots) {
    const events = await store.readStream(ballotStreams.ballot(DEMO_CYCLE, voterId));
    if (events.length !== 1 || events[0]!.type !== 'BallotCast') wrongBallots++;
  }
  const titles = new Map<string, string[]>();
  let after: bigint | undefined;
  for (;;) {
    const page = await store.readAll({ ...(after !== undefined && { after }), maxCount: 5_000 });
    if (page.length === 0) break;
    for (const event of page) {
      if (event.type !== 'ProposalSubmitted') continue;
      const data = event.data as { title?: string; proposalId?: string };
      if (!data.title?.startsWith('集群测试提案')) continue;
      titles.set(data.title, [...(titles.get(data.title) ?? []), data.proposalId ?? '?']);
    }
    after = page.at(-1)!.position;
  }
  let wrongProposals = 0;
  for (const [title, proposalId] of proposals) {
    const found = titles.get(title) ?? [];
    if (found.length !== 1 || found[0] !== proposalId) wrongProposals++;
  }
  log(
    `acknowledged writes ${where} exactly once: ballots ${ballots.size - wrongBallots}/${ballots.size}, proposals ${proposals.size - wrongProposals}/${proposals.size}`,
  );
  if (wrongBallots + wrongProposals > 0) {
    failures.push(
      `${wrongBallots} ballots and ${wrongProposals} proposals not ${where} exactly once`,
    );
  }
}

/**
 * Every projection's rows against a rebuild from the log: one runner from empty, all projections
 * in one pass, into a fresh schema (the personal-data keys are read from the live one, as the
 * store's codec does for every read). They must be the same rows.
 */
async function checkRebuild(runtime: Awaited<ReturnType<typeof openRuntime>>, url: string) {
  const fresh = await openPostgresReadModels({ url, schema: 'rebuilt' });
  let runner: Awaited<ReturnType<typeof startProjectionRunner>> | undefined;
  try {
    runner = await startProjectionRunner({
      store: runtime.store,
      db: fresh,
      projections: runtime.projections,
    });
    const head = await runtime.store.headPosition();
    await runner.waitForPosition(head!, 600_000);
    await runner.stop();
    const tables = runtime.projections.flatMap((p) => p.tables);
    const snapshot = async (db: ReadModelDatabase) =>
      Object.fromEntries(
        await Promise.all(
          tables.map(async (table) => {
            const rows = await db.all(`SELECT * FROM ${table}`);
            return [table, rows.map((row) => JSON.stringify(row)).sort()] as const;
          }),
        ),
      );
    const live = await snapshot(runtime.readModelDb);
    const rebuilt = await snapshot(fresh);
    const differing = tables.filter((t) => JSON.stringify(live[t]) !== JSON.stringify(rebuilt[t]));
    const rows = Object.values(live).reduce((n, r) => n + r.length, 0);
    log(
      `read models equal to a rebuild: ${tables.length - differing.length}/${tables.length} tables (${rows} rows)`,
    );
    if (differing.length > 0)
      failures.push(`read models differ from a rebuild: ${differing.join(', ')}`);
  } finally {
    // Stopped before its schema goes, also when the wait above gave up.
    await runner?.stop();
    await fresh.dropSchemaAndClose();
  }
}

function startBalancer(): ChildProcess {
  const config = readFileSync(join(infraDir, 'haproxy-api.cfg.template'), 'utf8')
    .replace('${HAPROXY_HOST}', '127.0.0.1')
    .replace('${HAPROXY_PORT}', String(apiPort))
    .replace(
      '${SERVERS}',
      instancePorts.map((port, i) => `  server api${i + 1} 127.0.0.1:${port} check`).join('\n'),
    );
  const file = join(dataDir, 'haproxy-api.cfg');
  writeFileSync(file, config);
  const out = openSync(join(dataDir, 'haproxy-api.log'), 'a');
  const child = spawn('haproxy', ['-db', '-f', file], {
    stdio: ['ignore', out, out],
    env: { ...process.env, PATH: `${process.env.PATH}:/usr/sbin` },
  });
  return child;
}

async function waitFor(what: string, timeoutMs: number, probe: () => Promise<boolean>) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}

async function cleanUp() {
  finishing = true;
  if (refusals.size > 0) {
    console.log('  writes not acknowledged, by answer:');
    for (const [kind, n] of refusals) console.log(`    ${n} × ${kind}`);
  }
  instances.forEach((instance, i) => {
    if (instance) writeFileSync(join(dataDir, `api-${i + 1}.log`), instance.output());
  });
  for (const instance of instances) await instance?.kill('SIGKILL').catch(() => undefined);
  balancer?.kill('SIGTERM');
  await cluster?.stop().catch((error: unknown) => failures.push(String(error)));
  if (failures.length === 0) rmSync(dataDir, { recursive: true, force: true });
  else log(`kept ${dataDir} (logs of the cluster under cluster/)`);
}
// Interrupted: the cluster's processes are stopped all the same.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    failures.push(`interrupted (${signal})`);
    void cleanUp().then(() => process.exit(1));
  });
}

try {
  await main();
} catch (error) {
  failures.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await cleanUp();
}
log(`done in ${seconds(Date.now() - started)} s`);
if (failures.length > 0) {
  console.error(`\n✗ test:cluster failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('\n✓ test:cluster passed');
