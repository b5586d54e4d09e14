// The second API process of scale-out.test.ts: it casts ballots on the shared PostgreSQL database
// while the test's own process closes the vote. A separate process, so that no gate in memory
// (ballot/commands.ts) can keep the two apart: only the locks across processes can.
// Every append waits a moment first, widening the window between a ballot's check of the phase
// and its append, where a close from the other process would land if the gate did not hold.
import { ballotCommands } from '@gongzhi/api';
import type { EventStore } from '@gongzhi/eventstore';
import { openRuntime, type RuntimeOptions } from '../src/runtime.ts';

interface CasterInput {
  /** RuntimeOptions, the master key in hex. */
  options: Record<string, unknown> & { masterKey: string };
  voters: string[];
  pool: string[];
  cycleId: string;
  appendDelayMs: number;
}

const input = JSON.parse(process.env.GONGZHI_CASTER!) as CasterInput;
const runtime = await openRuntime({
  ...input.options,
  masterKey: Buffer.from(input.options.masterKey, 'hex'),
  seed: false,
} as unknown as RuntimeOptions);
const slowStore = new Proxy(runtime.store, {
  get(target, property) {
    if (property === 'append') {
      return async (...args: Parameters<EventStore['append']>) => {
        await new Promise((resolve) => setTimeout(resolve, input.appendDelayMs));
        return target.append(...args);
      };
    }
    const value: unknown = Reflect.get(target, property, target);
    return typeof value === 'function' ? value.bind(target) : value;
  },
});

let next = 0;
const castNext = async () => {
  while (next < input.voters.length) {
    const i = next++;
    const voterId = input.voters[i]!;
    try {
      await ballotCommands.castBallot(
        {
          store: slowStore,
          readModels: runtime.runner,
          metadata: {
            actor: voterId,
            channel: 'online',
            correlationId: 'scale-out-test',
            occurredAt: new Date().toISOString(),
          },
          ...(runtime.services.locks ? { locks: runtime.services.locks } : {}),
        },
        runtime.services.ballotSeal!,
        {
          cycleId: input.cycleId,
          communityId: 'shuyuan',
          voterId,
          choices: [input.pool[i % input.pool.length]!],
        },
      );
      process.stdout.write(`acknowledged ${voterId}\n`);
    } catch {
      process.stdout.write(`refused ${voterId}\n`);
    }
  }
};
await Promise.all(Array.from({ length: 8 }, castNext));
await runtime.close();
