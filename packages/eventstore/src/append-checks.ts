// Checks every adapter applies the same way before it writes anything.
import { InvalidEventError, WrongExpectedRevisionError } from './errors.ts';
import type { EventData, ExpectedRevision, RecordedEvent, SubscriptionFilter } from './port.ts';

/** Raises the typed conflict when `actual` (last revision or 'no_stream') does not fit `expected`. */
export function checkExpectedRevision(
  stream: string,
  expected: ExpectedRevision,
  actual: bigint | 'no_stream',
): void {
  const fits =
    expected === 'any' ||
    (expected === 'no_stream' && actual === 'no_stream') ||
    (expected === 'stream_exists' && actual !== 'no_stream') ||
    (typeof expected === 'bigint' && actual === expected);
  if (!fits) throw new WrongExpectedRevisionError(stream, expected, actual);
}

/** JSON text of an event's data and metadata; rejects what JSON cannot carry. */
export function encodeEvent(event: EventData): { data: string; metadata: string } {
  return {
    data: toJson(event, 'data', event.data),
    metadata: toJson(event, 'metadata', event.metadata),
  };
}

function toJson(event: EventData, field: string, value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new InvalidEventError(
      `Event ${event.id} (${event.type}): ${field} is not JSON: ${String(error)}`,
    );
  }
  if (text === undefined) {
    throw new InvalidEventError(`Event ${event.id} (${event.type}): ${field} is not JSON`);
  }
  return text;
}

/** Validates the batch shape: at least one event, ids present and unique within the batch. */
export function checkBatch(stream: string, events: EventData[]): void {
  if (stream.length === 0) throw new InvalidEventError('Stream name is empty');
  if (events.length === 0) throw new InvalidEventError(`Append to ${stream}: no events given`);
  const ids = new Set<string>();
  for (const event of events) {
    if (!event.id) throw new InvalidEventError(`Append to ${stream}: an event has no id`);
    if (ids.has(event.id)) {
      throw new InvalidEventError(`Append to ${stream}: event id ${event.id} appears twice`);
    }
    if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1) {
      throw new InvalidEventError(`Event ${event.id}: schemaVersion must be an integer ≥ 1`);
    }
    ids.add(event.id);
  }
}

/** The error for a batch whose ids were partly written before, or written to another stream. */
export function conflictingIdsError(stream: string, detail: string): InvalidEventError {
  return new InvalidEventError(
    `Append to ${stream}: ${detail}; an idempotent retry must repeat exactly the same events`,
  );
}

export function matchesFilter(
  event: RecordedEvent,
  filter: SubscriptionFilter | undefined,
): boolean {
  if (!filter) return true;
  if (filter.eventTypes && !filter.eventTypes.includes(event.type)) return false;
  if (filter.streamPrefixes && !filter.streamPrefixes.some((p) => event.streamName.startsWith(p))) {
    return false;
  }
  return true;
}
