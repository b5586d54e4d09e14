export * from './events.ts';
export * from './phone.ts';
export * from './resident.ts';
export * from './eligibility.ts';
export * from './describe.ts';
export * from './erasure.ts';
export * from './notifications.ts';
