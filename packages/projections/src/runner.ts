// Follows the global log from the projections' checkpoints and keeps their read models current.
import type { EventStore, Position, RecordedEvent, Subscription } from '@gongzhi/eventstore';
import { inBatches } from './batches.ts';
import {
  advanceCheckpoint,
  deleteCheckpoint,
  ensureCheckpointTable,
  readCheckpoints,
  writeCheckpoint,
  type Checkpoint,
} from './checkpoints.ts';
import { ReadModelLagError } from './errors.ts';
import { rebuildProjection, type RebuildProgress } from './rebuild.ts';
import { checkTableNames, createTables, dropRetiredTables, liveTables } from './tables.ts';
import type { Projection, ReadModelDatabase, ReadModels, RetiredProjection } from './types.ts';

export interface ProjectionRunnerOptions {
  store: EventStore;
  db: ReadModelDatabase;
  projections: readonly Projection[];
  /**
   * Projection versions no longer run. One whose checkpoint is still there (same name and
   * version) has its tables and checkpoint dropped before the projections start, so that
   * successors taking over its name or table names are created empty and, having no checkpoint,
   * built from the whole log.
   */
  retired?: readonly RetiredProjection[];
  /** Most events applied in one read-model transaction. */
  batchSize?: number;
  /** A failed batch is rolled back and retried after a pause; this hears about each failure. */
  onError?: (error: unknown) => void;
  /** Progress of the rebuilds the runner starts for projections whose version changed. */
  onRebuildProgress?: (projection: string, progress: RebuildProgress) => void;
}

/** What a committed batch changed: the last position applied and the streams it touched. */
export interface AppliedBatch {
  position: Position;
  streams: ReadonlySet<string>;
}

export interface ProjectionRunner extends ReadModels {
  /** Position every projection has passed; undefined until all have applied something. */
  position(): Position | undefined;
  /**
   * Hears about every batch once its read models are committed, for live pages (server-sent
   * events) that re-read what changed. Returns the way to stop listening.
   */
  onApplied(listener: (batch: AppliedBatch) => void): () => void;
  /** Finishes the batch in hand, then stops following. */
  stop(): Promise<void>;
}

export const defaultWaitTimeoutMs = 5_000;
const firstRetryDelayMs = 200;
const maxRetryDelayMs = 30_000;

function lowest(positions: Iterable<Position | undefined>): Position | undefined {
  let low: Position | undefined;
  let first = true;
  for (const position of positions) {
    if (position === undefined) return undefined;
    if (first || position < low!) low = position;
    first = false;
  }
  return low;
}

/**
 * Creates missing read-model tables, rebuilds projections whose version changed, then follows
 * `subscribeToAll` from the lowest checkpoint. Each batch of events is applied, and every
 * projection's checkpoint moved, in one transaction; inside it the stored checkpoints are read
 * again and events at or below them are skipped, so nothing is ever applied twice.
 */
