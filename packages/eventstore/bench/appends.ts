// Appends per second of single-event commands with an expected revision: each command reads
// its stream's last event and appends one event expecting its revision, as a command handler
// does.
// Each writer owns one stream, so no command conflicts. Variants alternate in one-second slices.
// Every adapter figure stands beside the raw driver doing the same reads and inserts, one
// transaction per command, at the same durability (SQLite WAL + synchronous=FULL; PostgreSQL
// synchronous_commit=on). With 16 writers, PostgreSQL is measured twice: writers as async loops
// in this process, and writers in 16 processes of their own (bench/append-process.ts).
//
//   npx tsx bench/appends.ts              # sqlite and postgres, 4 s per row
//   BENCH_SECONDS=10 npx tsx bench/appends.ts
//   DATABASE_URL=postgres://… npx tsx bench/appends.ts
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import postgres from 'postgres';
import { newEvent } from '../src/event.ts';
import type { EventStore } from '../src/port.ts';
import { defaultDatabaseUrl, openPostgresEventStore } from '../src/postgres/index.ts';
import { openSqliteEventStore } from '../src/sqlite/index.ts';
import { lastEventColumns } from './last-event.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const databaseUrl = process.env.DATABASE_URL ?? defaultDatabaseUrl;
const metadata = {
  actor: 'bench',
  channel: 'online',
  occurredAt: new Date().toISOString(),
} as const;
const payload = { ballot: 'cycle-1', choices: ['proposal-1', 'proposal-7'], note: '支持' };

/** One command of one writer: read the stream's last event, append after it. */
type Command = (writer: number) => Promise<void>;

interface Row {
  engine: string;
  variant: string;
  writers: number;
  perSecond: number;
}

interface Variant {
  variant: string;
  command: Command;
}

/**
 * Runs each variant with `writers` concurrent loops, in alternating one-second slices for the
 * configured time, so that load from elsewhere on the machine falls on all variants alike.
 */
async function measure(engine: string, writers: number, variants: Variant[]): Promise<Row[]> {
  const totals = variants.map(() => ({ count: 0, ms: 0 }));
  for (let slice = 0; slice < seconds; slice++) {
    for (const [i, { command }] of variants.entries()) {
      const started = performance.now();
      const deadline = started + 1000;
      const counts = await Promise.all(
        Array.from({ length: writers }, async (_, writer) => {
          let count = 0;
          while (performance.now() < deadline) {
            await command(writer);
            count += 1;
          }
          return count;
        }),
      );
      totals[i]!.count += counts.reduce((a, b) => a + b, 0);
      totals[i]!.ms += performance.now() - started;
    }
  }
  return variants.map(({ variant }, i) => ({
    engine,
    variant,
    writers,
    perSecond: totals[i]!.count / (totals[i]!.ms / 1000),
  }));
}

function adapterCommand(store: EventStore, run: string): Command {
  return async (writer) => {
    const stream = `bench${run}-${writer}`;
    const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    await store.append(stream, [newEvent('BallotCast', payload, metadata)], {
      expected: last ? last.revision : 'no_stream',
    });
  };
}

// The same table shape as the adapters', so that index maintenance costs the same.
const sqliteTable = `
  CREATE TABLE events (
    position INTEGER PRIMARY KEY AUTOINCREMENT, stream TEXT NOT NULL, revision INTEGER NOT NULL,
    id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, schema_version INTEGER NOT NULL,
    data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL,
    UNIQUE (stream, revision))`;

