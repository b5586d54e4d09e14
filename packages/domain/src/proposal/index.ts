export * from './events.ts';
export * from './status.ts';
export * from './proposal.ts';
export * from './roundtable.ts';
export * from './feedback.ts';
export * from './notifications.ts';
export * from './describe.ts';
