export * from './types.ts';
export { ReadModelLagError } from './errors.ts';
export {
  startProjectionRunner,
  defaultWaitTimeoutMs,
  type AppliedBatch,
  type ProjectionRunner,
  type ProjectionRunnerOptions,
} from './runner.ts';
export {
  rebuildProjection,
  rebuildProjections,
  type RebuildOptions,
  type RebuildProgress,
  type RebuildResult,
} from './rebuild.ts';
export { readModelsFromCheckpoints, type CheckpointReadModelsOptions } from './read-models.ts';
export { progressBar, formatProgress } from './progress.ts';
export { checkpointTable, type Checkpoint } from './checkpoints.ts';
export { retiredProjections } from './retired.ts';
