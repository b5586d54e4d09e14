export * from './projection.ts';
export * from './queries.ts';
export * from './staff/index.ts';
