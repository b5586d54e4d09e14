export * from './events.ts';
export * from './state.ts';
export * from './decider.ts';
export { CHECK_IN_OPENS_MS } from './commands.ts';
