export * from './state.ts';
export * from './review.ts';
export * from './decider.ts';
export * from './claims.ts';
export { requirePaperVoting } from './commands.ts';
