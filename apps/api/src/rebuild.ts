// `pnpm --filter @gongzhi/api-server rebuild [name...]`: replays the whole log into fresh tables
// for the named read models (all when none is named) and swaps them in, with a progress bar.
// It opens the store the way the server does (same environment, personal-data codec included),
// and can run while the server is up: the runner skips what a rebuild already applied.
import { progressBar, rebuildProjection } from '@gongzhi/projections';
import { openRuntime, readModelProjections, runtimeOptionsFromEnv } from './runtime.ts';

const names = process.argv.slice(2);
const unknown = names.filter((name) => !readModelProjections.some((p) => p.name === name));
if (unknown.length > 0) {
  const known = readModelProjections.map((p) => p.name).join(', ');
  console.error(`Unknown read model: ${unknown.join(', ')}. Known: ${known}`);
  process.exit(2);
}
const chosen =
  names.length === 0
    ? readModelProjections
    : readModelProjections.filter((p) => names.includes(p.name));

const runtime = await openRuntime({ ...runtimeOptionsFromEnv(), seed: false });
try {
  for (const projection of chosen) {
    await rebuildProjection({
      store: runtime.store,
      db: runtime.readModelDb,
      projection,
      onProgress: progressBar(projection.name),
    });
  }
} finally {
  await runtime.close();
}
