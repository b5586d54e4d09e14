export * from './seal.ts';
export * from './projection.ts';
export * from './queries.ts';
export * from './voters/index.ts';
export * from './tallies/index.ts';
export * from './paper.ts';
