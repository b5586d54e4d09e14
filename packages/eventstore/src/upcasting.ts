import type { EventStore, RecordedEvent, Subscription } from './port.ts';

/** Turns version `n` data of an event type into version `n + 1` data. */
export type Upcaster = (data: unknown) => unknown;

/** upcasters[type][n] lifts version n to n + 1. */
export type UpcasterRegistry = Record<string, Record<number, Upcaster>>;

export function upcast(event: RecordedEvent, registry: UpcasterRegistry): RecordedEvent {
  const steps = registry[event.type];
  if (!steps) return event;
  let { data, schemaVersion } = event;
  for (let step = steps[schemaVersion]; step; step = steps[schemaVersion]) {
    data = step(data);
    schemaVersion += 1;
  }
  return schemaVersion === event.schemaVersion ? event : { ...event, data, schemaVersion };
}

/** Wraps any adapter so that every read passes older event versions through the upcasters. */
export function withUpcasters(store: EventStore, registry: UpcasterRegistry): EventStore {
  const lift = (events: RecordedEvent[]) => events.map((e) => upcast(e, registry));
  return {
    append: (stream, events, options) => store.append(stream, events, options),
    readStream: async (stream, options) => lift(await store.readStream(stream, options)),
    readAll: async (options) => lift(await store.readAll(options)),
    subscribeToAll(options): Subscription {
      const inner = store.subscribeToAll(options);
      return {
        stop: () => inner.stop(),
        async *[Symbol.asyncIterator]() {
          for await (const event of inner) yield upcast(event, registry);
        },
      };
    },
    headPosition: () => store.headPosition(),
    close: () => store.close(),
  };
}
