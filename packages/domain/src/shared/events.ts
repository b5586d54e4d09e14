// What each module's events.ts derives from its table of event schemas: the union of its events,
// the list of its event types, a guard and a parser.
import type { z } from 'zod';
import type { DomainEvent } from './decider.ts';

/** An event type's current schema version and the schema of its data. */
export interface EventSchema {
  readonly version: number;
  readonly schema: z.ZodType;
}

/**
 * A module's upcasters: [type][n] lifts stored version n data to version n + 1. The same shape as
 * @gongzhi/eventstore's UpcasterRegistry, which wraps a store with them (the domain owns the steps,
 * the store applies them on every read).
 */
export type EventUpcasters = Record<string, Record<number, (data: unknown) => unknown>>;

/** A module's event types, each with its schema. */
export type EventSchemas<Schemas> = { readonly [T in keyof Schemas]: EventSchema };

/** The union of a module's events as deciders see them. */
export type EventUnion<Schemas extends EventSchemas<Schemas>> = {
  [T in keyof Schemas & string]: DomainEvent<T, z.output<Schemas[T]['schema']>>;
}[keyof Schemas & string];

/**
 * The event types of a module, a guard for them, and a parser that checks stored data against
 * the current schema of its type. The parser throws on data that does not match: an event the
 * code cannot read is a bug, not a refusal. `what` names the module's events in that error,
 * e.g. 'a cycle event'.
 */
export function eventParsing<Schemas extends EventSchemas<Schemas>>(
  schemas: Schemas,
  what: string,
) {
  type Type = keyof Schemas & string;
  const isType = (type: string): type is Type => Object.hasOwn(schemas, type);
  const parse = (type: string, data: unknown): EventUnion<Schemas> => {
    if (!isType(type)) throw new Error(`Not ${what}: ${type}`);
    const parsed: unknown = schemas[type].schema.parse(data);
    return { type, data: parsed } as EventUnion<Schemas>;
  };
  return { types: Object.keys(schemas) as Type[], isType, parse };
}
