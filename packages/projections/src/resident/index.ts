export * from './projection.ts';
export * from './queries.ts';
export * from './erasure.ts';
export * from './acts.ts';
export * from './erasures.ts';
