// One writer process of the append bench (bench/appends.ts):
//   append-process.ts <url> <adapter schema> <raw schema> <writer>
// Opens one adapter store and one raw connection, prints "ready", then for each line
// "<variant> <ms>" on stdin runs that variant's command loop for ms milliseconds and prints the
// number of commands done. A command reads the writer's stream's last event and appends one
// event expecting its revision (adapter), or inserts it at the next revision (raw), as
// bench/appends.ts does in one process.
import { createInterface } from 'node:readline';
import postgres from 'postgres';
import { newEvent } from '../src/event.ts';
import { openPostgresEventStore } from '../src/postgres/index.ts';
import { lastEventColumns } from './last-event.ts';

const [url, schema, rawSchema, writer] = process.argv.slice(2);
if (!url || !schema || !rawSchema || !writer) {
  throw new Error('usage: append-process.ts <url> <adapter schema> <raw schema> <writer>');
}
const metadata = {
  actor: 'bench',
  channel: 'online',
  occurredAt: new Date().toISOString(),
} as const;
const payload = { ballot: 'cycle-1', choices: ['proposal-1', 'proposal-7'], note: '支持' };

const store = await openPostgresEventStore({ url, schema, maxConnections: 1 });
const sql = postgres(url, { max: 1, onnotice: () => {} });
const table = sql(`${rawSchema}.events`);
const stream = `process-${writer}`;

const commands: Record<string, () => Promise<void>> = {
  async adapter() {
    const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    await store.append(stream, [newEvent('BallotCast', payload, metadata)], {
      expected: last ? last.revision : 'no_stream',
    });
  },
  async raw() {
    const [last] = await sql<{ revision: string }[]>`
      SELECT ${sql.unsafe(lastEventColumns)} FROM ${table}
      WHERE stream = ${stream} ORDER BY revision DESC LIMIT 1`;
    const event = newEvent('BallotCast', payload, metadata);
    await sql`
      INSERT INTO ${table} (stream, revision, id, type, schema_version, data, metadata)
      VALUES (${stream}, ${last ? Number(last.revision) + 1 : 0}, ${event.id}, ${event.type},
              1, ${JSON.stringify(event.data)}::text::json,
              ${JSON.stringify(event.metadata)}::text::json)`;
  },
};

process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const [variant, ms] = line.split(' ');
  const command = commands[variant!];
  if (!command) break;
  const deadline = performance.now() + Number(ms);
  let count = 0;
  while (performance.now() < deadline) {
    await command();
    count += 1;
  }
  process.stdout.write(`${count}\n`);
}
await store.close();
await sql.end();
