export * from './events.ts';
export * from './rules.ts';
export * from './body/state.ts';
export * from './body/decider.ts';
export * from './state.ts';
export * from './decider.ts';
export * from './attendance.ts';
export * from './describe.ts';
