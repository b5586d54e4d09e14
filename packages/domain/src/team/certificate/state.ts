// The states folded from a certificate's stream and from a team's certificate register.
import type { CertificateEvent, CertificateRegisterEvent } from './events.ts';

export type CertificateState =
  | { status: 'none' }
  | {
      status: 'requested' | 'announced' | 'on_hold' | 'revoked';
      certificateId: string;
      teamId: string;
      volunteerId: string;
      from: string;
      until: string;
      /** Once issued. */
      finalOn: string | null;
      number: string | null;
    };

export const initialCertificateState = (): CertificateState => ({ status: 'none' });

export function evolveCertificate(
  state: CertificateState,
  event: CertificateEvent,
): CertificateState {
  if (event.type === 'CertificateRequested') {
    const { certificateId, teamId, volunteerId, from, until } = event.data;
    return {
      status: 'requested',
      certificateId,
      teamId,
      volunteerId,
      from,
      until,
      finalOn: null,
      number: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'CertificateIssued':
      return {
        ...state,
        status: 'announced',
        finalOn: event.data.finalOn,
        number: event.data.number,
      };
    case 'CertificateObjected':
      return { ...state, status: 'on_hold' };
    case 'CertificateObjectionResolved':
      return { ...state, status: event.data.decision === 'upheld' ? 'revoked' : 'announced' };
    case 'CertificateRevoked':
      return { ...state, status: 'revoked' };
  }
}

/**
 * Where a certificate stands on `today` (China day): announced until its final day, then final,
 * unless on hold or revoked.
 */
export function certificateStanding(
  status: string,
  finalOn: string | null,
  today: string,
): 'requested' | 'announced' | 'final' | 'on_hold' | 'revoked' {
  if (status === 'announced' && finalOn !== null && today >= finalOn) return 'final';
  return status as 'requested' | 'announced' | 'on_hold' | 'revoked';
}

export interface CertificateRegisterState {
  /** Certificate id → its number. */
  numbers: Record<string, string>;
  /** Year → the last sequence number given in it. */
  last: Record<number, number>;
}

export const initialCertificateRegisterState = (): CertificateRegisterState => ({
  numbers: {},
  last: {},
});

export function evolveCertificateRegister(
  state: CertificateRegisterState,
  event: CertificateRegisterEvent,
): CertificateRegisterState {
  const { certificateId, number, year, sequence } = event.data;
  return {
    numbers: { ...state.numbers, [certificateId]: number },
    last: { ...state.last, [year]: Math.max(state.last[year] ?? 0, sequence) },
  };
}
