// Refusals shared by the resident's commands: nothing is done for a resident who is not
// registered or has been forgotten.
import { refuse } from '../../shared/errors.ts';
import type { RegisteredResident, ResidentState } from '../state.ts';

export function refuseForgotten(): never {
  return refuse(
    'not_found',
    'resident_forgotten',
    '该居民已应本人要求注销，不能再为其办理任何事项。',
    'This resident has been forgotten at their request; nothing more can be done for them.',
  );
}

export function refuseUnknown(residentId: string): never {
  return refuse(
    'not_found',
    'resident_not_found',
    `找不到居民（编号 ${residentId}）。`,
    `There is no resident with id ${residentId}.`,
  );
}

export function requireActive(state: ResidentState, residentId: string): RegisteredResident {
  if (state.status === 'none') refuseUnknown(residentId);
  if (state.status === 'forgotten') refuseForgotten();
  return state;
}
