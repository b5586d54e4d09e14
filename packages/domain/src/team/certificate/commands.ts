// A certificate's commands: the volunteer asks for one over a past period of a team they serve
// in; a leader of the team or staff of its community issues it (with the confirmed hours of the
// period, which must be some); during the 7 days of announcement a member of the team may object,
// which holds it until a leader or the community resolves the objection; a leader or the
// community revokes it with a reason. Numbers come from the team's register, one after another.
import { refuse } from '../../shared/errors.ts';
import { servesIn, type TeamState } from '../state.ts';
import { requireTeam } from '../commands/rules.ts';
import type {
  CertificateEventData,
  CertificateEventOf,
  CertificateRegisterEvent,
} from './events.ts';
import type { CertificateRegisterState, CertificateState } from './state.ts';

/** Who acts for the organising body: the caller, and whether they are staff of the team's place. */
export interface IssuingAccount {
  accountId: string;
  communityStaff: boolean;
}

export interface RequestCertificate {
  type: 'RequestCertificate';
  data: CertificateEventData<'CertificateRequested'>;
  team: TeamState;
  /** Today, China day. */
  today: string;
}
export interface IssueCertificate {
  type: 'IssueCertificate';
  data: CertificateEventData<'CertificateIssued'>;
  by: IssuingAccount;
  team: TeamState;
}
export interface ObjectToCertificate {
  type: 'ObjectToCertificate';
  data: CertificateEventData<'CertificateObjected'>;
  team: TeamState;
  today: string;
}
export interface ResolveCertificateObjection {
  type: 'ResolveCertificateObjection';
  data: Omit<CertificateEventData<'CertificateObjectionResolved'>, 'by'>;
  by: IssuingAccount;
  team: TeamState;
}
export interface RevokeCertificate {
  type: 'RevokeCertificate';
  data: Omit<CertificateEventData<'CertificateRevoked'>, 'by'>;
  by: IssuingAccount;
  team: TeamState;
}
export interface NumberCertificate {
  type: 'NumberCertificate';
  data: { teamId: string; certificateId: string; year: number };
}

export function requireCertificate(state: CertificateState, certificateId: string) {
  if (state.status === 'none') {
    return refuse(
      'not_found',
      'certificate_not_found',
      `找不到这份志愿服务记录证明（编号 ${certificateId}）。`,
      `There is no certificate of volunteer service with id ${certificateId}.`,
    );
  }
  return state;
}

/** A leader of the team, or staff of its community, acts for the organising body. */
export function requireIssuer(team: TeamState, teamId: string, by: IssuingAccount) {
  const registered = requireTeam(team, teamId);
  if (registered.people[by.accountId] !== 'leader' && !by.communityStaff) {
    refuse(
      'forbidden',
      'not_issuer',
      `只有「${registered.name}」的队长或所在社区的工作人员可以代表组织单位出具证明。`,
      `Only a leader of “${registered.name}” or staff of its community may act for the organising body.`,
    );
  }
  return registered;
}

export function requestCertificate(
  command: RequestCertificate,
  state: CertificateState,
): CertificateEventOf<'CertificateRequested'>[] {
  if (state.status !== 'none') return [];
  const { teamId, volunteerId, from, until } = command.data;
  const team = requireTeam(command.team, teamId);
  if (!servesIn(team, volunteerId)) {
    return refuse(
      'forbidden',
      'not_a_member',
      `只有「${team.name}」的队员可以申请本队的服务记录证明。`,
      `Only a member of “${team.name}” may ask for its certificate of service.`,
    );
  }
  if (from > until) {
    return refuse(
      'invalid',
      'period_backwards',
      '证明期间的结束日期应不早于开始日期。',
      'The period must not end before it starts.',
      'until',
    );
  }
  if (until > command.today) {
    return refuse(
      'invalid',
      'period_in_future',
      '证明期间不能包括今天以后的日子。',
      'The period cannot reach beyond today.',
      'until',
    );
  }
  return [{ type: 'CertificateRequested', data: command.data }];
}

export function issueCertificate(
  command: IssueCertificate,
  state: CertificateState,
): CertificateEventOf<'CertificateIssued'>[] {
  const certificate = requireCertificate(state, command.data.certificateId);
  requireIssuer(command.team, certificate.teamId, command.by);
  if (certificate.status !== 'requested') {
    if (certificate.number === command.data.number) return [];
    return refuse(
      'conflict',
      'certificate_issued',
      '这份证明已经出具过了。',
      'This certificate has already been issued.',
    );
  }
  return [{ type: 'CertificateIssued', data: command.data }];
}

export function objectToCertificate(
  command: ObjectToCertificate,
  state: CertificateState,
): CertificateEventOf<'CertificateObjected'>[] {
  const certificate = requireCertificate(state, command.data.certificateId);
  const team = requireTeam(command.team, certificate.teamId);
  if (!servesIn(team, command.data.by) || command.data.by === certificate.volunteerId) {
    return refuse(
      'forbidden',
      'not_a_member',
      `只有「${team.name}」的其他队员可以对公示中的证明提出异议。`,
      `Only another member of “${team.name}” may object to a certificate being announced.`,
    );
  }
  if (certificate.status === 'on_hold') return [];
  if (certificate.status !== 'announced' || command.today >= certificate.finalOn!) {
    return refuse(
      'conflict',
      'not_announced',
      '这份证明不在公示期内，不能提出异议。',
      'This certificate is not being announced; it cannot be objected to now.',
    );
  }
  return [{ type: 'CertificateObjected', data: command.data }];
}

export function resolveCertificateObjection(
  command: ResolveCertificateObjection,
  state: CertificateState,
): CertificateEventOf<'CertificateObjectionResolved'>[] {
  const certificate = requireCertificate(state, command.data.certificateId);
  requireIssuer(command.team, certificate.teamId, command.by);
  if (certificate.status !== 'on_hold') {
    return refuse(
      'conflict',
      'no_objection',
      '这份证明没有待处理的异议。',
      'This certificate has no objection waiting.',
    );
  }
  return [
    {
      type: 'CertificateObjectionResolved',
      data: { ...command.data, by: command.by.accountId },
    },
  ];
}

export function revokeCertificate(
  command: RevokeCertificate,
  state: CertificateState,
): CertificateEventOf<'CertificateRevoked'>[] {
  const certificate = requireCertificate(state, command.data.certificateId);
  requireIssuer(command.team, certificate.teamId, command.by);
  if (certificate.status === 'revoked') return [];
  if (certificate.status === 'requested') {
    return refuse(
      'conflict',
      'not_issued',
      '这份证明尚未出具，不能撤销。',
      'This certificate has not been issued; there is nothing to revoke.',
    );
  }
  return [{ type: 'CertificateRevoked', data: { ...command.data, by: command.by.accountId } }];
}

/** The team's next number in the year: ZYFW-<year>-<team>-<sequence>; the same on a retry. */
export function numberCertificate(
  command: NumberCertificate,
  state: CertificateRegisterState,
): CertificateRegisterEvent[] {
  const { teamId, certificateId, year } = command.data;
  if (state.numbers[certificateId]) return [];
  const sequence = (state.last[year] ?? 0) + 1;
  const team = teamId
    .replace(/[^0-9a-z]/giu, '')
    .slice(-6)
    .toUpperCase()
    .padStart(6, '0');
  const number = `ZYFW-${year}-${team}-${String(sequence).padStart(4, '0')}`;
  return [{ type: 'CertificateNumbered', data: { teamId, certificateId, year, sequence, number } }];
}
