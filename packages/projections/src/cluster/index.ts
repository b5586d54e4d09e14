// Several API processes on one PostgreSQL database (scaled out behind a load balancer):
//
// - exactly one of them runs the projection runner, the one holding a session-level advisory
//   lock on a dedicated connection. The others try for it every second, so one of them takes
//   over within about a second of the worker's connection closing (its process died, or the
//   database failed over). The holder checks every second that its session still holds the
//   lock; when the check fails (connection lost) it stops applying and tries again like the
//   others. Two runners overlapping for that second would do no harm: each batch re-reads the
//   checkpoints under a row lock and skips what is already applied.
// - read-your-writes on an instance without the runner watches the checkpoint table
//   (readModelsFromCheckpoints).
// - live updates: the worker NOTIFYs every applied batch (its last position and the streams it
//   touched) on the schema's channel; every instance LISTENs, so `onApplied` hears each batch
//   on every instance, wherever the runner runs.
// - cross-process locks (`ClusterLocks`) for the gates that one process held in memory: a
//   transaction-scoped advisory lock, shared or exclusive, held while the work runs.
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import type { Position } from '@gongzhi/eventstore';
import { ensureCheckpointTable } from '../checkpoints.ts';
import { readModelsFromCheckpoints } from '../read-models.ts';
import {
  startProjectionRunner,
  type AppliedBatch,
  type ProjectionRunner,
  type ProjectionRunnerOptions,
} from '../runner.ts';

/** Advisory locks of Gongzhi use this first key; the second is a hash of the lock's name. */
const LOCK_SPACE = 0x677a; // 'gz'
const ELECTION_INTERVAL_MS = 1_000;
/** NOTIFY payloads are limited to 8000 bytes; a batch touching more streams sends several. */
const PAYLOAD_LIMIT = 7_000;
const QUERY_LIMIT_MS = 3_000;
const STOP_LIMIT_MS = 10_000;

