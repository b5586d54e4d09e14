// The state folded from a need's stream: what is needed, where, and each team's claim.
import type { NeedEvent, NeedEventData } from './events.ts';

export type ClaimStatus = 'claimed' | 'accepted' | 'declined';

export type NeedState =
  | { status: 'none' }
  | {
      status: 'open' | 'taken';
      posted: NeedEventData<'NeedPosted'>;
      /** Team id → its claim. */
      claims: Record<string, { status: ClaimStatus; reason?: string }>;
      takenBy: string | null;
    };

export type PostedNeed = Exclude<NeedState, { status: 'none' }>;

export const initialNeedState = (): NeedState => ({ status: 'none' });

const withClaim = (
  state: NeedState,
  teamId: string,
  claim: { status: ClaimStatus; reason?: string },
): NeedState =>
  state.status === 'none' ? state : { ...state, claims: { ...state.claims, [teamId]: claim } };

export function evolveNeed(state: NeedState, event: NeedEvent): NeedState {
  switch (event.type) {
    case 'NeedPosted':
      return { status: 'open', posted: event.data, claims: {}, takenBy: null };
    case 'NeedClaimed':
      return withClaim(state, event.data.teamId, { status: 'claimed' });
    case 'NeedClaimAccepted': {
      const next = withClaim(state, event.data.teamId, { status: 'accepted' });
      return next.status === 'none'
        ? next
        : { ...next, status: 'taken', takenBy: event.data.teamId };
    }
    case 'NeedClaimDeclined':
      return withClaim(state, event.data.teamId, {
        status: 'declined',
        reason: event.data.reason,
      });
  }
}
