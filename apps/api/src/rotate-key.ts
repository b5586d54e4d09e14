// `npm run rotate-key`: puts a new wrapping key in place of the one that wraps every person's
// data key (the master key before the first rotation), with the server stopped. The master key
// stays: it derives the ballot seal and the phone digests, which are in the log. With the keys in
// the data folder, the new key is `wrapping.key` and the one it replaces is kept beside it as
// `wrapping.key.retired-<time>`, for the backups made before (docs/operations.md). With
// GONGZHI_WRAPPING_KEY in the environment (a cluster), the new key comes from
// GONGZHI_NEW_WRAPPING_KEY and the operator swaps the two on every instance afterwards.
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import {
  createKeyWrapper,
  keyFromEnvironment,
  loadOrCreateMasterKey,
  MASTER_KEY_ENV,
  MASTER_KEY_FILE,
  NEXT_WRAPPING_KEY_FILE,
  readOrCreateKeyFile,
  rewrapDataKeys,
  WRAPPING_KEY_ENV,
  WRAPPING_KEY_FILE,
} from '@gongzhi/auth';
import { openPostgresReadModels } from '@gongzhi/projections/postgres';
import { openSqliteReadModels } from '@gongzhi/projections/sqlite';
import { repoRoot, runtimeOptionsFromEnv } from './runtime.ts';

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

const options = runtimeOptionsFromEnv();
const dataDir = options.dataDir ?? join(repoRoot, 'data');
if (!process.env[MASTER_KEY_ENV] && !existsSync(join(dataDir, MASTER_KEY_FILE))) {
  fail(`No master key: set ${MASTER_KEY_ENV} or put master.key in ${dataDir}`);
}
const master = loadOrCreateMasterKey(dataDir).key;
const inEnvironment = process.env[WRAPPING_KEY_ENV] !== undefined;
const newFromEnvironment = process.env.GONGZHI_NEW_WRAPPING_KEY;
if (inEnvironment && !newFromEnvironment) {
  fail(
    `${WRAPPING_KEY_ENV} is set: give the new key in GONGZHI_NEW_WRAPPING_KEY (openssl rand -base64 32)`,
  );
}
const currentPath = join(dataDir, WRAPPING_KEY_FILE);
const nextPath = join(dataDir, NEXT_WRAPPING_KEY_FILE);
const current = inEnvironment
  ? keyFromEnvironment(WRAPPING_KEY_ENV, process.env[WRAPPING_KEY_ENV]!)
  : existsSync(currentPath)
    ? readOrCreateKeyFile(currentPath)
    : undefined;
// The next key is written before any row is: a crash leaves it there, and a second run goes on.
const next = newFromEnvironment
  ? keyFromEnvironment('GONGZHI_NEW_WRAPPING_KEY', newFromEnvironment)
  : readOrCreateKeyFile(nextPath);

const db =
  options.store === 'sqlite'
    ? await openSqliteReadModels(join(dataDir, 'gongzhi.sqlite'))
    : await openPostgresReadModels({ url: options.databaseUrl, schema: options.readModelSchema });
try {
  const wrapper = createKeyWrapper(master, current ? [current, next] : [next]);
  const started = performance.now();
  const { rewrapped, unchanged } = await rewrapDataKeys(db, wrapper, {
    onBatch: (done) => process.stdout.write(`\r${done} data keys`),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\rwrapped ${rewrapped} data keys with key ${wrapper.label} in ${seconds} s`);
  if (unchanged > 0) console.log(`${unchanged} were wrapped with it already`);
} finally {
  await db.close();
}
if (newFromEnvironment) {
  console.log(
    `set ${WRAPPING_KEY_ENV} to the new key on every instance, then restart them; keep the old key with the backups made before`,
  );
} else {
  if (current) {
    const retired = `${currentPath}.retired-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(currentPath, retired);
    console.log(
      `the key it replaces: ${retired} (keep it with the backups made before, then destroy it)`,
    );
  }
  renameSync(nextPath, currentPath);
  console.log(`the new key: ${currentPath} — back it up apart from the data, as master.key`);
}
