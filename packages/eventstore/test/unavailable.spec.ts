import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { isStoreUnavailable, WrongExpectedRevisionError } from '../src/errors.ts';
import { defaultDatabaseUrl } from '../src/postgres/index.ts';

// Real failures from a real client and server, not hand-made error objects: what a failover
// throws must read as "try again", and what a wrong request throws must not.
const url = process.env.DATABASE_URL ?? defaultDatabaseUrl;

describe('isStoreUnavailable', () => {
  it('recognises a server that refuses connections', async () => {
    const sql = postgres('postgres://postgres@127.0.0.1:1/test', {
      connect_timeout: 2,
      max_lifetime: null,
    });
    const error = await sql`select 1`.catch((e: unknown) => e);
    await sql.end({ timeout: 0 });
    expect(isStoreUnavailable(error)).toBe(true);
  });

  it('recognises a connection the server ended (as a primary shutting down does)', async () => {
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    const error = await sql`select pg_terminate_backend(pg_backend_pid())`.catch((e: unknown) => e);
    await sql.end({ timeout: 0 });
    expect(isStoreUnavailable(error)).toBe(true);
  });

  it('recognises a former primary that now only reads', async () => {
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    const error = await sql
      .begin('read only', (tx) => tx`create temporary table gz_unavailable_probe (n int)`)
      .catch((e: unknown) => e);
    await sql.end({ timeout: 0 });
    expect(isStoreUnavailable(error)).toBe(true);
  });

  it('does not excuse a wrong statement or a lost race', async () => {
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    const error = await sql`select * from no_such_table_gz`.catch((e: unknown) => e);
    await sql.end({ timeout: 0 });
    expect(isStoreUnavailable(error)).toBe(false);
    expect(isStoreUnavailable(new WrongExpectedRevisionError('s', 1n, 2n))).toBe(false);
    expect(isStoreUnavailable(new Error('plain'))).toBe(false);
  });
});
