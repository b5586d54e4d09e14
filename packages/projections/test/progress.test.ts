// A rebuild's progress line says 100% once, when it is done: the rebuild test (and a person
// watching a log) counts a projection as rebuilt by that line.
import { expect, it } from 'vitest';
import { formatProgress, type RebuildProgress } from '../src/index.ts';

const progress = (fraction: number, done: boolean): RebuildProgress => ({
  events: 900,
  position: 900n,
  headPosition: 900n,
  fraction,
  eventsPerSecond: 300,
  done,
});

it('shows 100% only when the rebuild is done, though the whole log has been read before', () => {
  expect(formatProgress('ballot', progress(1, false))).toContain(' 99%  900 / ~900 events');
  expect(formatProgress('ballot', progress(1, true))).toContain(' 100%  900 / 900 events');
  expect(formatProgress('ballot', progress(0.426, false))).toContain(' 42% ');
});
