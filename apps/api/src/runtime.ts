// Opens what the API runs on: the event store, the read-model database, the projection runner
// (in this process), the auth tables (expired sessions pruned hourly), the sweeps that send
// residents' notices and carry out workers' confirmed erasures once due, and the demo data on
// first run.
//
// - sqlite (default): one file, `${GONGZHI_DATA ?? <repo>/data}/gongzhi.sqlite`, holding events
//   and read models; the store and the read models each have their own connection.
// - postgres (GONGZHI_STORE=postgres): DATABASE_URL; events and read models in two schemas.
// - kurrentdb (GONGZHI_STORE=kurrentdb): events in KURRENTDB_URL, read models in DATABASE_URL;
//   the adapter has been checked only against the event-store contract suite.
//
// Personal data: the store is wrapped by withPersonalData, so that `personal` objects are
// encrypted with each resident's key before they are written and decrypted on every read, the
// projection runner's included. The keys sit in `pii_keys` beside the read models, wrapped by the
// master key: GONGZHI_MASTER_KEY (base64, 32 bytes), else `<data folder>/master.key`, generated
// with owner-only permissions on first start (on PostgreSQL too: there the data folder holds
// only the key; several API instances must share GONGZHI_MASTER_KEY).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  carryOutDueErasures,
  remindShifts,
  codeSenderFromEnv,
  consoleCodeSender,
  createPhoneCodes,
  createPhotoFiles,
  createSignInCodes,
  drainOutbox,
  ensurePhoneCodeTable,
  ensurePhotoTable,
  notificationSenderFromEnv,
  type ApiServices,
  type NotificationSender,
  type OneTimeCodeSender,
  type PhotoFiles,
} from '@gongzhi/api';
import {
  createLoginThrottle,
  createPersonalDataVault,
  createPhoneDigester,
  createShiftCodes,
  createSessionStore,
  ensureAuthTables,
  loadOrCreateMasterKey,
  loadWrappingKey,
  withoutPersonalData,
  withPersonalData,
  type MasterKey,
} from '@gongzhi/auth';
import { eventUpcasters } from '@gongzhi/domain';
import { withUpcasters, type EventStore, type Position } from '@gongzhi/eventstore';
import { openKurrentDbEventStore } from '@gongzhi/eventstore/kurrentdb';
import { openPostgresEventStore } from '@gongzhi/eventstore/postgres';
import { openSqliteEventStore } from '@gongzhi/eventstore/sqlite';
import {
  retiredProjections,
  startProjectionRunner,
  type Projection,
  type ProjectionRunner,
  type ReadModelDatabase,
} from '@gongzhi/projections';
import {
  ballotTallyProjection,
  ballotVoterProjection,
  createBallotProjection,
  createBallotSeal,
  paperBallotProjection,
} from '@gongzhi/projections/ballot';
import { createAsOfSnapshots } from '@gongzhi/projections/as-of';
import { openClusterLocks, startElectedRunner } from '@gongzhi/projections/cluster';
import { cycleProjection } from '@gongzhi/projections/cycle';
import {
  meetingProjection,
  minutesProjection,
  resolutionProjection,
  topicProjection,
  bodyFollowerProjection,
} from '@gongzhi/projections/meeting';
import {
  ensureNotificationStateTables,
  notificationProjection,
} from '@gongzhi/projections/notification';
import { organisationProjection, staffProjection } from '@gongzhi/projections/organisation';
import { ledgerProjection } from '@gongzhi/projections/ledger';
import { catalogueProjection, offCatalogueProjection } from '@gongzhi/projections/catalogue';
import { outcomeProjection } from '@gongzhi/projections/outcome';
import { openPostgresReadModels } from '@gongzhi/projections/postgres';
import { projectProjection, supervisionProjection } from '@gongzhi/projections/project';
import { reportProjection } from '@gongzhi/projections/report';
import {
  feedbackProjection,
  proposalProjection,
  roundTableProjection,
} from '@gongzhi/projections/proposal';
import {
  actsOnBehalfProjection,
  enableSecureDelete,
  ensureErasureStateTable,
  residentProjection,
} from '@gongzhi/projections/resident';
import { openSqliteReadModels } from '@gongzhi/projections/sqlite';
import {
  activityProjection,
  certificateProjection,
  needProjection,
  teamProjection,
} from '@gongzhi/projections/team';
import type { DemoSignIn } from './seed/accounts.ts';
import { seedDemoData } from './seed/index.ts';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

