// A street or town (街道/镇): stream `street-<streetId>`. Its commands are in commands.ts, wired in
// decider.ts.
import type { EventOf } from '../events.ts';

export type StreetState =
  | { status: 'none' }
  | {
      status: 'open' | 'closed';
      streetId: string;
      name: string;
      nameEn: string | undefined;
    };

export type StreetEvent = EventOf<'StreetRegistered' | 'StreetRenamed' | 'StreetClosed'>;

export const initialStreetState = (): StreetState => ({ status: 'none' });

export function evolveStreet(state: StreetState, event: StreetEvent): StreetState {
  switch (event.type) {
    case 'StreetRegistered':
      return {
        status: 'open',
        streetId: event.data.streetId,
        name: event.data.name,
        nameEn: event.data.nameEn,
      };
    case 'StreetRenamed':
      return state.status === 'none'
        ? state
        : { ...state, name: event.data.name, nameEn: event.data.nameEn };
    case 'StreetClosed':
      return state.status === 'none' ? state : { ...state, status: 'closed' };
  }
}
