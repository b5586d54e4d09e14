// Positions and revisions on the wire, and read-your-writes: a command answers with the position
// it wrote, and a query that names it as `minPosition` waits (briefly) until the read models
// have applied it.
import { z } from 'zod';
import type { CommandResult, Writer } from './commands.ts';
import type { Context } from './context.ts';
import { DomainError, say } from '@gongzhi/domain';
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

const READ_MODELS_BEHIND = say(
  '系统仍在同步最新的更改，暂时无法据此核对，请稍后再试。',
  'The server is still catching up with the latest changes and cannot check this against them yet; try again in a moment.',
);

/**
 * Waits until the read models have applied `position`, for a command that decides on what they
 * say. A read model that falls this far behind refuses the command (409 read_models_behind)
 * rather than letting it decide on stale rows.
 */
export async function caughtUpForDecision(
  w: Pick<Writer, 'readModels'>,
  position: bigint,
): Promise<void> {
  try {
    await w.readModels.waitForPosition(position, DECISION_WAIT_MS);
  } catch (error) {
    if (!(error instanceof ReadModelLagError)) throw error;
    throw new DomainError('conflict', 'read_models_behind', READ_MODELS_BEHIND);
  }
}

/**
 * Waits until the read models hold every event written so far. A command that decides on what a
 * read model says waits first, so that it sees what was written just before (by anyone).
 */
export async function caughtUpToHead(w: Pick<Writer, 'store' | 'readModels'>): Promise<void> {
  const head = await w.store.headPosition();
  if (head !== undefined) await caughtUpForDecision(w, head);
}

/** What a mutation answers: where it wrote (for `minPosition`) and the stream's revision. */
export const written = <Event>(result: CommandResult<Event>) => ({
  position: String(result.position ?? 0n),
  revision: result.revision === undefined ? null : String(result.revision),
});

export const revisionOf = (value: string | undefined) =>
  value === undefined ? undefined : BigInt(value);