async function benchSqlite(dir: string, rows: Row[]): Promise<void> {
  for (const writers of [1, 16]) {
    const store = await openSqliteEventStore({ path: join(dir, `adapter-${writers}.db`) });

    const db = new Database(join(dir, `raw-${writers}.db`));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(sqliteTable);
    const last = db.prepare<[string], { revision: number; data: string; metadata: string }>(
      `SELECT ${lastEventColumns} FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1`,
    );
    const insert = db.prepare(
      `INSERT INTO events (stream, revision, id, type, schema_version, data, metadata, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const rawCommand = db.transaction((stream: string) => {
      const event = newEvent('BallotCast', payload, metadata);
      const previous = last.get(stream);
      // The adapter hands the command its last event decoded; the raw read decodes it too.
      if (previous) {
        JSON.parse(previous.data);
        JSON.parse(previous.metadata);
      }
      const revision = (previous?.revision ?? -1) + 1;
      insert.run(
        stream,
        revision,
        event.id,
        event.type,
        1,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        new Date().toISOString(),
      );
    });

    rows.push(
      ...(await measure('sqlite', writers, [
        { variant: 'adapter (group commit)', command: adapterCommand(store, 'a') },
        {
          variant: 'raw better-sqlite3',
          // One IMMEDIATE transaction per command; yielding between commands lets writers
          // interleave as concurrent requests would.
          command: async (writer) => {
            rawCommand.immediate(`raw-${writer}`);
            await Promise.resolve();
          },
        },
      ])),
    );
    await store.close();
    db.close();
  }
}

async function benchPostgres(rows: Row[]): Promise<void> {
  const run = `${process.pid}_${Date.now().toString(36)}`;
  const schemas: string[] = [];
  const admin = postgres(databaseUrl, { onnotice: () => {} });
  try {
    for (const writers of [1, 16]) {
      const schema = `bench_appends_${run}_${writers}`;
      const rawSchema = `bench_raw_${run}_${writers}`;
      schemas.push(schema, rawSchema);
      const store = await openPostgresEventStore({ url: databaseUrl, schema });

      await admin
        .unsafe(
          `
        CREATE SCHEMA ${rawSchema};
        CREATE TABLE ${rawSchema}.events (
          position bigserial PRIMARY KEY, stream text NOT NULL, revision bigint NOT NULL,
          id text NOT NULL UNIQUE, type text NOT NULL, schema_version integer NOT NULL,
          data json NOT NULL, metadata json NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now(),
          UNIQUE (stream, revision))`,
        )
        .simple();
      const sql = postgres(databaseUrl, { max: writers, onnotice: () => {} });
      const table = sql(`${rawSchema}.events`);
      // Read the revision, then one autocommitted insert (synchronous_commit on, the default).
      const rawCommand: Command = async (writer) => {
        const stream = `raw-${writer}`;
        const [last] = await sql<{ revision: string }[]>`
          SELECT ${sql.unsafe(lastEventColumns)} FROM ${table}
          WHERE stream = ${stream} ORDER BY revision DESC LIMIT 1`;
        const event = newEvent('BallotCast', payload, metadata);
        await sql`
          INSERT INTO ${table} (stream, revision, id, type, schema_version, data, metadata)
          VALUES (${stream}, ${last ? Number(last.revision) + 1 : 0}, ${event.id}, ${event.type},
                  1, ${JSON.stringify(event.data)}::text::json,
                  ${JSON.stringify(event.metadata)}::text::json)`;
      };

      rows.push(
        ...(await measure('postgres', writers, [
          { variant: 'adapter, one store (batched)', command: adapterCommand(store, 'one') },
          { variant: 'raw postgres.js', command: rawCommand },
        ])),
      );
      if (writers > 1) rows.push(...(await measureProcesses(writers, schema, rawSchema)));
      await store.close();
      await sql.end();
    }
  } finally {
    for (const schema of schemas) await admin`DROP SCHEMA IF EXISTS ${admin(schema)} CASCADE`;
    await admin.end();
  }
}

/**
 * The same commands from `writers` separate processes (bench/append-process.ts), each with its
 * own connection: nothing batches appends of different writers, as with several API instances.
 * The adapter and the raw driver alternate in one-second slices, as in `measure`.
 */
async function measureProcesses(writers: number, schema: string, rawSchema: string) {
  const script = join(import.meta.dirname, 'append-process.ts');
  const children = Array.from({ length: writers }, (_, writer) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', script, databaseUrl, schema, rawSchema, String(writer)],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const next = async () => {
      const line = await lines.next();
      if (line.done) throw new Error(`append process ${writer} ended early`);
      return line.value;
    };
    const exited = new Promise((resolve) => child.on('exit', resolve));
    return { child, next, exited };
  });
  await Promise.all(children.map((c) => c.next()));
  const variants = [
    { variant: 'adapter, a process per writer', command: 'adapter' },
    { variant: 'raw postgres.js, a process per writer', command: 'raw' },
  ];
  const totals = variants.map(() => ({ count: 0, ms: 0 }));
  for (let slice = 0; slice < seconds; slice++) {
    for (const [i, { command }] of variants.entries()) {
      const started = performance.now();
      for (const c of children) c.child.stdin!.write(`${command} 1000\n`);
      const counts = await Promise.all(children.map(async (c) => Number(await c.next())));
      totals[i]!.count += counts.reduce((a, b) => a + b, 0);
      totals[i]!.ms += performance.now() - started;
    }
  }
  for (const c of children) c.child.stdin!.end('stop\n');
  await Promise.all(children.map((c) => c.exited));
  return variants.map(({ variant }, i) => ({
    engine: 'postgres, processes',
    variant,
    writers,
    perSecond: totals[i]!.count / (totals[i]!.ms / 1000),
  }));
}

function print(rows: Row[]): void {
  const header = ['engine', 'variant', 'writers', 'appends/s', 'vs raw'];
  const rawRate = (r: Row) =>
    rows.find(
      (x) => x.engine === r.engine && x.writers === r.writers && x.variant.startsWith('raw'),
    )?.perSecond;
  const lines = rows.map((r) => {
    const raw = rawRate(r);
    const ratio = raw && !r.variant.startsWith('raw') ? `${(r.perSecond / raw).toFixed(2)}×` : '';
    return [
      r.engine,
      r.variant,
      String(r.writers),
      Math.round(r.perSecond).toLocaleString('en'),
      ratio,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) =>
    cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
}

const rows: Row[] = [];
const dir = mkdtempSync(join(tmpdir(), 'gongzhi-bench-appends-'));
console.log(
  `Event store appends — ${seconds} s per row, Node ${process.version}, ${cpus().length} cores, ` +
    `sqlite files in ${tmpdir()}, postgres ${databaseUrl.replace(/\/\/[^@]*@/, '//')}`,
);
try {
  await benchSqlite(dir, rows);
  try {
    await benchPostgres(rows);
  } catch (error) {
    console.error(`postgres skipped: ${(error as Error).message}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
print(rows);
console.log(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
