import { v7 as uuidv7 } from 'uuid';
import type { EventData, EventMetadata } from './port.ts';

export { uuidv7 };

/** Builds an event to append, giving it a fresh UUIDv7 id. */
export function newEvent<Type extends string, Data>(
  type: Type,
  data: Data,
  metadata: EventMetadata,
  schemaVersion = 1,
): EventData<Type, Data> {
  return { id: uuidv7(), type, schemaVersion, data, metadata };
}
