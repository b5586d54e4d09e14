// Read models as they stood at a past instant, for pages "as of" a date: the same projections,
// rebuilt (the rebuild path, as `npm run rebuild` runs it) from the log as it stood then into a
// fresh in-memory SQLite database. A few snapshots are kept, the most recently used; one is
// built again when an event it should hold arrived after it was built (a resident forgotten, or
// an event dated before its instant). docs/time-travel.md, decision 0013.
import type { EventStore, Position } from '@gongzhi/eventstore';
import { rebuildProjections } from '../rebuild.ts';
import { openSqliteReadModels } from '../sqlite/index.ts';
import type { Projection, ReadModelDatabase, ReadModels } from '../types.ts';
import { holds, logAsOf, type LogAsOf } from './view.ts';

/** What the queries of a past view read: the log then, and the read models built from it. */
export interface AsOfSnapshot {
  readonly until: Date;
  /** The log as it stood (read-only). */
  readonly store: EventStore;
  /** The read models as they stood; complete, so waiting for a position never waits. */
  readonly readModels: ReadModels;
  /** How many events it holds. */
  readonly events: number;
  /** How long building it took, in milliseconds. */
  readonly buildMs: number;
}

export interface AsOfSnapshotsOptions {
  /** The log, as the projections read it (personal data left out: see withoutPersonalData). */
  store: EventStore;
  projections: readonly Projection[];
  /** Event types every view includes whatever their date; default ResidentForgotten. */
  alwaysIncluded?: readonly string[];
  /** How many snapshots to keep; default 4. */
  cacheSize?: number;
  /** How long an evicted snapshot stays open for the queries still reading it; default 60 s. */
  closeDelayMs?: number;
}

export interface AsOfSnapshots {
  /** The read models as of `until` (events dated before it), built or from the cache. */
  at(until: Date): Promise<AsOfSnapshot>;
  close(): Promise<void>;
}

interface Built {
  snapshot: AsOfSnapshot;
  db: ReadModelDatabase;
  view: LogAsOf;
  /** The log's head before it was built: later events are checked before each use. */
  checkedTo: Position | undefined;
}

const pageSize = 1_000;

export function createAsOfSnapshots(options: AsOfSnapshotsOptions): AsOfSnapshots {
  const { store, projections } = options;
  const alwaysIncluded = new Set(options.alwaysIncluded ?? ['ResidentForgotten']);
  const cacheSize = options.cacheSize ?? 4;
  const closeDelayMs = options.closeDelayMs ?? 60_000;
  // Insertion order is use order: the first entry is the least recently used.
  const cache = new Map<number, Promise<Built>>();
  // Evicted or stale snapshots, closed a while later.
  const closing = new Map<Promise<Built>, NodeJS.Timeout>();
  const closeNow = (entry: Promise<Built>) =>
    entry.then((built) => built.db.close()).catch(() => undefined);

  async function build(until: Date): Promise<Built> {
    const started = performance.now();
    const view: LogAsOf = { until, alwaysIncluded };
    const checkedTo = await store.headPosition();
    const past = logAsOf(store, view);
    const db = await openSqliteReadModels(':memory:');
    try {
      const { events } = await rebuildProjections({ store: past, db, projections });
      const readModels: ReadModels = { db, waitForPosition: () => Promise.resolve() };
      const buildMs = performance.now() - started;
      return { snapshot: { until, store: past, readModels, events, buildMs }, db, view, checkedTo };
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  /** Whether nothing the snapshot should hold was written after it was built. */
  async function stillCurrent(built: Built): Promise<boolean> {
    const head = await store.headPosition();
    let after = built.checkedTo;
    while (head !== undefined && (after === undefined || after < head)) {
      const page = await store.readAll({ after, maxCount: pageSize });
      if (page.some((event) => holds(built.view, event))) return false;
      if (page.length === 0) break;
      after = page[page.length - 1]!.position;
      if (page.length < pageSize) break;
    }
    built.checkedTo = after;
    return true;
  }

  function closeLater(entry: Promise<Built>) {
    const timer = setTimeout(() => {
      closing.delete(entry);
      void closeNow(entry);
    }, closeDelayMs);
    timer.unref();
    closing.set(entry, timer);
  }

  function drop(key: number, entry: Promise<Built>) {
    if (cache.get(key) === entry) cache.delete(key);
    closeLater(entry);
  }

  return {
    async at(until) {
      const key = until.getTime();
      const cached = cache.get(key);
      if (cached) {
        cache.delete(key);
        cache.set(key, cached);
        const built = await cached.catch(() => undefined);
        if (built && (await stillCurrent(built))) return built.snapshot;
        drop(key, cached);
      }
      const entry = build(until);
      cache.set(key, entry);
      entry.catch(() => cache.get(key) === entry && cache.delete(key));
      while (cache.size > cacheSize) {
        const [oldest, evicted] = cache.entries().next().value!;
        drop(oldest, evicted);
      }
      return (await entry).snapshot;
    },
    async close() {
      for (const timer of closing.values()) clearTimeout(timer);
      const entries = [...cache.values(), ...closing.keys()];
      cache.clear();
      closing.clear();
      await Promise.all(entries.map(closeNow));
    },
  };
}
