export * from './events.ts';
export * from './cycle.ts';
export * from './describe.ts';
