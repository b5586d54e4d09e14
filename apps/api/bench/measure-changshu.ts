// `npm run measure:changshu -- [--data DIR] [--pages-only]`: on a city made by `npm run
// generate:changshu`, measures what issue 17 asks of the embedded store at that size and prints
// it: the restart to serving, the server's memory, the resident pages' p95 (server-rendered,
// signed in), and a full rebuild of every read model with its progress bar (not with
// --pages-only). docs/performance.md keeps the figures.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createSessionStore, SESSION_COOKIE_NAME } from '@gongzhi/auth';
import { openRuntime, repoRoot } from '../src/runtime.ts';
import { changshuIds } from './changshu.ts';
import { startServerProcess } from './server-process.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    requests: { type: 'string', default: '200' },
    // Restart, memory and pages only, for trying a change to the pages (a rebuild takes minutes).
    'pages-only': { type: 'boolean', default: false },
  },
});
const dataDir = values.data ?? join(repoRoot, 'data-changshu');
const requestsPerPage = Number(values.requests);
const webBuild = join(repoRoot, 'apps/web/build/handler.js');
if (!existsSync(webBuild)) {
  throw new Error('The pages need the web app built: `pnpm --filter @gongzhi/web build` first');
}

// Sessions of residents across the city, opened in the data folder before the server starts.
const prepared = await openRuntime({
  store: 'sqlite',
  dataDir,
  seed: false,
  notificationSender: null,
});
const head = (await prepared.store.headPosition()) ?? 0n;
const residents = Array.from({ length: 20 }, (_, i) => ({
  residentId: changshuIds.resident((i * 17) % 340, i),
  cycleId: changshuIds.cycle(((i * 17) % 340) % 14),
}));
const tokens: string[] = [];
await prepared.readModelDb.transaction(async (tx) => {
  const sessions = createSessionStore(tx);
  for (const { residentId } of residents) tokens.push((await sessions.create(residentId)).token);
});
await prepared.close();
console.log(`store: ${join(dataDir, 'gongzhi.sqlite')}, ${head.toLocaleString('en')} events`);

const startedAt = performance.now();
const server = await startServerProcess({ dataDir, env: { GONGZHI_WEB_BUILD: webBuild } });
const restartMs = performance.now() - startedAt;
console.log(
  `restart to serving (process start to /healthz ok): ${(restartMs / 1000).toFixed(2)} s`,
);

const pages = (i: number) => {
  const { cycleId } = residents[i % residents.length]!;
  return [
    ['home', '/'],
    ['my page', '/me'],
    ['my proposals', '/me/proposals'],
    ['the cycle', `/cycles/${cycleId}`],
    ['the ballot', `/cycles/${cycleId}/vote`],
  ] as const;
};
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
try {
  console.log(`\nresident pages, ${requestsPerPage} requests each, 4 at a time, signed in:`);
  console.log('  page           p50 ms   p95 ms   p99 ms');
  for (let p = 0; p < pages(0).length; p++) {
    const times: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next < requestsPerPage) {
        const i = next++;
        const [, path] = pages(i)[p]!;
        const sent = performance.now();
        const response = await fetch(`${server.url}${path}`, {
          headers: { cookie: `${SESSION_COOKIE_NAME}=${tokens[i % tokens.length]}` },
        });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
        times.push(performance.now() - sent);
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    times.sort((a, b) => a - b);
    const [name] = pages(0)[p]!;
    console.log(
      `  ${name.padEnd(13)} ${[50, 95, 99].map((q) => percentile(times, q).toFixed(1).padStart(8)).join(' ')}`,
    );
  }
  const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  console.log(
    `\nserver memory: RSS ${(kb('VmRSS') / 1024).toFixed(0)} MB, peak ${(kb('VmHWM') / 1024).toFixed(0)} MB`,
  );
} finally {
  await server.kill('SIGTERM');
}

if (values['pages-only']) process.exit(0);
console.log('\nfull rebuild (npm run rebuild), server stopped:');
const rebuildStarted = performance.now();
const rebuild = spawn(process.execPath, ['--import', 'tsx', 'src/rebuild.ts'], {
  cwd: join(import.meta.dirname, '..'),
  env: { ...process.env, GONGZHI_DATA: dataDir, GONGZHI_SEED: '0' },
  stdio: 'inherit',
});
const code = await new Promise<number | null>((resolve) => rebuild.on('exit', resolve));
if (code !== 0) throw new Error(`the rebuild exited with ${code}`);
console.log(`full rebuild: ${((performance.now() - rebuildStarted) / 1000).toFixed(0)} s`);
