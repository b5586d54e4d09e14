// Replay benchmark: events/s from the event store into a SQL read model, and peak RSS.
//
//   pnpm --filter @gongzhi/projections bench [-- --events 1000000 --postgres-events 100000 --skip-postgres]
//
// Seeds an event store with small events (1,000 streams, appended up to 1,000 events per call),
// then replays the log with the projection runner into the counting read model (a row per event
// plus an upsert per stream: two statements per event). SQLite: events and read models in one
// file (the one-machine deployment). PostgreSQL (DATABASE_URL): schemas of their own, dropped
// after; fewer events, as each statement is a round trip to the server.
// Each phase runs in a child process of its own, so that its peak RSS is its own.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { EventStore } from '@gongzhi/eventstore';
import { openPostgresEventStore } from '@gongzhi/eventstore/postgres';
import { openSqliteEventStore } from '@gongzhi/eventstore/sqlite';
import { counted, countingProjection } from '../test/fixtures/counting-projection.ts';
import { startProjectionRunner } from '../src/runner.ts';
import { openPostgresReadModels } from '../src/postgres/index.ts';
import { openSqliteReadModels } from '../src/sqlite/index.ts';
import type { ReadModelDatabase } from '../src/types.ts';

interface PhaseResult {
  events: number;
  seconds: number;
  /** CPU time of the process over the same span: on a busy machine, the rate per CPU-second
   * shows what one free core would do. */
  cpuSeconds: number;
  peakRssMb: number;
}

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const streams = 1_000;
const batchSize = 5_000;

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const cpuSecondsSince = (start: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
};

type Engine = 'sqlite' | 'postgres';

/** An event store on `location`: a SQLite file, or a PostgreSQL schema. */
const openStore = (
  engine: Engine,
  location: string,
): Promise<EventStore & { drop?(): Promise<void> }> =>
  engine === 'sqlite'
    ? openSqliteEventStore({ path: location, durability: 'normal' })
    : openPostgresEventStore({ url: databaseUrl, schema: location }).then((store) => ({
        ...store,
        drop: () => store.dropSchemaAndClose(),
      }));

async function seed(engine: Engine, location: string, total: number): Promise<PhaseResult> {
  const store = await openStore(engine, location);
  const perAppend = Math.min(1_000, Math.ceil(total / streams));
  const started = performance.now();
  const cpu = process.cpuUsage();
  let written = 0;
  for (let round = 0; written < total; round++) {
    // Several appends in flight: the adapters write them in one transaction.
    const appends: Promise<unknown>[] = [];
    for (let s = 0; s < streams && written < total; s++) {
      const count = Math.min(perAppend, total - written);
      const events = Array.from({ length: count }, (_, i) => counted(round * perAppend + i));
      appends.push(store.append(`count-${s}`, events));
      written += count;
      if (appends.length === 10) await Promise.all(appends.splice(0));
    }
    await Promise.all(appends);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuSecondsSince(cpu);
  await store.close();
  return { events: written, seconds, cpuSeconds, peakRssMb: peakRssMb() };
}

async function replay(engine: Engine, location: string, target: Engine): Promise<PhaseResult> {
  const store = await openStore(engine, location);
  const schema = `bench_replay_${process.pid}`;
  const db: ReadModelDatabase =
    target === 'sqlite'
      ? // The one-machine deployment: read models in the events' file.
        await openSqliteReadModels(location)
      : await openPostgresReadModels({ url: databaseUrl, schema });
  try {
    const head = (await store.headPosition())!;
    const started = performance.now();
    const cpu = process.cpuUsage();
    const runner = await startProjectionRunner({
      store,
      db,
      projections: [countingProjection()],
      batchSize,
    });
    await runner.waitForPosition(head, 3_600_000);
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = cpuSecondsSince(cpu);
    await runner.stop();
    const { n } = (await db.get<{ n: number }>('SELECT count(*) AS n FROM event_log'))!;
    return { events: n, seconds, cpuSeconds, peakRssMb: peakRssMb() };
  } finally {
    if (target === 'postgres') await db.run(`DROP SCHEMA "${schema}" CASCADE`);
    await db.close();
    await (store.drop ?? store.close)();
  }
}

/** Runs one phase in a child process and returns what it measured. */
function phase(...args: string[]): PhaseResult {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--phase', ...args],
    {
      cwd: join(import.meta.dirname, '..'),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return JSON.parse(out) as PhaseResult;
}

const rate = (events: number, seconds: number) =>
  Math.round(events / seconds)
    .toLocaleString('en-US')
    .padStart(9);

const line = (label: string, r: PhaseResult) =>
  `${label.padEnd(40)} ${r.events.toLocaleString('en-US').padStart(9)} events ` +
  `${r.seconds.toFixed(1).padStart(5)} s ${rate(r.events, r.seconds)} events/s ` +
  `(${rate(r.events, r.cpuSeconds)} per CPU-s)  peak RSS ${r.peakRssMb} MB`;

async function main() {
  const { values, positionals } = parseArgs({
    options: {
      phase: { type: 'boolean', default: false },
      events: { type: 'string', default: '1000000' },
      'postgres-events': { type: 'string', default: '100000' },
      'skip-postgres': { type: 'boolean', default: false },
    },
    allowPositionals: true,
    args: process.argv.slice(2),
  });
  if (values.phase) {
    const [name, engine, location, arg] = positionals as [string, Engine, string, string];
    const result =
      name === 'seed'
        ? await seed(engine, location, Number(arg))
        : await replay(engine, location, arg as Engine);
    process.stdout.write(JSON.stringify(result));
    return;
  }

  const total = Number(values.events);
  const postgresTotal = Math.min(total, Number(values['postgres-events']));
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-bench-replay-'));
  const eventsSchema = `bench_events_${process.pid}`;
  try {
    console.log(
      `Replay into the counting read model · ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ` +
        `${Math.round(totalmem() / 2 ** 30)} GB · Node ${process.version} · batch ${batchSize} · ` +
        `load average ${loadavg()[0]!.toFixed(1)}`,
    );
    const sqlitePath = join(dir, 'sqlite.db');
    console.log(line('seed: sqlite event store', phase('seed', 'sqlite', sqlitePath, `${total}`)));
    console.log(
      line('replay: sqlite → sqlite read model', phase('replay', 'sqlite', sqlitePath, 'sqlite')),
    );
    if (!values['skip-postgres']) {
      const smallPath = join(dir, 'small.db');
      phase('seed', 'sqlite', smallPath, `${postgresTotal}`);
      console.log(
        line(
          'replay: sqlite → postgres read model',
          phase('replay', 'sqlite', smallPath, 'postgres'),
        ),
      );
      console.log(
        line(
          'seed: postgres event store',
          phase('seed', 'postgres', eventsSchema, `${postgresTotal}`),
        ),
      );
      console.log(
        line(
          'replay: postgres → postgres read model',
          phase('replay', 'postgres', eventsSchema, 'postgres'),
        ),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
