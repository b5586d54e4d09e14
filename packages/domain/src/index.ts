export * from './shared/index.ts';
export * from './organisation/index.ts';
