export * from './events.ts';
export * from './state.ts';
export * from './decider.ts';
export * from './describe.ts';
// What the pages offer follows the deciders' own rules.
export { mayAmendBudget, mayAmendSchedule, mayPublish } from './commands/rules.ts';
