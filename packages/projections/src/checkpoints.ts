// Each projection's checkpoint: the position of the last event it has taken into account, and
// the projection version its tables were built with. Written in the same transaction as the
// read-model rows, so the two never disagree.
import type { Position } from '@gongzhi/eventstore';
import type { ReadModelDatabase, SqlExecutor } from './types.ts';

export const checkpointTable = 'projection_checkpoints';

export interface Checkpoint {
  name: string;
  version: number;
  /** undefined: no event taken into account yet. */
  position: Position | undefined;
}

export async function ensureCheckpointTable(db: ReadModelDatabase): Promise<void> {
  await db.run(
    `CREATE TABLE IF NOT EXISTS ${checkpointTable} ` +
      '(name TEXT PRIMARY KEY, version INTEGER NOT NULL, position BIGINT)',
  );
}

const toCheckpoint = (row: { name: unknown; version: unknown; position: unknown }): Checkpoint => ({
  name: String(row.name),
  version: Number(row.version),
  position: row.position === null ? undefined : BigInt(row.position as number | bigint),
});

/**
 * Reads the checkpoints of `names`. With `lock` (inside a transaction) PostgreSQL locks their
 * rows until commit, so that a rebuild swapping tables and a runner applying events take turns;
 * SQLite needs nothing, its transactions already hold the database's write lock.
 */
export async function readCheckpoints(
  executor: SqlExecutor,
  dialect: ReadModelDatabase['dialect'],
  names: readonly string[],
  lock = false,
): Promise<Map<string, Checkpoint>> {
  if (names.length === 0) return new Map();
  const rows = await executor.all<{ name: unknown; version: unknown; position: unknown }>(
    `SELECT name, version, position FROM ${checkpointTable} WHERE name IN (${names.map(() => '?').join(', ')})` +
      (lock && dialect === 'postgres' ? ' ORDER BY name FOR UPDATE' : ''),
    [...names],
  );
  return new Map(rows.map((row) => [String(row.name), toCheckpoint(row)]));
}

export async function writeCheckpoint(tx: SqlExecutor, checkpoint: Checkpoint): Promise<void> {
  await tx.run(
    `INSERT INTO ${checkpointTable} (name, version, position) VALUES (?, ?, ?) ` +
      'ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position',
    [checkpoint.name, checkpoint.version, checkpoint.position ?? null],
  );
}

export async function advanceCheckpoint(
  tx: SqlExecutor,
  name: string,
  position: Position,
): Promise<void> {
  await tx.run(`UPDATE ${checkpointTable} SET position = ? WHERE name = ?`, [position, name]);
}

export async function deleteCheckpoint(tx: SqlExecutor, name: string): Promise<void> {
  await tx.run(`DELETE FROM ${checkpointTable} WHERE name = ?`, [name]);
}
