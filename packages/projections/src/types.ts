// Read models are plain SQL tables kept by projections. One SQL dialect subset runs on both
// SQLite and PostgreSQL: `?` placeholders (rewritten to $n for PostgreSQL), TEXT/INTEGER/BIGINT
// columns, `INSERT ... ON CONFLICT (...) DO UPDATE`, no engine-specific functions.
import type { Position, RecordedEvent } from '@gongzhi/eventstore';

export type SqlValue = string | number | bigint | boolean | null;
export type SqlRow = Record<string, unknown>;

/** The statements a projection and a query may run. Inside a transaction on the writer side. */
export interface SqlExecutor {
  run(sql: string, params?: SqlValue[]): Promise<{ changes: number }>;
  all<Row extends SqlRow = SqlRow>(sql: string, params?: SqlValue[]): Promise<Row[]>;
  get<Row extends SqlRow = SqlRow>(sql: string, params?: SqlValue[]): Promise<Row | undefined>;
}

/** A read-model database (one SQLite file, or a PostgreSQL schema). */
export interface ReadModelDatabase extends SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs `work` in one transaction: all of it commits, or none of it. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Maps a projection's logical table names to physical ones, so that a rebuild can fill fresh
 * tables (`name__rebuild`) and swap them in.
 */
export type TableNames<Tables extends string> = Record<Tables, string>;

export interface Projection<Tables extends string = string> {
  /** Unique name; also the checkpoint key. */
  name: string;
  /** Bump when the schema or the meaning of apply changes: the runner then rebuilds. */
  version: number;
  tables: readonly Tables[];
  /**
   * DDL (CREATE TABLE / CREATE INDEX) for the given physical table names. Name indexes after
   * their table (`${t.items}_by_owner`): a rebuild creates them beside the live ones.
   */
  schema(t: TableNames<Tables>): string[];
  /** Event types this projection reads; others only move its checkpoint. */
  eventTypes: readonly string[];
  /**
   * Applies one event inside the runner's transaction. Must be deterministic, touch only this
   * projection's tables, and await nothing but statements on `tx`.
   */
  apply(tx: SqlExecutor, event: RecordedEvent, t: TableNames<Tables>): Promise<void>;
}

/**
 * A projection version no longer run, because the projection was split or removed: its name,
 * version and tables. Its successors may take over its name (with a higher version) and some of
 * its table names.
 */
export interface RetiredProjection {
  name: string;
  version: number;
  tables: readonly string[];
}

/** What query code gets: read access plus read-your-writes. */
export interface ReadModels {
  readonly db: SqlExecutor;
  /** Resolves once every projection has applied the event at `position` (or later), else rejects after `timeoutMs`. */
  waitForPosition(position: Position, timeoutMs?: number): Promise<void>;
}
