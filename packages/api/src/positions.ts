// Positions and revisions on the wire, and read-your-writes: a command answers with the position
// it wrote, and a query that names it as `minPosition` waits (briefly) until the read models
// have applied it.
import { z } from 'zod';
import type { CommandResult, Writer } from './commands.ts';
import type { Context } from './context.ts';
import { ReadModelLagError } from '@gongzhi/projections';

/** Positions and revisions cross the wire as decimal strings: JSON has no bigint. */
export const decimalSchema = z.string().regex(/^\d{1,19}$/);
export const minPositionSchema = decimalSchema.optional();
export const expectedRevisionSchema = decimalSchema.optional();

const DEFAULT_READ_WAIT_MS = 2_000;
const DECISION_WAIT_MS = 30_000;

/** Waits until the read models have applied `position`; a slow read model answers with what it has. */
export async function caughtUpTo(
  ctx: Context,
  position: string | bigint | undefined,
): Promise<void> {
  if (position === undefined) return;
  const timeout = ctx.services.readYourWritesTimeoutMs ?? DEFAULT_READ_WAIT_MS;
  try {
    await ctx.services.readModels.waitForPosition(BigInt(position), timeout);
  } catch (error) {
    if (!(error instanceof ReadModelLagError)) throw error;
  }
}

/**
 * Waits until the read models hold every event written so far. A command that decides on what a
 * read model says waits first, so that it sees what was written just before (by anyone); a read
 * model that falls this far behind fails the command rather than letting it decide on stale rows.
 */
export async function caughtUpToHead(w: Pick<Writer, 'store' | 'readModels'>): Promise<void> {
  const head = await w.store.headPosition();
  if (head !== undefined) await w.readModels.waitForPosition(head, DECISION_WAIT_MS);
}

/** What a mutation answers: where it wrote (for `minPosition`) and the stream's revision. */
export const written = <Event>(result: CommandResult<Event>) => ({
  position: String(result.position ?? 0n),
  revision: result.revision === undefined ? null : String(result.revision),
});

export const revisionOf = (value: string | undefined) =>
  value === undefined ? undefined : BigInt(value);
