// Catch-up then live for stores whose positions become visible in order (sqlite; postgres with
// serialized position assignment): read pages after the last position seen; when a page comes
// back short, wait for a change notification or the polling interval, then read again. Catch-up
// and live are the same loop, so there is no boundary at which an event could be lost or doubled.
import { matchesFilter } from './append-checks.ts';
import type { Position, RecordedEvent, SubscribeOptions, Subscription } from './port.ts';

export interface PagedSubscriptionSource {
  readPage(after: Position | undefined, maxCount: number): Promise<RecordedEvent[]>;
  /** Calls `listener` whenever new events may have been committed; returns an unsubscribe. */
  onChange(listener: () => void): () => void;
  pollIntervalMs: number;
  pageSize: number;
}

export function pagedSubscription(
  source: PagedSubscriptionSource,
  options: SubscribeOptions,
  onStop: () => void,
): Subscription {
  let stopped = false;
  let changed = false;
  let wake: (() => void) | undefined;
  let iterating = false;
  const unsubscribe = source.onChange(() => {
    changed = true;
    wake?.();
  });
  const stop = () => {
    if (stopped) return;
    stopped = true;
    unsubscribe();
    wake?.();
    onStop();
  };

  async function* events(): AsyncGenerator<RecordedEvent> {
    let after = options.after;
    try {
      while (!stopped) {
        changed = false;
        const page = await source.readPage(after, source.pageSize);
        for (const event of page) {
          if (stopped) return;
          after = event.position;
          if (matchesFilter(event, options.filter)) yield event;
        }
        if (stopped || page.length === source.pageSize || changed) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, source.pollIntervalMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    } finally {
      stop();
    }
  }

  return {
    stop: async () => stop(),
    [Symbol.asyncIterator]() {
      if (iterating) throw new Error('A subscription can be iterated only once');
      iterating = true;
      return events();
    },
  };
}
