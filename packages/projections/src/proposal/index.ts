export * from './projection.ts';
export * from './queries.ts';
export * from './labels.ts';
export * from './round-tables/index.ts';
export * from './feedback/index.ts';
