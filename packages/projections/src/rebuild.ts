// Rebuilds projections from the whole log into fresh tables, then swaps them in.
import type { EventStore, Position, RecordedEvent } from '@gongzhi/eventstore';
import { ensureCheckpointTable, readCheckpoints, writeCheckpoint } from './checkpoints.ts';
import { createTables, dropRebuildTables, rebuildTables, swapInRebuiltTables } from './tables.ts';
import type { Projection, ReadModelDatabase, SqlExecutor, TableNames } from './types.ts';

export interface RebuildProgress {
  /** Events read from the log so far (the projection may ignore some of their types). */
  events: number;
  /** Position of the last event read. */
  position: Position | undefined;
  /** Head of the log when the rebuild started. */
  headPosition: Position | undefined;
  /** Share of the log read, 0 to 1, judged by position. */
  fraction: number;
  eventsPerSecond: number;
  done: boolean;
}

export interface RebuildOptions {
  store: EventStore;
  db: ReadModelDatabase;
  projection: Projection;
  /** Events read per page and applied per transaction. */
  batchSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
}

export interface RebuildResult {
  events: number;
  position: Position | undefined;
}

/**
 * Replays the whole log into `<table>__rebuild` tables while the live tables keep serving, then,
 * in one transaction: applies the events written meanwhile, drops the live tables, renames the
 * new ones and sets the checkpoint. A runner that is following at the same time takes turns with
 * that transaction on the checkpoint row and continues after the rebuilt position.
 */
export function rebuildProjection(options: RebuildOptions): Promise<RebuildResult> {
  const { projection, ...rest } = options;
  return rebuildProjections({ ...rest, projections: [projection] });
}

/**
 * Rebuilds several projections as rebuildProjection does one, reading the log once for all of
 * them: a full rebuild of a large log is then one pass, not one per read model.
 */
export async function rebuildProjections(
  options: Omit<RebuildOptions, 'projection'> & { projections: readonly Projection[] },
): Promise<RebuildResult> {
  const { store, db, projections } = options;
  const batchSize = options.batchSize ?? 1_000;
  const each = projections.map((projection) => ({
    projection,
    handled: new Set(projection.eventTypes),
    tables: rebuildTables(projection),
  }));

  await ensureCheckpointTable(db);
  await db.transaction(async (tx) => {
    for (const { projection, tables } of each) {
      await dropRebuildTables(tx, projection);
      await createTables(tx, projection, tables);
    }
  });

  const started = performance.now();
  const headPosition = await store.headPosition();
  let firstPosition: Position | undefined;
  let position: Position | undefined;
  let events = 0;
  const report = (done: boolean) => {
    if (!options.onProgress) return;
    const seconds = (performance.now() - started) / 1000;
    let fraction = done ? 1 : 0;
    if (!done && position !== undefined && headPosition !== undefined) {
      const span = Number(headPosition - firstPosition!) + 1;
      fraction = Math.min(1, (Number(position - firstPosition!) + 1) / span);
    }
    options.onProgress({
      events,
      position,
      headPosition,
      fraction,
      eventsPerSecond: seconds > 0 ? events / seconds : 0,
      done,
    });
  };

  /**
   * Reads the log after `position` page by page into the rebuild tables, until a page comes back
   * short: the log's end as it was a moment ago (appends may go on).
   */
  const catchUp = async (pageInto: (page: RecordedEvent[]) => Promise<void>) => {
    for (;;) {
      const page = await store.readAll({ after: position, maxCount: batchSize });
      if (page.length > 0) {
        await pageInto(page);
        firstPosition ??= page[0]!.position;
        position = page[page.length - 1]!.position;
        events += page.length;
        report(false);
      }
      if (page.length < batchSize) return;
    }
  };
  const apply = async (tx: SqlExecutor, page: RecordedEvent[]) => {
    for (const { projection, handled, tables } of each) {
      await applyPage(tx, projection, handled, tables, page);
    }
  };

  await catchUp((page) => db.transaction((tx) => apply(tx, page)));
  await db.transaction(async (tx) => {
    // Lock the checkpoints first: events a runner applied before this point are in the log, so
    // the catch-up below reads them too.
    const names = projections.map((p) => p.name);
    await readCheckpoints(tx, db.dialect, names, true);
    await catchUp((page) => apply(tx, page));
    for (const { projection } of each) {
      await swapInRebuiltTables(tx, db.dialect, projection);
      await writeCheckpoint(tx, { name: projection.name, version: projection.version, position });
    }
  });
  report(true);
  return { events, position };
}

async function applyPage(
  tx: SqlExecutor,
  projection: Projection,
  handled: Set<string>,
  tables: TableNames<string>,
  page: RecordedEvent[],
) {
  for (const event of page) {
    if (handled.has(event.type)) await projection.apply(tx, event, tables);
  }
}