export async function startProjectionRunner(
  options: ProjectionRunnerOptions,
): Promise<ProjectionRunner> {
  const { store, db, projections } = options;
  const batchSize = options.batchSize ?? 1_000;
  const onError = options.onError ?? ((error) => console.error('Projection runner:', error));
  const names = projections.map((p) => p.name);
  if (new Set(names).size !== names.length) throw new Error('Projection names must be unique');
  checkTableNames(projections);
  const retired = options.retired ?? [];
  if (retired.some((r) => projections.some((p) => p.name === r.name && p.version === r.version))) {
    throw new Error('A retired projection version cannot keep running');
  }
  checkTableNames(retired);

  await ensureCheckpointTable(db);
  const retiredStored = await readCheckpoints(
    db,
    db.dialect,
    retired.map((r) => r.name),
  );
  for (const projection of retired) {
    if (retiredStored.get(projection.name)?.version !== projection.version) continue;
    await db.transaction(async (tx) => {
      await dropRetiredTables(tx, projection);
      await deleteCheckpoint(tx, projection.name);
    });
  }
  const stored = await readCheckpoints(db, db.dialect, names);
  for (const projection of projections) {
    const checkpoint = stored.get(projection.name);
    if (!checkpoint) {
      await db.transaction(async (tx) => {
        await createTables(tx, projection, liveTables(projection));
        await writeCheckpoint(tx, {
          name: projection.name,
          version: projection.version,
          position: undefined,
        });
      });
    } else if (checkpoint.version !== projection.version) {
      await rebuildProjection({
        store,
        db,
        projection,
        batchSize,
        onProgress: (progress) => options.onRebuildProgress?.(projection.name, progress),
      });
    }
  }

  const checkpoints = new Map<string, Position | undefined>(
    [...(await readCheckpoints(db, db.dialect, names)).values()].map((c) => [c.name, c.position]),
  );
  const handled = projections.map((p) => new Set(p.eventTypes));
  // The same objects for every batch, so that projections may memoize statements per table set.
  const tables = projections.map((p) => liveTables(p));

  const waiters = new Set<{ position: Position; resolve: () => void }>();
  const position = () => (projections.length ? lowest(checkpoints.values()) : undefined);
  const reached = (target: Position) => {
    const low = position();
    return projections.length === 0 || (low !== undefined && low >= target);
  };

  async function applyBatch(events: RecordedEvent[]): Promise<Map<string, Checkpoint>> {
    const last = events[events.length - 1]!.position;
    return db.transaction(async (tx) => {
      const current = await readCheckpoints(tx, db.dialect, names, true);
      const after = projections.map((p) => current.get(p.name)?.position);
      // Projections own disjoint tables, so they go side by side: on PostgreSQL their statements
      // share the connection's pipeline instead of waiting for each other's round trips.
      // All settle before the transaction ends either way: a statement still running after a
      // rollback would otherwise commit on its own.
      const outcomes = await Promise.allSettled(
        projections.map(async (projection, i) => {
          const done = after[i];
          for (const event of events) {
            if (!handled[i]!.has(event.type) || (done !== undefined && event.position <= done)) {
              continue;
            }
            await projection.apply(tx, event, tables[i]!);
          }
        }),
      );
      for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
      for (let i = 0; i < projections.length; i++) {
        const done = after[i];
        if (done === undefined || last > done) {
          await advanceCheckpoint(tx, projections[i]!.name, last);
          current.set(names[i]!, { ...current.get(names[i]!)!, position: last });
        }
      }
      return current;
    });
  }

  const appliedListeners = new Set<(batch: AppliedBatch) => void>();

  function settle(committed: Map<string, Checkpoint>, events: RecordedEvent[]) {
    for (const [name, checkpoint] of committed) checkpoints.set(name, checkpoint.position);
    for (const waiter of waiters) {
      if (reached(waiter.position)) {
        waiters.delete(waiter);
        waiter.resolve();
      }
    }
    if (appliedListeners.size === 0) return;
    const batch = {
      position: events[events.length - 1]!.position,
      streams: new Set(events.map((event) => event.streamName)),
    };
    for (const listener of appliedListeners) {
      try {
        listener(batch);
      } catch (error) {
        onError(error);
      }
    }
  }

  let stopped = false;
  let subscription: Subscription | undefined;
  let wakeFromPause: (() => void) | undefined;

  async function follow() {
    let retryDelay = firstRetryDelayMs;
    while (!stopped) {
      subscription = store.subscribeToAll({ after: lowest(checkpoints.values()) });
      try {
        for await (const batch of inBatches(subscription, batchSize)) {
          settle(await applyBatch(batch), batch);
          retryDelay = firstRetryDelayMs;
          if (stopped) break;
        }
      } catch (error) {
        if (stopped) break;
        onError(error);
        await new Promise<void>((resolve) => {
          wakeFromPause = resolve;
          setTimeout(resolve, retryDelay);
        });
        retryDelay = Math.min(retryDelay * 2, maxRetryDelayMs);
      } finally {
        await subscription.stop();
      }
    }
  }
  const following = follow();

  return {
    db,
    position,
    onApplied(listener) {
      appliedListeners.add(listener);
      return () => appliedListeners.delete(listener);
    },
    waitForPosition(target, timeoutMs = defaultWaitTimeoutMs) {
      if (reached(target)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const waiter = {
          position: target,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new ReadModelLagError(target, position(), timeoutMs));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    async stop() {
      stopped = true;
      wakeFromPause?.();
      await subscription?.stop();
      await following;
    },
  };
}
