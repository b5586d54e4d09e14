// Opens what the API runs on: the event store, the read-model database, the projection runner
// (in this process), the auth tables (expired sessions pruned hourly), and the demo data on
// first run.
//
// - sqlite (default): one file, `${GONGZHI_DATA ?? <repo>/data}/gongzhi.sqlite`, holding events
//   and read models; the store and the read models each have their own connection.
// - postgres (GONGZHI_STORE=postgres): DATABASE_URL; events and read models in two schemas.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiServices } from '@gongzhi/api';
import { createLoginThrottle, createSessionStore, ensureAuthTables } from '@gongzhi/auth';
import type { EventStore, Position } from '@gongzhi/eventstore';
import { openPostgresEventStore } from '@gongzhi/eventstore/postgres';
import { openSqliteEventStore } from '@gongzhi/eventstore/sqlite';
import {
  startProjectionRunner,
  type ProjectionRunner,
  type ReadModelDatabase,
} from '@gongzhi/projections';
import { organisationProjection } from '@gongzhi/projections/organisation';
import { openPostgresReadModels } from '@gongzhi/projections/postgres';
import { openSqliteReadModels } from '@gongzhi/projections/sqlite';
import { seedDemoData, type DemoAccount } from './seed.ts';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export type RuntimeOptions =
  | { store: 'sqlite'; dataDir: string; seed: boolean }
  | {
      store: 'postgres';
      databaseUrl: string;
      /** Schemas for events and read models; tests use fresh ones. */
      eventSchema: string;
      readModelSchema: string;
      seed: boolean;
    };

export interface Runtime {
  readonly kind: RuntimeOptions['store'];
  /** The SQLite file, or the PostgreSQL URL without its password. */
  readonly location: string;
  readonly store: EventStore;
  readonly readModelDb: ReadModelDatabase;
  readonly runner: ProjectionRunner;
  readonly services: ApiServices;
  /** Demo accounts present in this data (empty when seeding is off). */
  readonly demoAccounts: DemoAccount[];
  /** Position of the last event in the store, as a decimal string, or null when empty. */
  headPosition(): Promise<string | null>;
  /** Deletes expired sessions and login failures too old to count; runs hourly and on start. */
  pruneAuthState(): Promise<{ sessions: number; loginFailures: number }>;
  close(): Promise<void>;
}

const AUTH_PRUNE_INTERVAL_MS = 60 * 60 * 1000;

export function runtimeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): RuntimeOptions {
  const seed = env.GONGZHI_SEED !== '0';
  const store = env.GONGZHI_STORE ?? 'sqlite';
  if (store === 'postgres') {
    return {
      store,
      databaseUrl: env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      eventSchema: env.GONGZHI_PG_EVENT_SCHEMA ?? 'eventstore',
      readModelSchema: env.GONGZHI_PG_READ_SCHEMA ?? 'readmodels',
      seed,
    };
  }
  if (store !== 'sqlite') {
    throw new Error(`GONGZHI_STORE must be sqlite or postgres, not ${store}`);
  }
  return { store, dataDir: env.GONGZHI_DATA ?? join(repoRoot, 'data'), seed };
}

function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

export async function openRuntime(
  options: RuntimeOptions,
  hooks: { onProjectionError?: (error: unknown) => void } = {},
): Promise<Runtime> {
  let store: EventStore;
  let readModelDb: ReadModelDatabase;
  let location: string;
  if (options.store === 'sqlite') {
    mkdirSync(options.dataDir, { recursive: true });
    location = join(options.dataDir, 'gongzhi.sqlite');
    store = await openSqliteEventStore({ path: location });
    readModelDb = await openSqliteReadModels(location);
  } else {
    location = withoutPassword(options.databaseUrl);
    store = await openPostgresEventStore({
      url: options.databaseUrl,
      schema: options.eventSchema,
    });
    readModelDb = await openPostgresReadModels({
      url: options.databaseUrl,
      schema: options.readModelSchema,
    });
  }

  await ensureAuthTables(readModelDb);
  const runner = await startProjectionRunner({
    store,
    db: readModelDb,
    projections: [organisationProjection],
    ...(hooks.onProjectionError ? { onError: hooks.onProjectionError } : {}),
  });
  const services: ApiServices = {
    store,
    readModels: runner,
    sessions: createSessionStore(readModelDb),
    loginThrottle: createLoginThrottle(readModelDb),
  };
  const demoAccounts = options.seed ? await seedDemoData({ store, readModels: runner }) : [];

  // Validation already refuses expired sessions and the throttle ignores old failures: this
  // only reclaims space, so a failure is logged and tried again at the next interval.
  const pruneAuthState = async () => ({
    sessions: await services.sessions.deleteExpired(),
    loginFailures: await services.loginThrottle.prune(),
  });
  await pruneAuthState();
  const pruneTimer = setInterval(() => {
    pruneAuthState().catch((error: unknown) => console.error('Pruning auth state:', error));
  }, AUTH_PRUNE_INTERVAL_MS);
  // The timer alone never keeps the process alive.
  pruneTimer.unref();

  return {
    kind: options.store,
    location,
    store,
    readModelDb,
    runner,
    services,
    demoAccounts,
    async headPosition() {
      const head: Position | undefined = await store.headPosition();
      return head === undefined ? null : String(head);
    },
    pruneAuthState,
    async close() {
      clearInterval(pruneTimer);
      await runner.stop();
      await readModelDb.close();
      await store.close();
    },
  };
}
