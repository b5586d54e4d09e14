// Read-your-writes for a process that does not run the projections itself (scaled out: api
// instances beside one projection worker): it watches the checkpoints in the database.
import type { Position } from '@gongzhi/eventstore';
import { readCheckpoints } from './checkpoints.ts';
import { ReadModelLagError } from './errors.ts';
import { defaultWaitTimeoutMs } from './runner.ts';
import type { ReadModelDatabase, ReadModels } from './types.ts';

export interface CheckpointReadModelsOptions {
  db: ReadModelDatabase;
  /** Names of the projections a query may depend on. */
  projections: readonly string[];
  pollIntervalMs?: number;
}

export function readModelsFromCheckpoints(options: CheckpointReadModelsOptions): ReadModels {
  const { db, projections } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 25;
  const lowestCheckpoint = async (): Promise<Position | undefined> => {
    const checkpoints = await readCheckpoints(db, db.dialect, projections);
    let low: Position | undefined;
    for (const name of projections) {
      const position = checkpoints.get(name)?.position;
      if (position === undefined) return undefined;
      if (low === undefined || position < low) low = position;
    }
    return low;
  };
  return {
    db,
    async waitForPosition(target, timeoutMs = defaultWaitTimeoutMs) {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const low = await lowestCheckpoint();
        if (low !== undefined && low >= target) return;
        const left = deadline - performance.now();
        if (left <= 0) throw new ReadModelLagError(target, low, timeoutMs);
        await new Promise((resolve) => setTimeout(resolve, Math.min(pollIntervalMs, left)));
      }
    },
  };
}
