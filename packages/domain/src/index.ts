export * from './shared/index.ts';
export * from './organisation/index.ts';
export * from './resident/index.ts';
