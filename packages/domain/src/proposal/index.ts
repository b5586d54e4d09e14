export * from './events.ts';
export * from './status.ts';
export * from './state.ts';
export * from './decider.ts';
export * from './roundtable.ts';
export * from './notifications.ts';
export * from './describe.ts';
// The command files' helpers that other packages use (the command functions stay inside).
export { requireProposal } from './commands/rules.ts';
export { costAboveCap } from './commands/content.ts';
export { tallyOutcome, type TallyOutcome } from './commands/feedback.ts';
