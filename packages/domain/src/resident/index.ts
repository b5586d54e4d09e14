export * from './events.ts';
export * from './phone.ts';
export * from './state.ts';
export * from './decider.ts';
export * from './eligibility.ts';
export * from './describe.ts';
export * from './notifications.ts';
// The command types other packages build (the command functions stay inside).
export type { RegistrationData } from './commands/registration.ts';
export type { TieDeclaration } from './commands/ties.ts';
export type { ErasureCommand } from './commands/erasure.ts';
