// PostgreSQL read models on the `postgres` client, one schema per deployment (or per test run).
import postgres from 'postgres';
import type { ReadModelDatabase, SqlExecutor, SqlRow, SqlValue } from '../types.ts';
import { pipelinedExecutor, type Send } from './pipeline.ts';
import { toNumberedPlaceholders } from './placeholders.ts';

export interface PostgresReadModelOptions {
  url: string;
  /** Schema that holds the read-model tables; created if missing. */
  schema: string;
  /** Pool size. */
  max?: number;
}

export interface PostgresReadModelDatabase extends ReadModelDatabase {
  readonly schema: string;
  /** Drops the schema and everything in it (tests), then closes. */
  dropSchemaAndClose(): Promise<void>;
}

const schemaName = /^[a-z_][a-z0-9_]{0,62}$/;

/** BIGINT reads as a number, or as a bigint when a number would lose precision. */
function parseBigint(text: string): number | bigint {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : BigInt(text);
}

/** Booleans are stored as 1 and 0 (INTEGER), as on SQLite, so one schema serves both. */
function bindable(params: SqlValue[]): (string | number | bigint | null)[] {
  // Most statements have no boolean: then no copy (a multi-row INSERT has thousands).
  return params.some((p) => typeof p === 'boolean')
    ? params.map((p) => (typeof p === 'boolean' ? Number(p) : p))
    : (params as (string | number | bigint | null)[]);
}

export async function openPostgresReadModels(
  options: PostgresReadModelOptions,
): Promise<PostgresReadModelDatabase> {
  const { schema } = options;
  if (!schemaName.test(schema)) throw new Error(`Invalid read-model schema name: ${schema}`);
  const sql = postgres(options.url, {
    max: options.max ?? 4,
    onnotice: () => undefined,
    connection: { search_path: schema },
    types: {
      bigint: { to: 20, from: [20], serialize: (x: bigint) => String(x), parse: parseBigint },
    },
  });
  await sql.unsafe(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);

  // Rewriting is cheap but runs once per statement; projections repeat a few statements.
  const rewritten = new Map<string, string>();
  const numbered = (text: string) => {
    let out = rewritten.get(text);
    if (out === undefined) {
      out = toNumberedPlaceholders(text);
      if (rewritten.size >= 1000) rewritten.clear();
      rewritten.set(text, out);
    }
    return out;
  };

  // The client's typings cannot express our custom bigint type, hence the casts below.
  const sendOn =
    (target: typeof sql): Send =>
    (text, params, merged = false) =>
      target.unsafe(merged ? text : numbered(text), bindable(params) as never[], {
        prepare: true,
      }) as unknown as ReturnType<Send>;
  const executorOf = (target: typeof sql): SqlExecutor => {
    const query = (text: string, params: SqlValue[] = []) => sendOn(target)(text, params);
    return {
      run: async (text, params) => ({ changes: (await query(text, params)).count }),
      all: async <Row extends SqlRow>(text: string, params?: SqlValue[]) =>
        (await query(text, params)) as unknown as Row[],
      get: async <Row extends SqlRow>(text: string, params?: SqlValue[]) =>
        (await query(text, params))[0] as Row | undefined,
    };
  };

  return {
    dialect: 'postgres',
    schema,
    ...executorOf(sql),
    // Writes in a transaction are batched and pipelined (pipeline.ts).
    transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      return sql.begin(async (tx) => {
        const executor = pipelinedExecutor(sendOn(tx as unknown as typeof sql));
        try {
          const result = await work(executor);
          await executor.settle();
          return result;
        } catch (error) {
          await executor.settle().catch(() => undefined);
          throw error;
        }
      }) as Promise<T>;
    },
    close: () => sql.end({ timeout: 5 }),
    async dropSchemaAndClose() {
      await sql.unsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await sql.end({ timeout: 5 });
    },
  };
}
