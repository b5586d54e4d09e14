// `npm run bench:ballots`: ballots over HTTP through the real server (real sessions, real
// validation) on the embedded SQLite store at full durability (an answer only after fsync).
// Seeds BALLOT_VOTERS (default 100,000) verified voters straight into the store and opens the vote
// of the demo cycle in this process, then starts the server (src/main.ts) in a child process on
// that data and casts one ballot per voter with BALLOT_CONNECTIONS (default 50) concurrent
// requests from this one, and prints `N ballots/s` and `p50 X ms, p99 Y ms`.
// BALLOT_CPU_PROF=<folder> writes the server's CPU profile there (node --cpu-prof).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { openRuntime } from '../src/runtime.ts';
import { startServerProcess } from './server-process.ts';
import { DEMO_CYCLE, openVoting, poolOf, seedVoters } from './voters.ts';

const voterCount = Number(process.env.BALLOT_VOTERS ?? 100_000);
const connections = Number(process.env.BALLOT_CONNECTIONS ?? 50);
const profileDir = process.env.BALLOT_CPU_PROF;

const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-bench-ballots-'));
try {
  const started = performance.now();
  const runtime = await openRuntime({ store: 'sqlite', dataDir, seed: true });
  const voters = await seedVoters(runtime, {
    count: voterCount,
    prefix: 'bench',
    onProgress: (done) => {
      if (done % 10_000 === 0) process.stdout.write(`\rseeding ${done}/${voterCount}`);
    },
  });
  console.log(
    `\nseeded ${voterCount} voters in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  await openVoting(runtime);
  const pool = await poolOf(runtime);
  await runtime.close();

  const server = await startServerProcess({
    dataDir,
    nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir)}`] : [],
    env: { GONGZHI_NOTIFICATION_SENDER: 'none' },
  });
  try {
    // autocannon rather than fetch: on two cores the load generator competes with the server,
    // and fetch spends more CPU per request than the server does per ballot.
    let next = 0;
    const result = await autocannon({
      url: new URL('/trpc/ballot.cast', server.url).toString(),
      connections,
      amount: voters.length,
      method: 'POST',
      requests: [
        {
          setupRequest: (request) => {
            const i = next++;
            return {
              ...request,
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${voters[i]!.token}`,
              },
              body: JSON.stringify({
                cycleId: DEMO_CYCLE,
                communityId: 'shuyuan',
                choices: i % 2 === 0 ? [pool[0]] : pool.slice(0, 2),
              }),
            };
          },
        },
      ],
    });
    const refused = result.non2xx + result.errors + result.timeouts;
    console.log(
      `${result.requests.total} ballots over ${connections} connections, ${refused} refused`,
    );
    console.log(`${Math.round(result.requests.total / result.duration)} ballots/s`);
    console.log(`p50 ${result.latency.p50.toFixed(1)} ms, p99 ${result.latency.p99.toFixed(1)} ms`);
  } finally {
    await server.kill('SIGTERM');
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
