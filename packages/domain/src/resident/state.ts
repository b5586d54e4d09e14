// A resident (居民): stream `resident-<residentId>`. Registration, phone confirmation, password,
// ties to communities, family proxies, a worker's erasure and "forget me" are its commands
// (commands/, wired in decider.ts); the state keeps no personal data, only what decisions need.
import type { ProxyPower, ResidentEvent, ResidentEventOf, TieKind } from './events.ts';

/**
 * `unconfirmed`: a worker declared it and the resident has still to confirm it (or `declined`
 * it); `declared`: awaiting a worker's verification.
 */
export type TieStatus = 'unconfirmed' | 'declined' | 'declared' | 'verified' | 'rejected';

export interface CommunityTie {
  tieId: string;
  communityId: string;
  streetId: string;
  kind: TieKind;
  status: TieStatus;
  /** The worker who declared it for the resident; undefined when the resident did. */
  declaredBy: string | undefined;
}

export interface ProxyGrant {
  proxyId: string;
  granteeAccountId: string;
  powers: ProxyPower[];
  /** Last day it may act, inclusive; undefined = until revoked. */
  until: string | undefined;
  revoked: boolean;
}

/** A worker's erasure requested and not yet stopped or carried out (commands/erasure.ts). */
export interface PendingErasure {
  erasureId: string;
  communityId: string;
  streetId: string;
  requestedBy: string;
  writtenRequestRef: string;
  /** Set once a second person confirmed it. */
  confirmedBy: string | undefined;
  /** ISO time after which it is carried out; set on confirmation. */
  dueAt: string | undefined;
}

export interface RegisteredResident {
  status: 'active' | 'forgotten';
  residentId: string;
  phoneDigest: string;
  birthYear: number;
  channel: 'online' | 'offline';
  hasPassword: boolean;
  phoneConfirmed: boolean;
  ties: CommunityTie[];
  proxies: ProxyGrant[];
  erasure: PendingErasure | undefined;
}

export type ResidentState = { status: 'none' } | RegisteredResident;

export type ResidentStreamEvent = Exclude<
  ResidentEvent,
  ResidentEventOf<'PhoneClaimed' | 'PhoneReleased'>
>;

/** A proxy may act on `day` (YYYY-MM-DD) unless revoked or past its last day. */
export const isProxyActive = (proxy: Pick<ProxyGrant, 'until' | 'revoked'>, day: string): boolean =>
  !proxy.revoked && (proxy.until === undefined || day <= proxy.until);

export const initialResidentState = (): ResidentState => ({ status: 'none' });

export function evolveResident(state: ResidentState, event: ResidentStreamEvent): ResidentState {
  if (event.type === 'ResidentRegistered') {
    const { residentId, phoneDigest, birthYear, channel, passwordHash } = event.data;
    return {
      status: 'active',
      residentId,
      phoneDigest,
      birthYear,
      channel,
      hasPassword: passwordHash !== undefined,
      phoneConfirmed: false,
      ties: [],
      proxies: [],
      erasure: undefined,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'PhoneConfirmed':
      return { ...state, phoneConfirmed: true };
    case 'PasswordChanged':
      return { ...state, hasPassword: true };
    case 'CommunityTieDeclared': {
      const { tieId, communityId, streetId, kind, declaredBy, consent } = event.data;
      const status = consent === 'awaiting_resident' ? 'unconfirmed' : 'declared';
      return {
        ...state,
        ties: [...state.ties, { tieId, communityId, streetId, kind, status, declaredBy }],
      };
    }
    case 'CommunityTieConfirmed':
      return mapTie(state, event.data.tieId, { status: 'declared' });
    case 'CommunityTieDeclined':
      return mapTie(state, event.data.tieId, { status: 'declined' });
    case 'ResidentErasureRequested': {
      const { erasureId, communityId, streetId, requestedBy, writtenRequestRef } = event.data;
      const erasure = {
        erasureId,
        communityId,
        streetId,
        requestedBy,
        writtenRequestRef,
        confirmedBy: undefined,
        dueAt: undefined,
      };
      return { ...state, erasure };
    }
    case 'ResidentErasureConfirmed': {
      const { confirmedBy, dueAt } = event.data;
      return { ...state, erasure: state.erasure && { ...state.erasure, confirmedBy, dueAt } };
    }
    case 'ResidentErasureStopped':
      return { ...state, erasure: undefined };
    case 'CommunityTieVerified':
      return mapTie(state, event.data.tieId, { status: 'verified' });
    case 'CommunityTieRejected':
      return mapTie(state, event.data.tieId, { status: 'rejected' });
    case 'ProxyGranted': {
      const { proxyId, granteeAccountId, powers, until } = event.data;
      return {
        ...state,
        proxies: [...state.proxies, { proxyId, granteeAccountId, powers, until, revoked: false }],
      };
    }
    case 'ProxyRevoked':
      return {
        ...state,
        proxies: state.proxies.map((p) =>
          p.proxyId === event.data.proxyId ? { ...p, revoked: true } : p,
        ),
      };
    case 'ResidentForgotten':
      return { ...state, status: 'forgotten', erasure: undefined };
  }
}

const mapTie = (
  state: RegisteredResident,
  tieId: string,
  change: Partial<CommunityTie>,
): ResidentState => ({
  ...state,
  ties: state.ties.map((t) => (t.tieId === tieId ? { ...t, ...change } : t)),
});
