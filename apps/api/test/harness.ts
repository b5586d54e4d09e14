// A server on a random port with a fresh store, on SQLite and on PostgreSQL, seeded as on a first
// `npm start`; plain tRPC calls over HTTP as a browser's or a script's would be.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { openPostgresEventStore } from '@gongzhi/eventstore/postgres';
import { openPostgresReadModels } from '@gongzhi/projections/postgres';
import type { HttpOptions } from '../src/answers.ts';
import { createDirectCalls } from '../src/direct-calls.ts';
import { createHttpApp } from '../src/http.ts';
import { openRuntime, type Runtime, type RuntimeOptions } from '../src/runtime.ts';
import { DEMO_ACCOUNTS } from '../src/seed/accounts.ts';
import { startServer, type StartedServer } from '../src/server.ts';

export const databaseUrl =
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface Engine {
  name: string;
  options(): RuntimeOptions;
  cleanUp(): Promise<void>;
}

function sqliteEngine(): Engine {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-api-'));
  return {
    name: 'sqlite',
    options: () => ({ store: 'sqlite', dataDir, seed: true }),
    cleanUp: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

function postgresEngine(): Engine {
  const prefix = `gz_api_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const eventSchema = `${prefix}_events`;
  const readModelSchema = `${prefix}_read`;
  return {
    name: 'postgres',
    options: () => ({ store: 'postgres', databaseUrl, eventSchema, readModelSchema, seed: true }),
    async cleanUp() {
      await (
        await openPostgresEventStore({ url: databaseUrl, schema: eventSchema })
      ).dropSchemaAndClose();
      await (
        await openPostgresReadModels({ url: databaseUrl, schema: readModelSchema })
      ).dropSchemaAndClose();
    },
  };
}

export const engines = [
  { name: 'sqlite', make: sqliteEngine },
  { name: 'postgres', make: postgresEngine },
];

export const demoPassword = (loginName: string) =>
  DEMO_ACCOUNTS.find((a) => a.loginName === loginName)!.password;

export interface Reply<Data = unknown> {
  status: number;
  body: {
    result?: { data: Data };
    error?: {
      message: string;
      data: { code: string; reason?: string; fieldErrors?: { path: string; message: string }[] };
    };
  };
  headers: Headers;
}

export interface CallOptions {
  /** Sign in as: sends the session cookie `signIn` stored under this name. */
  as?: string;
  headers?: Record<string, string>;
  /** A GET with the input in the query string (tRPC queries); else a POST with a JSON body. */
  query?: boolean;
}

/**
 * Starts a server for the `describe` block it is called in; stops it and drops its data after.
 * `http` sets the server's options (request log, trusted proxy) as main.ts does.
 */
export function useApiServer(engine: Engine, http: HttpOptions = {}) {
  let runtime: Runtime | undefined;
  let server: StartedServer | undefined;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    runtime = await openRuntime(engine.options());
    server = await startServer({
      app: createHttpApp(runtime, http),
      direct: createDirectCalls(runtime, http),
      trustProxy: http.trustProxy,
      port: 0,
      host: '127.0.0.1',
    });
  });

  afterAll(async () => {
    await server?.close();
    await runtime?.close();
    await engine.cleanUp();
  });

  const api = {
    get runtime(): Runtime {
      return runtime!;
    },
    get url(): string {
      return server!.url;
    },
    tokens,

    /** One tRPC call, unbatched; input travels as JSON (in the query string for queries). */
    async call<Data = unknown>(
      path: string,
      input: unknown,
      options: CallOptions = {},
    ): Promise<Reply<Data>> {
      const headers: Record<string, string> = { ...options.headers };
      if (options.as) headers.cookie = `gongzhi_session=${tokens.get(options.as)}`;
      const url = new URL(`/trpc/${path}`, server!.url);
      let response: Response;
      if (options.query) {
        if (input !== undefined) url.searchParams.set('input', JSON.stringify(input));
        response = await fetch(url, { headers });
      } else {
        headers['content-type'] = 'application/json';
        response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(input) });
      }
      return {
        status: response.status,
        body: (await response.json()) as Reply<Data>['body'],
        headers: response.headers,
      };
    },

    /**
     * Signs in and keeps the session token under `as` (default: the login name); returns the
     * Set-Cookie header. The password defaults to the demo account's.
     */
    async signIn(
      loginName: string,
      options: { password?: string; as?: string; headers?: Record<string, string> } = {},
    ): Promise<string> {
      const reply = await api.call(
        'auth.login',
        { loginName, password: options.password ?? demoPassword(loginName) },
        { headers: options.headers ?? {} },
      );
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      const cookie = reply.headers.getSetCookie().find((c) => c.startsWith('gongzhi_session='))!;
      tokens.set(options.as ?? loginName, /^gongzhi_session=([^;]+)/.exec(cookie)![1]!);
      return cookie;
    },

    head: () => runtime!.headPosition(),

    /** A refused act writes nothing: answered `status` (and `reason`), the log's head unmoved. */
    async refusedWritingNothing(reply: Promise<Reply>, status: number, reason?: string) {
      const before = await api.head();
      const answer = await reply;
      expect(answer.status, JSON.stringify(answer.body)).toBe(status);
      if (reason) expect(answer.body.error?.data).toMatchObject({ reason });
      expect(await api.head()).toBe(before);
    },
  };
  return api;
}

/**
 * Holds a read-model table back (PostgreSQL only): a second connection locks it against writes,
 * so the projections stop at the first event that writes to it while reads go on; a lag that
 * lasts exactly until the returned release is called (again is harmless).
 */
export async function holdReadModelTable(
  runtime: Runtime,
  table: string,
): Promise<() => Promise<void>> {
  const schema = (await runtime.services.readModels.db.get<{ name: string }>(
    'SELECT current_schema() AS name',
  ))!;
  const locker = await openPostgresReadModels({ url: databaseUrl, schema: schema.name });
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const holding = new Promise<void>((resolve) => (locked = resolve));
  const lock = locker.transaction(async (tx) => {
    await tx.run(`LOCK TABLE ${table} IN EXCLUSIVE MODE`);
    locked();
    await released;
  });
  await Promise.race([holding, lock]);
  let closed: Promise<void> | undefined;
  return () => {
    release();
    closed ??= lock.then(() => locker.close());
    return closed;
  };
}

/**
 * Settles once the server waits for the read models to apply a position beyond `after`, that is
 * once it has written past `after` and waits to answer; `restore` puts the wait back.
 */
export function waitsBeyond(runtime: Runtime, after: bigint) {
  const { readModels } = runtime.services;
  const wait = readModels.waitForPosition;
  let seen!: () => void;
  const waiting = new Promise<void>((resolve) => (seen = resolve));
  readModels.waitForPosition = (position, timeoutMs) => {
    if (position > after) seen();
    return wait.call(readModels, position, timeoutMs);
  };
  return { waiting, restore: () => (readModels.waitForPosition = wait) };
}
