// The PostgreSQL restore of docs/operations.md, exercised by test:cluster: a base backup taken
// from the leader before the load, then, after three failovers, infra/cluster/restore-postgres.sh
// replays the WAL archive (across the new timelines) onto it in a fresh data folder. The restored
// database is opened as the store, and every write acknowledged during the run must be in it.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPostgresEventStore, type PostgresEventStore } from '@gongzhi/eventstore/postgres';
import { openPostgresReadModels } from '@gongzhi/projections/postgres';
import { runPostgresTool, type PostgresCluster } from './postgres-cluster.ts';

const script = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../infra/cluster/restore-postgres.sh',
);

/** `pg_basebackup -Ft -z -X none` from the leader (through HAProxy) into the cluster's folder. */
export function takeBaseBackup(cluster: PostgresCluster): string {
  const url = new URL(cluster.url);
  const dir = join(cluster.dir, 'base-backup');
  runPostgresTool(
    'pg_basebackup',
    [
      '-h',
      url.hostname,
      '-p',
      url.port,
      '-U',
      'replicator',
      '-D',
      dir,
      '-Ft',
      '-z',
      '-X',
      'none',
      '-c',
      'fast',
    ],
    { PGPASSWORD: url.password },
  );
  return dir;
}

/**
 * Closes the leader's WAL segment and waits until the archive has it, restores the base backup
 * with the archive into a new folder, starts PostgreSQL on it (port `port`) and hands `check` the
 * store it holds; stops it again afterwards.
 */
export async function restoreAndCheck(
  cluster: PostgresCluster,
  base: string,
  port: number,
  check: (store: PostgresEventStore) => Promise<void>,
): Promise<{ seconds: number }> {
  // Any connection to the leader will do; the read models' is at hand.
  const db = await openPostgresReadModels({ url: cluster.url, schema: 'readmodels' });
  try {
    const row = await db.get<{ wal: string }>('SELECT pg_walfile_name(pg_switch_wal()) AS wal');
    const wal = row!.wal;
    const deadline = Date.now() + 60_000;
    for (;;) {
      const archived = await db.get<{ last: string | null }>(
        'SELECT last_archived_wal AS last FROM pg_stat_archiver',
      );
      if (archived?.last && archived.last >= wal) break;
      if (Date.now() > deadline) throw new Error(`WAL ${wal} was not archived within 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await db.close();
  }
  const restored = join(cluster.dir, 'restored');
  const started = performance.now();
  runPostgresTool(script, [base, join(cluster.dir, 'wal-archive'), restored], {
    RESTORE_PORT: String(port),
  });
  const seconds = (performance.now() - started) / 1000;
  runPostgresTool('pg_ctl', ['-D', restored, '-l', join(restored, 'check.log'), '-w', 'start']);
  try {
    const password = new URL(cluster.url).password;
    const store = await openPostgresEventStore({
      url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
      schema: 'eventstore',
      maxConnections: 2,
    });
    try {
      await check(store);
    } finally {
      await store.close();
    }
  } finally {
    runPostgresTool('pg_ctl', ['-D', restored, '-m', 'fast', '-w', 'stop']);
  }
  return { seconds };
}
