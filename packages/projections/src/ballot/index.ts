export * from './seal.ts';
export * from './projection.ts';
export * from './queries.ts';
export * from './paper.ts';
