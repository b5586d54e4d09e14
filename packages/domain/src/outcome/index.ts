export * from './events.ts';
export * from './objection.ts';
export * from './notifications.ts';
