// The resident stream's decider: `decide` only says which command function decides a command.
// The decider does no I/O: the command handler passes what other streams say (the communities a
// tie names) and the day, so that deciding stays pure.
import type { Decider } from '../shared/decider.ts';
import {
  confirmErasure,
  executeErasure,
  forgetResident,
  requestErasure,
  stopErasure,
  type ErasureCommand,
  type ForgetResident,
} from './commands/erasure.ts';
import { grantProxy, revokeProxy, type GrantProxy, type RevokeProxy } from './commands/proxies.ts';
import {
  changePassword,
  confirmPhone,
  registerResident,
  type ChangePassword,
  type ConfirmPhone,
  type RegisterResident,
} from './commands/registration.ts';
import {
  confirmTie,
  declareTie,
  declineTie,
  rejectTie,
  verifyTie,
  type ConfirmTie,
  type DeclareTie,
  type DeclineTie,
  type RejectTie,
  type VerifyTie,
} from './commands/ties.ts';
import {
  evolveResident,
  initialResidentState,
  type ResidentState,
  type ResidentStreamEvent,
} from './state.ts';

export type ResidentCommand =
  | RegisterResident
  | ConfirmPhone
  | ChangePassword
  | DeclareTie
  | ConfirmTie
  | DeclineTie
  | VerifyTie
  | RejectTie
  | GrantProxy
  | RevokeProxy
  | ForgetResident
  | ErasureCommand;

export function decideResident(
  command: ResidentCommand,
  state: ResidentState,
): ResidentStreamEvent[] {
  switch (command.type) {
    case 'RegisterResident':
      return registerResident(command, state);
    case 'ConfirmPhone':
      return confirmPhone(command, state);
    case 'ChangePassword':
      return changePassword(command, state);
    case 'DeclareTie':
      return declareTie(command, state);
    case 'ConfirmTie':
      return confirmTie(command, state);
    case 'DeclineTie':
      return declineTie(command, state);
    case 'VerifyTie':
      return verifyTie(command, state);
    case 'RejectTie':
      return rejectTie(command, state);
    case 'GrantProxy':
      return grantProxy(command, state);
    case 'RevokeProxy':
      return revokeProxy(command, state);
    case 'ForgetResident':
      return forgetResident(command, state);
    case 'RequestErasure':
      return requestErasure(command, state);
    case 'ConfirmErasure':
      return confirmErasure(command, state);
    case 'StopErasure':
      return stopErasure(command, state);
    case 'ExecuteErasure':
      return executeErasure(command, state);
  }
}

export const residentDecider: Decider<ResidentCommand, ResidentStreamEvent, ResidentState> = {
  initialState: initialResidentState,
  evolve: evolveResident,
  decide: decideResident,
};