interface CommonOptions {
  seed: boolean;
  /** The master key itself (tests); else from GONGZHI_MASTER_KEY or the data folder. */
  masterKey?: Uint8Array;
  /**
   * Delivers one-time codes: the console by default; GONGZHI_CODE_SENDER=file:<path> appends them
   * to a file (browser tests); API tests read them from memory.
   */
  codeSender?: OneTimeCodeSender;
  /**
   * Drains the outbox of residents' notices every few seconds: GONGZHI_NOTIFICATION_SENDER
   * (console by default). Without one, messages stay in the outbox (`drainOutbox` sends them).
   */
  notificationSender?: NotificationSender | null;
  /**
   * How long a query waits for the read models to reach the position its caller wrote
   * (GONGZHI_READ_WAIT_MS; default the API's 2 s), then answers with what they hold.
   */
  readWaitMs?: number;
}

export type RuntimeOptions = CommonOptions &
  (
    | {
        store: 'sqlite';
        dataDir: string;
        /**
         * 'full' (the default: an acknowledged append survives a power cut) or 'normal', for
         * generating data that can be generated again (bench/changshu.ts).
         */
        durability?: 'full' | 'normal';
      }
    | {
        store: 'postgres';
        databaseUrl: string;
        /** Schemas for events and read models; tests use fresh ones. */
        eventSchema: string;
        readModelSchema: string;
        /**
         * Where master.key (when GONGZHI_MASTER_KEY is not set) and uploaded photos are kept;
         * default <repo>/data.
         */
        dataDir?: string;
        /**
         * One of several API processes on this database (GONGZHI_SCALE_OUT=1): the projection
         * runner runs in whichever holds the worker lock, and the gates hold across processes
         * (packages/projections/src/cluster).
         */
        scaleOut?: boolean;
      }
    | {
        /** Events in KurrentDB (checked only against the contract suite), read models in PostgreSQL. */
        store: 'kurrentdb';
        kurrentDbUrl: string;
        databaseUrl: string;
        readModelSchema: string;
        dataDir?: string;
      }
  );

export interface Runtime {
  readonly kind: RuntimeOptions['store'];
  /** The SQLite file, or the PostgreSQL URL without its password. */
  readonly location: string;
  readonly store: EventStore;
  readonly readModelDb: ReadModelDatabase;
  readonly runner: ProjectionRunner;
  /** Every read model the runner keeps, in the order it applies them. */
  readonly projections: readonly Projection[];
  readonly services: ApiServices;
  /** Where the master key came from; `new-file`: tell the operator to back it up. */
  readonly masterKey: Omit<MasterKey, 'key'>;
  /**
   * Uploaded photos: files under `<data folder>/photos` on SQLite and on PostgreSQL alike (API
   * instances scaled out must share that folder), described by rows beside the read models.
   */
  readonly photos: PhotoFiles;
  /** Demo sign-ins (staff, and a resident) present in this data (empty when seeding is off). */
  readonly demoAccounts: DemoSignIn[];
  /** Position of the last event in the store, as a decimal string, or null when empty. */
  headPosition(): Promise<string | null>;
  /** Sends what is in the outbox with the notification sender now; how many were sent. */
  drainOutbox(): Promise<number>;
  /**
   * Carries out workers' confirmed erasures whose delay has passed (and finishes any cut short);
   * every minute and on start. How many were finished.
   */
  carryOutErasures(): Promise<number>;
  /** Sends the volunteer-shift reminders due now (also every few minutes); how many shifts. */
  remindShifts(): Promise<number>;
  /** Deletes expired sessions, old login failures and old phone codes; hourly and on start. */
  pruneAuthState(): Promise<{ sessions: number; loginFailures: number; phoneCodes: number }>;
  close(): Promise<void>;
}

const AUTH_PRUNE_INTERVAL_MS = 60 * 60 * 1000;
const OUTBOX_DRAIN_INTERVAL_MS = 3_000;
const ERASURE_SWEEP_INTERVAL_MS = 60_000;
/** How often shifts starting within a day are looked at for reminders to confirm. */
const SHIFT_REMINDER_INTERVAL_MS = 5 * 60_000;

