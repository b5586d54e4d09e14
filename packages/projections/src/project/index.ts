export * from './projection.ts';
export * from './queries.ts';
export * from './supervision/index.ts';
