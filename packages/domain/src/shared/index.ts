export * from './decider.ts';
export * from './errors.ts';
export * from './text.ts';
export * from './small-counts.ts';
