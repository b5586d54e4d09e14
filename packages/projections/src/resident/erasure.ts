// Purging a forgotten resident's row is not enough on SQLite: the old bytes stay readable in the
// page's free space and in the write-ahead log. With secure_delete on, SQLite zeroes what it frees;
// truncating the log after the purge removes the older page images. (PostgreSQL keeps dead row
// versions until VACUUM and in its own WAL; see docs/security.md.)
import type { ReadModelDatabase } from '../types.ts';

/**
 * Makes the connection zero deleted and overwritten content. Call once on the read-model
 * database before starting the runner, so that the purge on ResidentForgotten leaves nothing.
 * No-op on PostgreSQL.
 */
export async function enableSecureDelete(db: ReadModelDatabase): Promise<void> {
  if (db.dialect === 'sqlite') await db.get('PRAGMA secure_delete = ON');
}

/**
 * Copies the write-ahead log into the database file and truncates it to nothing, so that page
 * images from before a purge are gone. Call after the runner applied ResidentForgotten (wait
 * for its position). The personal-data vault's `forget` does the same on its database.
 * No-op on PostgreSQL.
 */
export async function truncateWriteAheadLog(db: ReadModelDatabase): Promise<void> {
  if (db.dialect === 'sqlite') await db.get('PRAGMA wal_checkpoint(TRUNCATE)');
}
