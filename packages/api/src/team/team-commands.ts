// The team module's commands as the seed and tests run them (the package root exports these).
export { onServiceRecord, onTeam } from './commands.ts';
export { closeShift, onActivity } from './activities.ts';
