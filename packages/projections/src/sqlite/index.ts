// SQLite read models on better-sqlite3. The default one-machine deployment keeps events and read
// models in one file: this opens its own connection to that file, in WAL mode.
import Database from 'better-sqlite3';
import type { ReadModelDatabase, SqlExecutor, SqlRow, SqlValue } from '../types.ts';

export interface SqliteReadModelOptions {
  /** How long a statement waits for another connection's write lock. */
  busyTimeoutMs?: number;
}

/** Prepared statements kept per connection; a projection uses a handful, queries a few more. */
const statementCacheSize = 500;

/** Integers come back as numbers, or as bigints when a number would lose precision. */
function readInteger(value: bigint): number | bigint {
  return value >= Number.MIN_SAFE_INTEGER && value <= Number.MAX_SAFE_INTEGER
    ? Number(value)
    : value;
}

function readRow<Row extends SqlRow>(row: Record<string, unknown>): Row {
  for (const key in row) {
    const value = row[key];
    if (typeof value === 'bigint') row[key] = readInteger(value);
  }
  return row as Row;
}

/** SQLite has no booleans: they are stored as 1 and 0, as on PostgreSQL INTEGER columns. */
function bindable(params: SqlValue[]): (string | number | bigint | null)[] {
  // Copy only when needed: this runs for every statement of a replay.
  return params.some((p) => typeof p === 'boolean')
    ? params.map((p) => (typeof p === 'boolean' ? Number(p) : p))
    : (params as (string | number | bigint | null)[]);
}

/**
 * A promise chain that runs one task at a time, in call order. A task that finds the chain idle
 * runs at once: statements are synchronous, so nothing can come between it and its result, and
 * the reads that serve each request skip a few promises each.
 */
class Queue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;
  run<T>(task: () => T | Promise<T>): Promise<T> {
    if (this.pending === 0) {
      try {
        const value = task();
        if (!(value instanceof Promise)) return Promise.resolve(value);
        return this.chain(() => value);
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
    return this.chain(task);
  }
  private chain<T>(task: () => T | Promise<T>): Promise<T> {
    this.pending++;
    const result = this.tail.then(task);
    this.tail = result
      .catch(() => undefined)
      .finally(() => {
        this.pending--;
      });
    return result;
  }
}

const ended = () => Promise.reject(new Error('Statement issued after its transaction ended'));

const nextMacrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function openSqliteReadModels(
  path: string,
  options: SqliteReadModelOptions = {},
): Promise<ReadModelDatabase> {
  const connection = new Database(path);
  connection.pragma('journal_mode = WAL');
  // Safe against a process crash; a power cut can lose the last commits, and their checkpoint
  // with them, so the runner simply applies those events again.
  connection.pragma('synchronous = NORMAL');
  connection.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`);
  connection.defaultSafeIntegers(true);

  const statements = new Map<string, Database.Statement>();
  function prepare(sql: string): Database.Statement {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= statementCacheSize) {
        statements.delete(statements.keys().next().value as string);
      }
      statement = connection.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  }

  // The statements themselves, synchronous as better-sqlite3 runs them.
  const sync = {
    run: (sql: string, params: SqlValue[] = []) => ({
      changes: prepare(sql).run(bindable(params)).changes,
    }),
    all: <Row extends SqlRow>(sql: string, params: SqlValue[] = []) =>
      (prepare(sql).all(bindable(params)) as Record<string, unknown>[]).map((row) =>
        readRow<Row>(row),
      ),
    get: <Row extends SqlRow>(sql: string, params: SqlValue[] = []) => {
      const row = prepare(sql).get(bindable(params)) as Record<string, unknown> | undefined;
      return row && readRow<Row>(row);
    },
  };
  const executor: SqlExecutor = {
    run: async (sql, params) => sync.run(sql, params),
    all: async (sql, params) => sync.all(sql, params),
    get: async (sql, params) => sync.get(sql, params),
  };

  // One connection, so statements outside a transaction wait for a running one rather than
  // reading its uncommitted rows.
  const queue = new Queue();

  return {
    dialect: 'sqlite',
    run: (sql, params) => queue.run(() => sync.run(sql, params)),
    all: (sql, params) => queue.run(() => sync.all(sql, params)),
    get: (sql, params) => queue.run(() => sync.get(sql, params)),
    transaction: (work) =>
      queue.run(async () => {
        // Start from an empty microtask queue. Statements here are synchronous, so as long as
        // `work` awaits only them, no other code of this process runs until COMMIT. That matters
        // when the event store shares the file in this process: its synchronous append would
        // otherwise wait, blocking the thread, for a write lock this transaction holds.
        await nextMacrotask();
        connection.exec('BEGIN IMMEDIATE');
        // A statement issued after the end (by a chain `work` did not wait for) must fail, not
        // run on its own outside the transaction.
        let open = true;
        const tx: SqlExecutor = {
          run: (sql, params) => (open ? executor.run(sql, params) : ended()),
          all: <Row extends SqlRow>(sql: string, params?: SqlValue[]) =>
            open ? executor.all<Row>(sql, params) : ended(),
          get: <Row extends SqlRow>(sql: string, params?: SqlValue[]) =>
            open ? executor.get<Row>(sql, params) : ended(),
        };
        try {
          const result = await work(tx);
          open = false;
          connection.exec('COMMIT');
          return result;
        } catch (error) {
          open = false;
          if (connection.inTransaction) connection.exec('ROLLBACK');
          throw error;
        }
      }),
    close: () =>
      queue.run(() => {
        connection.close();
      }),
  };
}
