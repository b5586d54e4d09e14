export * from './projection.ts';
export * from './queries.ts';
export * from './activity/index.ts';
export * from './need/index.ts';
export * from './certificate/index.ts';
