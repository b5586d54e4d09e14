export * from './events.ts';
export * from './city.ts';
export * from './street.ts';
export * from './community.ts';
export * from './account.ts';
export * from './describe.ts';
