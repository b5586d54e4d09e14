// The log as it stood at an instant: a read-only view of an EventStore that holds the events
// dated (metadata.occurredAt, the server's clock when the command ran) before that instant, in
// their order in the log, plus the events that must reach every view whatever their date
// (forgetting a resident: erased stays erased, in the past too).
import type { EventStore, Position, ReadAllOptions, RecordedEvent } from '@gongzhi/eventstore';

export interface LogAsOf {
  /** Events dated at or after this instant are left out. */
  until: Date;
  /** Event types every view includes whatever their date (ResidentForgotten). */
  alwaysIncluded: ReadonlySet<string>;
}

/** Whether the view of the log `asOf` holds this event. */
export const holds = (asOf: LogAsOf, event: RecordedEvent): boolean =>
  asOf.alwaysIncluded.has(event.type) ||
  Date.parse(event.metadata.occurredAt) < asOf.until.getTime();

const pageSize = 1_000;

const readOnly = () =>
  Promise.reject(new Error('The log as of a past date is read-only: nothing is written to it'));

/**
 * The events of `store` the view holds. `readAll` answers full pages of held events (it reads on
 * until it has `maxCount` of them or the log ends), so a reader that stops at a short page, as
 * the rebuild does, reads the whole view. Appends are refused; the view does not follow the log.
 */
export function logAsOf(store: EventStore, asOf: LogAsOf): EventStore {
  return {
    append: readOnly,
    async readStream(stream, options = {}) {
      const { maxCount, ...rest } = options;
      const events = (await store.readStream(stream, rest)).filter((e) => holds(asOf, e));
      return maxCount === undefined ? events : events.slice(0, maxCount);
    },
    async readAll(options: ReadAllOptions = {}) {
      const wanted = options.maxCount ?? Number.POSITIVE_INFINITY;
      const held: RecordedEvent[] = [];
      let after: Position | undefined = options.after;
      while (held.length < wanted) {
        const page = await store.readAll({ after, maxCount: pageSize });
        for (const event of page) {
          if (held.length < wanted && holds(asOf, event)) held.push(event);
        }
        if (page.length < pageSize) break;
        after = page[page.length - 1]!.position;
      }
      return held;
    },
    subscribeToAll() {
      throw new Error('The log as of a past date is not followed: read it with readAll');
    },
    headPosition: () => store.headPosition(),
    close: () => Promise.resolve(),
  };
}
