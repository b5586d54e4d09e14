export * from './events.ts';
export * from './ballot.ts';
export * from './tally.ts';
export * from './paper/index.ts';
export * from './bulletin.ts';
