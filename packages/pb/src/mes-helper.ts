// A second thread that runs MES for the next per-voter budget while the caller runs the current
// one (mes-add1 on elections whose outcome changes at almost every +1 step). The caller stays
// synchronous: it posts a request, does its own run, then blocks on a shared flag until the
// answer is there. Runs are deterministic, so a run computed here is the run the caller would
// have computed; the caller decides whether it is the one it needs.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  MessageChannel,
  Worker,
  isMainThread,
  parentPort,
  receiveMessageOnPort,
} from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { Prepared } from './election.ts';
import type { MesRun } from './mes.ts';
import { runMes } from './mes.ts';
import { Rational } from './rational.ts';

/** Flag slots shared with the worker. */
const READY = 0;
const ANSWERED = 1;

interface Setup {
  flags: Int32Array;
  port: MessagePort;
  election: {
    budget: [bigint, bigint];
    projects: { id: string; cost: [bigint, bigint] }[];
    voters: number;
    support: readonly number[];
    rank: readonly number[];
    ballots: Prepared['ballots'];
  };
}

interface Request {
  perVoter: [bigint, bigint];
  width: bigint;
}

export class MesHelper {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flags = new Int32Array(new SharedArrayBuffer(8));
  private asked = false;

  /** Starts the worker, or returns null where one cannot be started (no tsx to load it with). */
  static start(p: Prepared): MesHelper | null {
    try {
      return new MesHelper(p);
    } catch {
      return null;
    }
  }

  private constructor(p: Prepared) {
    // The worker loads this TypeScript file through tsx's API, which works whatever loader (tsx,
    // Vitest) the caller runs under.
    // (tsx's CommonJS entry of that API cannot find its ES module part, so the latter is loaded.)
    const tsxApiCjs = createRequire(import.meta.url).resolve('tsx/esm/api');
    const tsxApi = pathToFileURL(join(dirname(tsxApiCjs), 'index.mjs')).href;
    const self = import.meta.url;
    const boot = `import(${JSON.stringify(tsxApi)}).then((api) => api.tsImport(${JSON.stringify(self)}, ${JSON.stringify(self)}))`;
    const channel = new MessageChannel();
    this.port = channel.port1;
    const setup: Setup = {
      flags: this.flags,
      port: channel.port2,
      election: {
        budget: [p.budget.num, p.budget.den],
        projects: p.projects.map(({ id, cost }) => ({ id, cost: [cost.num, cost.den] })),
        voters: p.voters,
        support: p.support,
        rank: p.rank,
        ballots: p.ballots,
      },
    };
    this.worker = new Worker(boot, {
      eval: true,
      workerData: setup,
      transferList: [channel.port2],
    });
    // A worker that fails to load simply never becomes ready; the caller then works alone.
    this.worker.on('error', () => undefined);
    this.worker.unref();
  }

  /** Whether the worker has loaded and can take a request. */
  ready(): boolean {
    return Atomics.load(this.flags, READY) === 1;
  }

  /** Asks for runMes(p, perVoter, { width, stopWhenOpen: true }); collect it with `take`. */
  ask(perVoter: Rational, width: bigint): void {
    Atomics.store(this.flags, ANSWERED, 0);
    const request: Request = { perVoter: [perVoter.num, perVoter.den], width };
    this.port.postMessage(request);
    this.asked = true;
  }

  /** Waits for the answer to the last request. */
  take(): MesRun {
    if (!this.asked) throw new Error('MesHelper.take without a request');
    // A run takes well under a second; a worker that died must not hang the caller.
    const waited = Atomics.wait(this.flags, ANSWERED, 0, 120_000);
    this.asked = false;
    if (waited === 'timed-out') throw new Error('MES helper did not answer');
    const received = receiveMessageOnPort(this.port);
    if (received === undefined) throw new Error('MES helper answered without a message');
    const answer = received.message as MesRun | { error: string };
    if ('error' in answer) throw new Error(`MES helper failed: ${answer.error}`);
    return answer;
  }

  stop(): void {
    this.port.close();
    void this.worker.terminate();
  }
}

function serve(setup: Setup): void {
  const { election } = setup;
  const p: Prepared = {
    budget: Rational.of(...election.budget),
    projects: election.projects.map(({ id, cost }) => ({ id, cost: Rational.of(...cost) })),
    voters: election.voters,
    support: election.support,
    rank: election.rank,
    ballots: election.ballots,
  };
  setup.port.on('message', (request: Request) => {
    let answer: MesRun | { error: string };
    try {
      answer = runMes(p, Rational.of(...request.perVoter), {
        width: request.width,
        stopWhenOpen: true,
      });
    } catch (error) {
      answer = { error: String(error) };
    }
    setup.port.postMessage(answer);
    Atomics.store(setup.flags, ANSWERED, 1);
    Atomics.notify(setup.flags, ANSWERED);
  });
  Atomics.store(setup.flags, READY, 1);
}

if (!isMainThread && parentPort !== null) {
  const { workerData } = await import('node:worker_threads');
  const setup = workerData as Setup | null;
  if (setup !== null && typeof setup === 'object' && 'flags' in setup) serve(setup);
}
