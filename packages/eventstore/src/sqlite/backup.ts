// Online backup of the SQLite file (events and read models together) while the server keeps
// writing: SQLite's backup API copies a consistent snapshot page by page from its own read-only
// connection, so the copy is the database as it stood at one commit. Restoring is copying the
// file back while no server holds it (apps/api/src/backup.ts).
import Database from 'better-sqlite3';

export interface SqliteBackupResult {
  pages: number;
  /** Position of the last event in the copy (undefined: no events). */
  headPosition: bigint | undefined;
}

export async function backupSqliteFile(
  source: string,
  destination: string,
): Promise<SqliteBackupResult> {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await db.backup(destination);
    const copy = new Database(destination, { readonly: true });
    try {
      return { pages: totalPages, headPosition: lastPosition(copy) };
    } finally {
      copy.close();
    }
  } finally {
    db.close();
  }
}

/** `ok`, or what SQLite's integrity check found wrong in the file, and its last event. */
export function checkSqliteFile(path: string): {
  integrity: string;
  headPosition: bigint | undefined;
} {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((row) => row.integrity_check)
      .join('; ');
    return { integrity, headPosition: lastPosition(db) };
  } finally {
    db.close();
  }
}

function lastPosition(db: Database.Database): bigint | undefined {
  const row = db.prepare('SELECT max(position) AS head FROM events').safeIntegers().get() as {
    head: bigint | null;
  };
  return row.head ?? undefined;
}
