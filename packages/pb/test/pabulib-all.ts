// Every election in pabulib/ against the reference's outcomes, in two child processes:
// write → parse round trip, then identical winner sets for all four rules. The last line reads
// "N passed, M failed"; the exit code is non-zero on any failure.

import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { fork } from 'node:child_process';
import { parsePb } from '../src/format.ts';
import { checkRoundTrip, checkRules, pabulibElections, readPabulib } from './reference.ts';

interface Result {
  file: string;
  problems: string[];
  seconds: number;
}

function check(file: string): Result {
  const started = performance.now();
  const problems: string[] = [];
  try {
    const { text, expected } = readPabulib(file);
    const election = parsePb(text);
    if (expected === null) {
      problems.push('no expected outcome');
    } else {
      const roundTrip = checkRoundTrip(election);
      if (roundTrip) problems.push(roundTrip);
      for (const c of checkRules(election, expected)) {
        if (c.problem) problems.push(c.problem);
      }
    }
  } catch (e) {
    problems.push(String(e instanceof Error ? e.message : e));
  }
  return { file, problems, seconds: (performance.now() - started) / 1000 };
}

const workerFlag = '--check-worker';

if (!process.argv.includes(workerFlag)) {
  const files = pabulibElections();
  const queue = [...files];
  let passed = 0;
  let failed = 0;
  const started = performance.now();
  const workers = Math.max(1, Math.min(2, availableParallelism(), files.length));
  await Promise.all(
    Array.from(
      { length: workers },
      () =>
        new Promise<void>((done, fail) => {
          // A forked child runs under the same loader (tsx) as this process.
          const worker = fork(fileURLToPath(import.meta.url), [workerFlag]);
          const next = () => {
            const file = queue.shift();
            if (file === undefined) worker.disconnect();
            else worker.send(file);
          };
          worker.on('exit', (code) =>
            code === 0 ? done() : fail(new Error(`a checking process exited with ${code}`)),
          );
          worker.on('message', (r: Result) => {
            if (r.problems.length === 0) {
              passed++;
            } else {
              failed++;
              console.log(`FAIL ${r.file}: ${r.problems.join('; ')}`);
            }
            next();
          });
          next();
        }),
    ),
  );
  console.log(
    `${files.length} elections in ${((performance.now() - started) / 1000).toFixed(1)} s in ${workers} processes`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
} else {
  process.on('message', (file: string) => process.send!(check(file)));
}
