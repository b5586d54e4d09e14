// Auth state lives beside the read models (one SQLite file, or a PostgreSQL schema) but is not
// a projection: sessions, login failures and personal-data keys are operational security state,
// never rebuilt from events. The DDL stays in the dialect subset both engines accept.
import type { SqlExecutor } from '@gongzhi/projections';

const AUTH_TABLES = [
  `CREATE TABLE IF NOT EXISTS auth_sessions (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_active_at BIGINT NOT NULL,
    user_agent TEXT,
    ip TEXT
  )`,
  `CREATE INDEX IF NOT EXISTS auth_sessions_by_account ON auth_sessions (account_id)`,
  `CREATE TABLE IF NOT EXISTS auth_login_failures (
    id TEXT PRIMARY KEY,
    account_key TEXT,
    address_key TEXT,
    failed_at BIGINT NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS auth_login_failures_by_account
    ON auth_login_failures (account_key, failed_at)`,
  `CREATE INDEX IF NOT EXISTS auth_login_failures_by_address
    ON auth_login_failures (address_key, failed_at)`,
  `CREATE TABLE IF NOT EXISTS pii_keys (
    person_id TEXT PRIMARY KEY,
    wrapped_key TEXT NOT NULL,
    created_at BIGINT NOT NULL
  )`,
];

/** Creates the tables this package uses, if missing. Safe to call on every start. */
export async function ensureAuthTables(db: SqlExecutor): Promise<void> {
  for (const ddl of AUTH_TABLES) await db.run(ddl);
}
