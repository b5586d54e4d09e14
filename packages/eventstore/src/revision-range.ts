// How the SQL adapters read `readStream`'s options: the revisions to read and in which order.
import type { ReadStreamOptions } from './port.ts';

const maxInt64 = 2n ** 63n - 1n;

/** Backwards: revisions from `revision` down; forwards: from `revision` up. */
export interface RevisionRange {
  direction: 'forwards' | 'backwards';
  revision: bigint;
}

/** The range `options` asks for, or undefined when it holds nothing (forwards from the end). */
export function revisionRange(options: ReadStreamOptions): RevisionRange | undefined {
  if (options.direction === 'backwards') {
    const from = options.from ?? 'end';
    const revision = from === 'end' ? maxInt64 : from === 'start' ? 0n : from;
    return { direction: 'backwards', revision };
  }
  if (options.from === 'end') return undefined;
  const revision = options.from === undefined || options.from === 'start' ? 0n : options.from;
  return { direction: 'forwards', revision };
}
