export * from './events.ts';
export * from './objection.ts';