class NoAnswerError extends Error {}

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NoAnswerError(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

export interface ElectedRunnerOptions extends ProjectionRunnerOptions {
  url: string;
  /** The read-model schema: the lock, the channel and the checkpoints are this schema's. */
  schema: string;
  /** Hears when this process becomes the worker, or stops being it. */
  onRoleChange?: (worker: boolean) => void;
}

export interface ElectedRunner extends ProjectionRunner {
  /** Whether this process runs the projections now. */
  isWorker(): boolean;
}

interface Signal {
  /** The sending instance. */
  i: string;
  p: string;
  s: string[];
}

/**
 * A ProjectionRunner for one of several processes: runs the real runner while elected, and
 * otherwise answers from the checkpoints and the worker's notifications.
 */
export async function startElectedRunner(options: ElectedRunnerOptions): Promise<ElectedRunner> {
  const { url, schema, db } = options;
  const instance = randomUUID();
  const channel = `gongzhi_applied_${schema}`;
  const onError = options.onError ?? ((error) => console.error('Projection worker:', error));
  const names = options.projections.map((p) => p.name);
  const fromCheckpoints = readModelsFromCheckpoints({ db, projections: names });
  // One connection for the session lock, one for LISTEN/NOTIFY; neither is ever shared.
  const connectElection = () =>
    postgres(url, { max: 1, idle_timeout: 0, max_lifetime: null, onnotice: () => undefined });
  // Replaced when a query on it does not answer in time (a connection left hanging by a failover).
  let election = connectElection();
  const answered = async <T>(query: Promise<T>): Promise<T> => {
    try {
      return await within(QUERY_LIMIT_MS, query);
    } catch (error) {
      if (error instanceof NoAnswerError) {
        const hanging = election;
        election = connectElection();
        void hanging.end({ timeout: 0 }).catch(() => undefined);
      }
      throw error;
    }
  };
  const signals = postgres(url, {
    max: 1,
    idle_timeout: 0,
    max_lifetime: null,
    onnotice: () => undefined,
  });

  const listeners = new Set<(batch: AppliedBatch) => void>();
  let lastSeen: Position | undefined;
  const deliver = (batch: AppliedBatch) => {
    if (lastSeen === undefined || batch.position > lastSeen) lastSeen = batch.position;
    for (const listener of listeners) {
      try {
        listener(batch);
      } catch (error) {
        onError(error);
      }
    }
  };
  await signals.listen(channel, (payload) => {
    const signal = JSON.parse(payload) as Signal;
    if (signal.i === instance) return;
    deliver({ position: BigInt(signal.p), streams: new Set(signal.s) });
  });

  const announce = (batch: AppliedBatch) => {
    const payloads: string[] = [];
    let streams: string[] = [];
    const flush = () => {
      payloads.push(JSON.stringify({ i: instance, p: String(batch.position), s: streams }));
      streams = [];
    };
    let size = 0;
    for (const stream of batch.streams) {
      if (size + stream.length > PAYLOAD_LIMIT && streams.length > 0) {
        flush();
        size = 0;
      }
      streams.push(stream);
      size += stream.length + 3;
    }
    flush();
    for (const payload of payloads) {
      signals.notify(channel, payload).catch(onError);
    }
  };

  let runner: ProjectionRunner | undefined;
  let stopped = false;
  let wake: (() => void) | undefined;
  const lockName = `projection-worker:${schema}`;

  const holdsLock = async () => {
    const [row] = await answered(election<{ held: boolean }[]>`
      SELECT count(*) > 0 AS held FROM pg_locks
      WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid()
        AND classid = ${LOCK_SPACE}::oid AND objid = hashtext(${lockName})::oid`);
    return row?.held === true;
  };

  async function serve(onStarted: () => void) {
    const started = await startProjectionRunner(options);
    runner = started;
    onStarted();
    const stopListening = started.onApplied((batch) => {
      deliver(batch);
      announce(batch);
    });
    options.onRoleChange?.(true);
    try {
      while (!stopped && (await holdsLock().catch(() => false))) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, ELECTION_INTERVAL_MS);
        });
      }
    } finally {
      runner = undefined;
      stopListening();
      options.onRoleChange?.(false);
      // A batch stuck on a dead connection must not keep this process from campaigning again;
      // the checkpoints keep a late batch from applying anything twice.
      await within(STOP_LIMIT_MS, started.stop()).catch(onError);
    }
  }

  // Settles once the first try for the lock is decided (and, when won, the runner has started):
  // the process then starts serving knowing its role.
  let firstTry: () => void = () => undefined;
  const firstTried = new Promise<void>((resolve) => (firstTry = resolve));

  async function campaign() {
    while (!stopped) {
      try {
        const [row] = await answered(election<{ won: boolean }[]>`
          SELECT pg_try_advisory_lock(${LOCK_SPACE}, hashtext(${lockName})) AS won`);
        if (row?.won) await serve(firstTry);
      } catch (error) {
        if (!stopped) onError(error);
      }
      firstTry();
      if (stopped) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, ELECTION_INTERVAL_MS);
      });
    }
  }
  // Instances that do not run the projections read the checkpoints: the table exists from start.
  await ensureCheckpointTable(db);
  const campaigning = campaign();
  await firstTried;

  return {
    db,
    isWorker: () => runner !== undefined,
    position: () => runner?.position() ?? lastSeen,
    onApplied(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    waitForPosition: (target, timeoutMs) =>
      (runner ?? fromCheckpoints).waitForPosition(target, timeoutMs),
    async stop() {
      stopped = true;
      wake?.();
      await campaigning;
      await election.end({ timeout: 2 });
      await signals.end({ timeout: 2 });
    },
  };
}

/** Locks that hold across processes, for the gates one process used to keep in memory. */
export interface ClusterLocks {
  /**
   * Runs `work` while holding the lock `name`: shared with other shared holders, or exclusive.
   * Released when `work` settles (or when the connection holding it is lost).
   */
  withLock<T>(name: string, mode: 'shared' | 'exclusive', work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** ClusterLocks as transaction-scoped advisory locks, one pooled connection per lock held. */
export function openClusterLocks(options: {
  url: string;
  schema: string;
  max?: number;
}): ClusterLocks {
  const sql = postgres(options.url, { max: options.max ?? 20, onnotice: () => undefined });
  return {
    async withLock(name, mode, work) {
      const key = `${options.schema}:${name}`;
      let result: Awaited<ReturnType<typeof work>> | undefined;
      await sql.begin(async (tx) => {
        await (mode === 'shared'
          ? tx`SELECT pg_advisory_xact_lock_shared(${LOCK_SPACE}, hashtext(${key}))`
          : tx`SELECT pg_advisory_xact_lock(${LOCK_SPACE}, hashtext(${key}))`);
        result = await work();
      });
      return result as Awaited<ReturnType<typeof work>>;
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
