// The team module's commands as the seed and tests run them (the package root exports these).
export { onServiceRecord, onTeam, teamState } from './commands.ts';
export { closeShift, onActivity } from './activities.ts';
export { onNeed } from './needs.ts';
export { onCertificate, writeCertificate } from './certificates.ts';
