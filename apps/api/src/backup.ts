// `npm run backup -- <file>`: an online copy of the SQLite data (events and read models in one
// file) while the server runs. `npm run restore -- <file>`: puts such a copy in place of the
// data folder's file once the server is stopped, keeping the file it replaces beside it.
// Data folder: GONGZHI_DATA (default <repo>/data). The master key is not in the copy: back up
// GONGZHI_MASTER_KEY or <data folder>/master.key separately (docs/operations.md).
import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backupSqliteFile, checkSqliteFile } from '@gongzhi/eventstore/sqlite';
import { repoRoot } from './runtime.ts';

const dataDir = process.env.GONGZHI_DATA ?? join(repoRoot, 'data');
const live = join(dataDir, 'gongzhi.sqlite');
const [command, target] = process.argv.slice(2);

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

if (!target || (command !== 'backup' && command !== 'restore')) {
  fail('usage: npm run backup -- <file> | npm run restore -- <file>');
}
const file = resolve(target);
if (process.env.GONGZHI_STORE && process.env.GONGZHI_STORE !== 'sqlite') {
  fail('backup and restore here are for the SQLite store; PostgreSQL: docs/operations.md');
}

if (command === 'backup') {
  if (!existsSync(live)) fail(`No data at ${live}`);
  if (existsSync(file)) fail(`${file} exists already; choose a new name`);
  const started = performance.now();
  const { pages, headPosition } = await backupSqliteFile(live, file);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`backed up ${live} to ${file}: ${pages} pages in ${seconds} s`);
  console.log(`last event in the copy: ${headPosition ?? 'none'}`);
  if (!process.env.GONGZHI_MASTER_KEY) {
    console.log(`the master key is not in the copy: back up ${join(dataDir, 'master.key')} too`);
  }
} else {
  if (!existsSync(file)) fail(`No backup at ${file}`);
  const { integrity, headPosition } = checkSqliteFile(file);
  if (integrity !== 'ok') fail(`${file} is damaged: ${integrity}`);
  if (!process.env.GONGZHI_MASTER_KEY && !existsSync(join(dataDir, 'master.key'))) {
    fail(
      `No master key for the restored data: put the backed-up master.key in ${dataDir} or set GONGZHI_MASTER_KEY`,
    );
  }
  if (existsSync(live)) {
    const aside = `${live}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(live + suffix)) renameSync(live + suffix, aside + suffix);
    }
    console.log(`the data it replaces: ${aside}`);
  }
  copyFileSync(file, live);
  console.log(`restored ${file} to ${live}; last event ${headPosition ?? 'none'}`);
  console.log('start the server: the read models go on from their checkpoints in the copy');
}
