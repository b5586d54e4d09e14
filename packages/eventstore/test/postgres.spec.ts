import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { newEvent } from '../src/event.ts';
import { defaultDatabaseUrl, openPostgresEventStore } from '../src/postgres/index.ts';
import { latestMigration, migrate } from '../src/postgres/migrations.ts';
import { eventStoreContract } from './contract.ts';

// A fresh schema per run, dropped at the end, so that runs never collide.
const url = process.env.DATABASE_URL ?? defaultDatabaseUrl;
const run = `eventstore_test_${process.pid}_${Date.now().toString(36)}`;
const schemas: string[] = [];
const schemaFor = (label: string) => {
  const schema = `${run}_${label}`;
  schemas.push(schema);
  return schema;
};

afterAll(async () => {
  const sql = postgres(url, { onnotice: () => {} });
  for (const schema of schemas) await sql`DROP SCHEMA IF EXISTS ${sql(schema)} CASCADE`;
  await sql.end();
});

const contractSchema = schemaFor('contract');
eventStoreContract('postgres', () =>
  openPostgresEventStore({ url, schema: contractSchema, maxConnections: 2 }),
);

describe('postgres adapter', () => {
  const metadata = {
    actor: 'system',
    channel: 'system',
    occurredAt: new Date().toISOString(),
  } as const;

  it('migrates a new schema once, also when several stores open it at the same time', async () => {
    const schema = schemaFor('migrate');
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => openPostgresEventStore({ url, schema, maxConnections: 1 })),
    );
    await stores[0]!.append('s-1', [newEvent('A', {}, metadata)]);
    const sql = postgres(url);
    const versions = await sql`SELECT version FROM ${sql(schema)}.migrations ORDER BY version`;
    await sql.end();
    expect(versions.map((v) => v.version)).toEqual(
      Array.from({ length: latestMigration }, (_, i) => i + 1),
    );
    await Promise.all(stores.map((s) => s.close()));
    const reopened = await openPostgresEventStore({ url, schema, maxConnections: 1 });
    expect(await reopened.readStream('s-1')).toHaveLength(1);
    await reopened.close();
  });

  it('a live subscription wakes on NOTIFY from another connection, without polling', async () => {
    const schema = schemaFor('notify');
    const follower = await openPostgresEventStore({ url, schema, pollIntervalMs: 3_600_000 });
    const writer = await openPostgresEventStore({ url, schema, maxConnections: 1 });
    const subscription = follower.subscribeToAll();
    const iterator = subscription[Symbol.asyncIterator]();
    const next = iterator.next();
    await writer.append('s-1', [newEvent('Notified', {}, metadata)]);
    expect((await next).value).toMatchObject({ type: 'Notified' });
    await subscription.stop();
    await Promise.all([follower.close(), writer.close()]);
  });

  it('upgrades a schema of the first layout in place: old events keep their positions', async () => {
    const schema = schemaFor('upgrade');
    const sql = postgres(url, { onnotice: () => {}, types: { bigint: postgres.BigInt } });
    await migrate(sql, schema, 1);
    const old = [newEvent('Old', { n: 1 }, metadata), newEvent('Old', { n: 2 }, metadata)];
    // The first layout's append_batch, as a store of the previous version called it.
    await sql`
      SELECT * FROM ${sql(schema)}.append_batch(
        ${['s-old', 's-old']}::text[], ${['any', 'any']}::text[], ${[1, 1]}::integer[],
        ${old.map((e) => e.id)}::text[], ${['Old', 'Old']}::text[], ${[1, 1]}::integer[],
        ${['{"n":1}', '{"n":2}']}::text[], ${old.map((e) => JSON.stringify(e.metadata))}::text[])`;
    await sql.end();
    const store = await openPostgresEventStore({ url, schema, maxConnections: 1 });
    expect((await store.readAll()).map((e) => [e.id, e.position])).toEqual([
      [old[0]!.id, 1n],
      [old[1]!.id, 2n],
    ]);
    expect(await store.append('s-old', [old[1]!])).toEqual({
      nextExpectedRevision: 1n,
      position: 2n,
    });
    const next = await store.append('s-old', [newEvent('New', {}, metadata)], { expected: 1n });
    // Positions continue after the old ones (the repeat above left one unused).
    expect(next.nextExpectedRevision).toBe(2n);
    expect(next.position > 2n).toBe(true);
    expect((await store.readAll({ after: 2n })).map((e) => e.type)).toEqual(['New']);
    await store.close();
  });

  it('keeps using the indexes after the log grew past the size its plans were made at', async () => {
    // Where autovacuum is off (as on the CI machine), nothing replans a function's statements:
    // a plan made on a small log must not scan the whole log once it is large.
    const schema = schemaFor('plans');
    const sql = postgres(url, {
      max: 1,
      onnotice: () => {},
      types: { bigint: postgres.BigInt },
    });
    await migrate(sql, schema);
    const appendOne = (stream: string, expected: string) => sql`
      SELECT outcome FROM ${sql(schema)}.append_one(
        ${stream}, ${expected}, ${crypto.randomUUID()}, 'A', 1, '{}', '{}')`;
    const appendBatch = (stream: string) => sql`
      SELECT outcome FROM ${sql(schema)}.append_batch(
        ${[stream]}::text[], ${['any']}::text[], ${[1]}::integer[],
        ${[crypto.randomUUID()]}::text[], ${['A']}::text[], ${[1]}::integer[],
        ${['{}']}::text[], ${['{}']}::text[])`;
    const readAfter = (after: number) =>
      sql`SELECT position FROM ${sql(schema)}.read_after(${after}, 10)`;
    // Enough calls on the small log for PostgreSQL to settle on a plan and cache it.
    for (let i = 0; i < 12; i++) {
      await appendOne(`small-${i}`, 'no_stream');
      await appendBatch(`small-${i}`);
      await readAfter(i);
    }
    await sql.unsafe(`
      INSERT INTO ${schema}.events (position, stream, revision, id, type, schema_version, data, metadata)
        SELECT nextval('${schema}.positions'), 'bulk-' || n / 10, n % 10, 'bulk-' || n, 'A', 1,
               '{}', '{}'
          FROM generate_series(1, 50000) AS n`);
    // Counts not yet flushed to the statistics include earlier transactions': take a difference.
    const seqScans = await sql.begin(async (tx) => {
      const count = async () => {
        const [row] = await tx<{ seq_scan: string }[]>`
          SELECT seq_scan FROM pg_stat_xact_user_tables
           WHERE schemaname = ${schema} AND relname = 'events'`;
        return Number(row!.seq_scan);
      };
      const before = await count();
      await tx`SELECT outcome FROM ${tx(schema)}.append_one('big', 'no_stream', ${crypto.randomUUID()}, 'A', 1, '{}', '{}')`;
      await tx`SELECT outcome FROM ${tx(schema)}.append_batch(
        ${['big']}::text[], ${['0']}::text[], ${[1]}::integer[], ${[crypto.randomUUID()]}::text[],
        ${['A']}::text[], ${[1]}::integer[], ${['{}']}::text[], ${['{}']}::text[])`;
      await tx`SELECT position FROM ${tx(schema)}.read_after(40000, 10)`;
      return (await count()) - before;
    });
    await sql.end();
    expect(seqScans).toBe(0);
  });

  it('reads a stream with its limit in the statement, and refuses a limit that is no count', async () => {
    const store = await openPostgresEventStore({
      url,
      schema: schemaFor('limit'),
      maxConnections: 1,
    });
    for (let i = 0; i < 3; i++) await store.append('s', [newEvent('A', { i }, metadata)]);
    const revisions = async (options: Parameters<typeof store.readStream>[1]) =>
      (await store.readStream('s', options)).map((e) => e.revision);
    expect(await revisions({ direction: 'backwards', maxCount: 1 })).toEqual([2n]);
    expect(await revisions({ maxCount: 2 })).toEqual([0n, 1n]);
    expect(await revisions({ maxCount: 0 })).toEqual([]);
    expect(await revisions({})).toEqual([0n, 1n, 2n]);
    await expect(store.readStream('s', { maxCount: 1.5 })).rejects.toThrow(RangeError);
    await expect(store.readStream('s', { maxCount: -1 })).rejects.toThrow(RangeError);
    await store.close();
  });

  it('refuses a schema name it would have to quote', async () => {
    await expect(openPostgresEventStore({ url, schema: 'Robert"; DROP' })).rejects.toThrow(
      /Schema name/,
    );
  });
});
