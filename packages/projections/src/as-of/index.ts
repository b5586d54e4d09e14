export * from './view.ts';
export * from './snapshots.ts';
