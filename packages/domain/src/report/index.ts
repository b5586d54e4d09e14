export * from './canonical.ts';
export * from './events.ts';
export * from './decider.ts';
