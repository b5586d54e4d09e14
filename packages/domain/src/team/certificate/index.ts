export * from './events.ts';
export * from './state.ts';
export * from './decider.ts';
export { requireCertificate, requireIssuer, type IssuingAccount } from './commands.ts';
