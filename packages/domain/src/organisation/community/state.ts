// A community (社区) or village (村): stream `community-<communityId>`. Its commands are in
// commands.ts, wired in decider.ts.
import type { CommunityKind, EventOf } from '../events.ts';

export type CommunityState =
  | { status: 'none' }
  | {
      status: 'open' | 'closed';
      communityId: string;
      streetId: string;
      kind: CommunityKind;
      name: string;
      nameEn: string | undefined;
    };

export type CommunityEvent = EventOf<
  'CommunityRegistered' | 'CommunityRenamed' | 'CommunityClosed'
>;

export const initialCommunityState = (): CommunityState => ({ status: 'none' });

export function evolveCommunity(state: CommunityState, event: CommunityEvent): CommunityState {
  switch (event.type) {
    case 'CommunityRegistered':
      return { status: 'open', ...event.data, nameEn: event.data.nameEn };
    case 'CommunityRenamed':
      return state.status === 'none'
        ? state
        : { ...state, name: event.data.name, nameEn: event.data.nameEn };
    case 'CommunityClosed':
      return state.status === 'none' ? state : { ...state, status: 'closed' };
  }
}
