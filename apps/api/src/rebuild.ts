// `npm run rebuild -- [name...]`: replays the whole log, once, into fresh tables for the named
// read models (all when none is named) and swaps them in, with a progress bar. It opens the store the
// way the server does (same environment, personal-data codec and ballot key included), and can
// run while the server is up: the runner skips what a rebuild already applied.
import { progressBar, rebuildProjections } from '@gongzhi/projections';
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
    // One pass over the log for all of them: a full rebuild reads it once, not once per model.
    const projections = runtime.projections.filter(
      (p) => names.length === 0 || names.includes(p.name),
    );
    const label = names.length === 0 ? 'all read models' : names.join(', ');
    await rebuildProjections({
      store: runtime.store,
      db: runtime.readModelDb,
      projections,
      onProgress: progressBar(label),
    });
    console.log(`rebuilt: ${projections.map((p) => p.name).join(', ')}`);
  }
} finally {
  await runtime.close();
}
