export * from './projection.ts';
export * from './queries.ts';
export * from './topics/index.ts';
export * from './minutes/index.ts';
export * from './resolutions/index.ts';
export * from './vitality.ts';
export * from './followers/index.ts';
