// Decider specs in given / when / then form:
//   given(decider, pastEvents).when(command).then(expectedEvents)
//   given(decider, pastEvents).when(command).then(refused('conflict', 'street_closed'))
import { expect } from 'vitest';
import { DomainError, fold } from '../src/shared/index.ts';
import type { Decider, DomainEvent, RefusalKind } from '../src/shared/index.ts';

export interface Refusal {
  kind: RefusalKind;
  code: string;
}

export const refused = (kind: RefusalKind, code: string): Refusal => ({ kind, code });

export function given<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  events: readonly Event[],
) {
  return {
    when(command: Command) {
      return {
        then(expected: readonly Event[] | Refusal): void {
          const state = fold(decider, events);
          if (Array.isArray(expected)) {
            expect(decider.decide(command, state)).toEqual(expected);
            return;
          }
          const refusal = expected as Refusal;
          let thrown: unknown;
          try {
            decider.decide(command, state);
          } catch (error) {
            thrown = error;
          }
          expect(thrown, `expected the refusal ${refusal.code}`).toBeInstanceOf(DomainError);
          const error = thrown as DomainError;
          expect({ kind: error.kind, code: error.code }).toEqual(refusal);
          // Every refusal speaks both interface languages.
          expect(error.text['zh-CN']).toMatch(/\p{Script=Han}/u);
          expect(error.text.en).toMatch(/[A-Za-z]{3,} [A-Za-z]{2,}/);
        },
      };
    },
  };
}