export function runtimeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): RuntimeOptions {
  const seed = env.GONGZHI_SEED !== '0';
  const readWait = env.GONGZHI_READ_WAIT_MS ? { readWaitMs: Number(env.GONGZHI_READ_WAIT_MS) } : {};
  const codeSender = codeSenderFromEnv(env.GONGZHI_CODE_SENDER);
  const notificationSender = notificationSenderFromEnv(env.GONGZHI_NOTIFICATION_SENDER);
  const store = env.GONGZHI_STORE ?? 'sqlite';
  if (store === 'postgres') {
    return {
      store,
      codeSender,
      notificationSender,
      ...readWait,
      databaseUrl: env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      eventSchema: env.GONGZHI_PG_EVENT_SCHEMA ?? 'eventstore',
      readModelSchema: env.GONGZHI_PG_READ_SCHEMA ?? 'readmodels',
      dataDir: env.GONGZHI_DATA ?? join(repoRoot, 'data'),
      seed,
      scaleOut: env.GONGZHI_SCALE_OUT === '1',
    };
  }
  if (store === 'kurrentdb') {
    if (!env.KURRENTDB_URL) throw new Error('GONGZHI_STORE=kurrentdb needs KURRENTDB_URL');
    return {
      store,
      codeSender,
      notificationSender,
      kurrentDbUrl: env.KURRENTDB_URL,
      databaseUrl: env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      readModelSchema: env.GONGZHI_PG_READ_SCHEMA ?? 'readmodels',
      dataDir: env.GONGZHI_DATA ?? join(repoRoot, 'data'),
      seed,
    };
  }
  if (store !== 'sqlite') {
    throw new Error(`GONGZHI_STORE must be sqlite, postgres or kurrentdb, not ${store}`);
  }
  return {
    store,
    dataDir: env.GONGZHI_DATA ?? join(repoRoot, 'data'),
    seed,
    ...readWait,
    codeSender,
    notificationSender,
  };
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
  let rawStore: EventStore;
  let readModelDb: ReadModelDatabase;
  let location: string;
  if (options.store === 'sqlite') {
    mkdirSync(options.dataDir, { recursive: true });
    location = join(options.dataDir, 'gongzhi.sqlite');
    rawStore = await openSqliteEventStore({
      path: location,
      ...(options.durability ? { durability: options.durability } : {}),
    });
    readModelDb = await openSqliteReadModels(location);
  } else if (options.store === 'kurrentdb') {
    location = `${withoutPassword(options.kurrentDbUrl)} + ${withoutPassword(options.databaseUrl)}`;
    rawStore = await openKurrentDbEventStore({ url: options.kurrentDbUrl });
    readModelDb = await openPostgresReadModels({
      url: options.databaseUrl,
      schema: options.readModelSchema,
    });
  } else {
    location = withoutPassword(options.databaseUrl);
    rawStore = await openPostgresEventStore({
      url: options.databaseUrl,
      schema: options.eventSchema,
    });
    readModelDb = await openPostgresReadModels({
      url: options.databaseUrl,
      schema: options.readModelSchema,
    });
  }

  await ensureAuthTables(readModelDb);
  await ensurePhoneCodeTable(readModelDb);
  await ensurePhotoTable(readModelDb);
  await ensureNotificationStateTables(readModelDb);
  await ensureErasureStateTable(readModelDb);
  const dataDir = options.dataDir ?? join(repoRoot, 'data');
  const photos = createPhotoFiles(readModelDb, join(dataDir, 'photos'));
  const masterKey: MasterKey = options.masterKey
    ? { key: Buffer.from(options.masterKey), source: 'environment' }
    : loadOrCreateMasterKey(dataDir);
  const wrappingKey = options.masterKey ? undefined : loadWrappingKey(dataDir);
  const vault = createPersonalDataVault(readModelDb, masterKey.key, {
    ...(wrappingKey && { wrappingKey }),
  });
  // Upcasters outside personal data, so that they see plaintext (personal-data-store.ts); every
  // read of the log, the projections' included, sees the current version of each event.
  const store = withUpcasters(withPersonalData(rawStore, vault), eventUpcasters);
  const ballotSeal = createBallotSeal(masterKey.key);
  // A forgotten resident's purged rows must not stay readable in SQLite's free pages.
  await enableSecureDelete(readModelDb);
  const projections = [
    organisationProjection,
    staffProjection,
    residentProjection,
    actsOnBehalfProjection,
    cycleProjection,
    proposalProjection,
    roundTableProjection,
    feedbackProjection,
    notificationProjection,
    outcomeProjection,
    // The bulletin opens sealed ballots: it needs the ballot key, derived here.
    createBallotProjection(ballotSeal),
    ballotVoterProjection,
    ballotTallyProjection,
    paperBallotProjection,
    projectProjection,
    supervisionProjection,
    meetingProjection,
    topicProjection,
    bodyFollowerProjection,
    minutesProjection,
    resolutionProjection,
    ledgerProjection,
    catalogueProjection,
    offCatalogueProjection,
    teamProjection,
    activityProjection,
    needProjection,
    certificateProjection,
    reportProjection,
  ];
  const runnerOptions = {
    store,
    db: readModelDb,
    projections,
    retired: retiredProjections,
    ...(hooks.onProjectionError ? { onError: hooks.onProjectionError } : {}),
  };
  const scaledOut = options.store === 'postgres' && options.scaleOut === true;
  const runner =
    options.store === 'postgres' && scaledOut
      ? await startElectedRunner({
          ...runnerOptions,
          url: options.databaseUrl,
          schema: options.readModelSchema,
          onRoleChange: (worker) =>
            console.log(
              worker
                ? '  projection worker: this process (elected)'
                : '  projection worker: no longer this process',
            ),
        })
      : await startProjectionRunner(runnerOptions);
  const locks =
    options.store === 'postgres' && scaledOut
      ? openClusterLocks({ url: options.databaseUrl, schema: options.readModelSchema })
      : undefined;
  // Pages as of a past date: the same read models, built from the log as it stood then into
  // memory. Without personal data (nobody's name can come back from the past) and without
  // residents' notices, which no public page shows (docs/time-travel.md).
  const asOfSnapshots = createAsOfSnapshots({
    store: withUpcasters(withoutPersonalData(rawStore), eventUpcasters),
    projections: projections.filter((p) => p !== notificationProjection),
  });
  const services: ApiServices = {
    ...(locks && { locks }),
    asOf: (until) => asOfSnapshots.at(until),
    ...(options.readWaitMs !== undefined && { readYourWritesTimeoutMs: options.readWaitMs }),
    store,
    readModels: runner,
    sessions: createSessionStore(readModelDb),
    loginThrottle: createLoginThrottle(readModelDb),
    ballotSeal,
    signInCodes: createSignInCodes(masterKey.key),
    shiftCodes: createShiftCodes(masterKey.key),
    residents: {
      vault,
      digestPhone: createPhoneDigester(masterKey.key),
      codes: createPhoneCodes(readModelDb, masterKey.key),
      codeSender: options.codeSender ?? consoleCodeSender,
    },
  };
  const demoAccounts = options.seed
    ? await seedDemoData({
        store,
        readModels: runner,
        digestPhone: services.residents.digestPhone,
        ballotSeal,
      })
    : [];

  // Validation already refuses expired sessions and the throttle ignores old failures: this
  // only reclaims space, so a failure is logged and tried again at the next interval.
  const pruneAuthState = async () => ({
    sessions: await services.sessions.deleteExpired(),
    loginFailures: await services.loginThrottle.prune(),
    phoneCodes: await services.residents.codes.prune(),
  });
  await pruneAuthState();
  const pruneTimer = setInterval(() => {
    pruneAuthState().catch((error: unknown) => console.error('Pruning auth state:', error));
  }, AUTH_PRUNE_INTERVAL_MS);
  // The timer alone never keeps the process alive.
  pruneTimer.unref();

  // One drain at a time: each waits for the one before it.
  let draining: Promise<number> = Promise.resolve(0);
  const sender = options.notificationSender ?? null;
  const drain = () => {
    if (!sender) return Promise.resolve(0);
    const next = draining.then(() =>
      drainOutbox(readModelDb, sender, services.now ? { now: services.now } : {}),
    );
    draining = next.catch(() => 0);
    return next;
  };
  let drainTimer: NodeJS.Timeout | undefined;
  if (sender) {
    // The seed's notices go out before the start banner.
    await drain();
    drainTimer = setInterval(() => {
      drain().catch((error: unknown) => console.error('Sending notices:', error));
    }, OUTBOX_DRAIN_INTERVAL_MS);
    drainTimer.unref();
  }

  // One sweep at a time, as for the outbox; an erasure is idempotent, so an overlap would only
  // cost time.
  let sweeping: Promise<number> = Promise.resolve(0);
  const carryOutErasures = () => {
    const next = sweeping.then(() => carryOutDueErasures(services));
    sweeping = next.catch(() => 0);
    return next;
  };
  await carryOutErasures();
  const erasureTimer = setInterval(() => {
    carryOutErasures().catch((error: unknown) => console.error('Carrying out erasures:', error));
  }, ERASURE_SWEEP_INTERVAL_MS);
  erasureTimer.unref();

  // Volunteer shifts starting within a day: ask those who have not confirmed, once.
  const remindTimer = setInterval(() => {
    remindShifts(services).catch((error: unknown) => console.error('Shift reminders:', error));
  }, SHIFT_REMINDER_INTERVAL_MS);
  remindTimer.unref();

  return {
    kind: options.store,
    location,
    store,
    readModelDb,
    runner,
    projections,
    services,
    masterKey: { source: masterKey.source, ...(masterKey.path && { path: masterKey.path }) },
    photos,
    demoAccounts,
    async headPosition() {
      const head: Position | undefined = await store.headPosition();
      return head === undefined ? null : String(head);
    },
    drainOutbox: drain,
    carryOutErasures,
    remindShifts: () => remindShifts(services),
    pruneAuthState,
    async close() {
      clearInterval(pruneTimer);
      clearInterval(drainTimer);
      clearInterval(erasureTimer);
      clearInterval(remindTimer);
      await draining;
      await sweeping;
      await runner.stop();
      await asOfSnapshots.close();
      await locks?.close();
      await readModelDb.close();
      await store.close();
    },
  };
}
