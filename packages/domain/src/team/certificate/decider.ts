// The certificate stream's and the certificate register's deciders: `decide` only dispatches.
import type { Decider } from '../../shared/decider.ts';
import type { LocalizedText } from '../../shared/errors.ts';
import {
  issueCertificate,
  numberCertificate,
  objectToCertificate,
  requestCertificate,
  resolveCertificateObjection,
  revokeCertificate,
  type IssueCertificate,
  type NumberCertificate,
  type ObjectToCertificate,
  type RequestCertificate,
  type ResolveCertificateObjection,
  type RevokeCertificate,
} from './commands.ts';
import type { CertificateEvent, CertificateRegisterEvent } from './events.ts';
import {
  evolveCertificate,
  evolveCertificateRegister,
  initialCertificateRegisterState,
  initialCertificateState,
  type CertificateRegisterState,
  type CertificateState,
} from './state.ts';

export type CertificateCommand =
  | RequestCertificate
  | IssueCertificate
  | ObjectToCertificate
  | ResolveCertificateObjection
  | RevokeCertificate;

export function decideCertificate(
  command: CertificateCommand,
  state: CertificateState,
): CertificateEvent[] {
  switch (command.type) {
    case 'RequestCertificate':
      return requestCertificate(command, state);
    case 'IssueCertificate':
      return issueCertificate(command, state);
    case 'ObjectToCertificate':
      return objectToCertificate(command, state);
    case 'ResolveCertificateObjection':
      return resolveCertificateObjection(command, state);
    case 'RevokeCertificate':
      return revokeCertificate(command, state);
  }
}

export const certificateDecider: Decider<CertificateCommand, CertificateEvent, CertificateState> = {
  initialState: initialCertificateState,
  evolve: evolveCertificate,
  decide: decideCertificate,
};

export const certificateRegisterDecider: Decider<
  NumberCertificate,
  CertificateRegisterEvent,
  CertificateRegisterState
> = {
  initialState: initialCertificateRegisterState,
  evolve: evolveCertificateRegister,
  decide: numberCertificate,
};

export function describeCertificateEvent(event: CertificateEvent): LocalizedText {
  switch (event.type) {
    case 'CertificateRequested':
      return { 'zh-CN': '申请了服务记录证明', en: 'asked for a certificate' };
    case 'CertificateIssued':
      return { 'zh-CN': '出具了证明（公示中）', en: 'issued the certificate (announced)' };
    case 'CertificateObjected':
      return { 'zh-CN': '对证明提出异议', en: 'objected to the certificate' };
    case 'CertificateObjectionResolved':
      return { 'zh-CN': '处理了异议', en: 'resolved the objection' };
    case 'CertificateRevoked':
      return { 'zh-CN': '撤销了证明', en: 'revoked the certificate' };
  }
}

export const describeCertificateRegisterEvent = (): LocalizedText => ({
  'zh-CN': '登记了证明编号',
  en: 'registered a certificate number',
});
