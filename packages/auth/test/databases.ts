// TEMPORARY test adapters: ReadModelDatabase over better-sqlite3 and `postgres`, written before
// @gongzhi/projections had its own. Replace with openSqliteReadModels / openPostgresReadModels
// from that package once they exist, and delete this file.
import Database from 'better-sqlite3';
import postgres from 'postgres';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReadModelDatabase, SqlExecutor, SqlRow, SqlValue } from '@gongzhi/projections';
import { ensureAuthTables } from '../src/index.ts';

export interface TestDatabase {
  db: ReadModelDatabase;
  /** The SQLite file (SQLite only). */
  file?: string;
  /** Closes and deletes everything the test database held. */
  dispose(): Promise<void>;
}

export const DIALECTS = ['sqlite', 'postgres'] as const;

export function openTestDatabase(dialect: (typeof DIALECTS)[number]): Promise<TestDatabase> {
  return dialect === 'sqlite' ? openSqlite() : openPostgres();
}

async function openSqlite(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-auth-'));
  const file = join(dir, 'read-models.db');
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  const bind = (params: SqlValue[] = []) =>
    params.map((value) => (typeof value === 'boolean' ? Number(value) : value));
  const executor: SqlExecutor = {
    run: async (sql, params) => ({ changes: sqlite.prepare(sql).run(bind(params)).changes }),
    all: async <Row extends SqlRow>(sql: string, params?: SqlValue[]) =>
      sqlite.prepare(sql).all(bind(params)) as Row[],
    get: async <Row extends SqlRow>(sql: string, params?: SqlValue[]) =>
      sqlite.prepare(sql).get(bind(params)) as Row | undefined,
  };
  const db: ReadModelDatabase = {
    ...executor,
    dialect: 'sqlite',
    async transaction(work) {
      sqlite.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(executor);
        sqlite.exec('COMMIT');
        return result;
      } catch (error) {
        sqlite.exec('ROLLBACK');
        throw error;
      }
    },
    close: async () => void sqlite.close(),
  };
  await ensureAuthTables(db);
  return {
    db,
    file,
    async dispose() {
      if (sqlite.open) sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const toPositional = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

async function openPostgres(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const schema = `auth_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const sql = postgres(url, {
    max: 2,
    onnotice: () => {},
    connection: { search_path: schema },
  });
  await sql.unsafe(`CREATE SCHEMA ${schema}`);
  const executorOf = (client: Pick<postgres.Sql, 'unsafe'>): SqlExecutor => {
    const query = async (text: string, params: SqlValue[] = []) =>
      client.unsafe(toPositional(text), params as postgres.ParameterOrJSON<never>[]);
    return {
      run: async (text, params) => ({ changes: (await query(text, params)).count }),
      all: async <Row extends SqlRow>(text: string, params?: SqlValue[]) =>
        [...(await query(text, params))] as unknown as Row[],
      get: async <Row extends SqlRow>(text: string, params?: SqlValue[]) =>
        (await query(text, params))[0] as unknown as Row | undefined,
    };
  };
  const db: ReadModelDatabase = {
    ...executorOf(sql),
    dialect: 'postgres',
    transaction: (work) => sql.begin((tx) => work(executorOf(tx))) as never,
    close: () => sql.end(),
  };
  await ensureAuthTables(db);
  return {
    db,
    async dispose() {
      await sql.unsafe(`DROP SCHEMA ${schema} CASCADE`);
      await sql.end();
    },
  };
}
