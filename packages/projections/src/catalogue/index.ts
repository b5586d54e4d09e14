export * from './projection.ts';
export * from './queries.ts';
export * from './off-catalogue/index.ts';
