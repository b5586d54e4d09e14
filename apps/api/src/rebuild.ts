// `npm run rebuild -- [name...]`: replays the whole log into fresh tables for the named read
// models (all when none is named) and swaps them in, with a progress bar. It opens the store the
// way the server does (same environment, personal-data codec and ballot key included), and can
// run while the server is up: the runner skips what a rebuild already applied.
import { progressBar, rebuildProjection } from '@gongzhi/projections';
import { openRuntime, runtimeOptionsFromEnv } from './runtime.ts';

const names = process.argv.slice(2);
// Sending residents' notices is the server's work, not a rebuild's.
const runtime = await openRuntime({
  ...runtimeOptionsFromEnv(),
  seed: false,
  notificationSender: null,
});
try {
  const unknown = names.filter((name) => !runtime.projections.some((p) => p.name === name));
  if (unknown.length > 0) {
    const known = runtime.projections.map((p) => p.name).join(', ');
    console.error(`Unknown read model: ${unknown.join(', ')}. Known: ${known}`);
    process.exitCode = 2;
  } else {
    for (const projection of runtime.projections) {
      if (names.length > 0 && !names.includes(projection.name)) continue;
      await rebuildProjection({
        store: runtime.store,
        db: runtime.readModelDb,
        projection,
        onProgress: progressBar(projection.name),
      });
    }
  }
} finally {
  await runtime.close();
}
