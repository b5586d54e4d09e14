export * from './projection.ts';
export * from './queries.ts';
export * from './labels.ts';
export * from './feedback.ts';
