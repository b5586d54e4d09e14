// The city (市/区) a deployment serves. One per deployment: scopes of type 'city' have no id.
import type { Decider } from '../shared/decider.ts';
import { refuse } from '../shared/errors.ts';
import type { EventOf, OrganisationEventData } from './events.ts';

export type CityState =
  { status: 'none' } | { status: 'registered'; cityId: string; name: string; nameEn: string };

export type CityCommand = {
  type: 'RegisterCity';
  data: OrganisationEventData<'CityRegistered'>;
};

export type CityEvent = EventOf<'CityRegistered'>;

export const cityDecider: Decider<CityCommand, CityEvent, CityState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (_state, event) => ({ status: 'registered', ...event.data }),
  decide: (command, state) => {
    if (state.status !== 'none') {
      return refuse(
        'conflict',
        'city_exists',
        `城市「${state.name}」已登记。`,
        `The city “${state.nameEn}” is already registered.`,
      );
    }
    return [{ type: 'CityRegistered', data: command.data }];
  },
};
