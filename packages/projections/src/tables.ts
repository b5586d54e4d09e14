// Physical tables of a projection. The live tables carry the logical names; a rebuild fills
// `<name>__rebuild` tables and swaps them in. Index names must contain their table's name
// (`${t.items}_by_owner`), so that the rebuild's indexes do not collide with the live ones.
import type {
  Projection,
  ReadModelDatabase,
  RetiredProjection,
  SqlExecutor,
  TableNames,
} from './types.ts';

const rebuildSuffix = '__rebuild';
const identifier = /^[a-z_][a-z0-9_]*$/;

export function liveTables<Tables extends string>(
  projection: Projection<Tables>,
): TableNames<Tables> {
  return Object.fromEntries(projection.tables.map((t) => [t, t])) as unknown as TableNames<Tables>;
}

export function rebuildTables<Tables extends string>(
  projection: Projection<Tables>,
): TableNames<Tables> {
  return Object.fromEntries(
    projection.tables.map((t) => [t, `${t}${rebuildSuffix}`]),
  ) as unknown as TableNames<Tables>;
}

/** Throws when table names are not plain lower-case identifiers or two projections share one. */
export function checkTableNames(projections: readonly Pick<Projection, 'name' | 'tables'>[]): void {
  const owners = new Map<string, string>();
  for (const projection of projections) {
    for (const table of projection.tables) {
      if (!identifier.test(table) || table.endsWith(rebuildSuffix)) {
        throw new Error(`Projection ${projection.name}: invalid table name ${table}`);
      }
      const owner = owners.get(table);
      if (owner) throw new Error(`Table ${table} belongs to both ${owner} and ${projection.name}`);
      owners.set(table, projection.name);
    }
  }
}

/** Drops a retired projection's tables, live and half-rebuilt. */
export async function dropRetiredTables(
  tx: SqlExecutor,
  retired: RetiredProjection,
): Promise<void> {
  for (const table of retired.tables) {
    await tx.run(`DROP TABLE IF EXISTS ${table}`);
    await tx.run(`DROP TABLE IF EXISTS ${table}${rebuildSuffix}`);
  }
}

export async function createTables<Tables extends string>(
  tx: SqlExecutor,
  projection: Projection<Tables>,
  names: TableNames<Tables>,
): Promise<void> {
  for (const statement of projection.schema(names)) await tx.run(statement);
}

export async function dropRebuildTables(tx: SqlExecutor, projection: Projection): Promise<void> {
  for (const table of Object.values<string>(rebuildTables(projection))) {
    await tx.run(`DROP TABLE IF EXISTS ${table}`);
  }
}

/** Replaces the live tables by the rebuilt ones; run inside the transaction that moves the checkpoint. */
export async function swapInRebuiltTables(
  tx: SqlExecutor,
  dialect: ReadModelDatabase['dialect'],
  projection: Projection,
): Promise<void> {
  for (const table of projection.tables) {
    const rebuilt = `${table}${rebuildSuffix}`;
    await tx.run(`DROP TABLE IF EXISTS ${table}`);
    await tx.run(`ALTER TABLE ${rebuilt} RENAME TO ${table}`);
    if (dialect === 'postgres') await renamePostgresIndexes(tx, table, rebuilt);
    else await renameSqliteIndexes(tx, table, rebuilt);
  }
}

// PostgreSQL keeps index (and primary-key) names on rename; give them the live table's name.
async function renamePostgresIndexes(tx: SqlExecutor, table: string, rebuilt: string) {
  const indexes = await tx.all<{ indexname: string }>(
    'SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ?',
    [table],
  );
  for (const { indexname } of indexes) {
    if (!indexname.includes(rebuilt)) continue;
    await tx.run(`ALTER INDEX "${indexname}" RENAME TO "${indexname.replace(rebuilt, table)}"`);
  }
}

// SQLite cannot rename an index: create it again under the live name. (Its automatic indexes
// for keys follow the table by themselves; they have no SQL text.)
async function renameSqliteIndexes(tx: SqlExecutor, table: string, rebuilt: string) {
  const indexes = await tx.all<{ name: string; sql: string }>(
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
    [table],
  );
  for (const { name, sql } of indexes) {
    if (!name.includes(rebuilt)) continue;
    await tx.run(`DROP INDEX "${name}"`);
    await tx.run(sql.replace(name, name.replace(rebuilt, table)));
  }
}
