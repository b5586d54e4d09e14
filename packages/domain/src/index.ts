export * from './shared/index.ts';
export * from './organisation/index.ts';
export * from './resident/index.ts';
export * from './cycle/index.ts';
export * from './proposal/index.ts';
export * from './ballot/index.ts';
export * from './outcome/index.ts';
export * from './team/index.ts';
