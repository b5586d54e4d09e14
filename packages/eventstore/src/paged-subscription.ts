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

  // While catching up (a full page came back), the next page is read while the consumer handles
  // this one: it is asked for once the event loop is next free, which for a reader of a local
  // file (whose reads block) is while the consumer waits on its own writes.
  const readAhead = (after: Position | undefined) =>
    new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
      stopped ? [] : source.readPage(after, source.pageSize),
    );

  async function* events(): AsyncGenerator<RecordedEvent> {
    let after = options.after;
    let next: Promise<RecordedEvent[]> | undefined;
    try {
      while (!stopped) {
        // A page read ahead may predate a change notified since: after a short one, read again.
        const readEarlier = next !== undefined;
        if (!readEarlier) changed = false;
        const page = await (next ?? source.readPage(after, source.pageSize));
        next = undefined;
        if (page.length === source.pageSize) {
          next = readAhead(page[page.length - 1]!.position);
          // A failed read-ahead is thrown when it is awaited, not reported unhandled before.
          next.catch(() => undefined);
        }
        for (const event of page) {
          if (stopped) return;
          after = event.position;
          if (matchesFilter(event, options.filter)) yield event;
        }
        if (stopped || page.length === source.pageSize || changed || readEarlier) continue;
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
