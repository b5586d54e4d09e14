// The staff account stream's decider: `decide` only says which command function decides a command.
import type { Decider } from '../../shared/decider.ts';
import {
  changeStaffPassword,
  createStaffAccount,
  deactivateStaffAccount,
  grantRole,
  revokeRole,
  type ChangeStaffPassword,
  type CreateStaffAccount,
  type DeactivateStaffAccount,
  type GrantRole,
  type RevokeRole,
} from './commands.ts';
import {
  evolveAccount,
  initialAccountState,
  type AccountEvent,
  type AccountState,
} from './state.ts';

export type AccountCommand =
  CreateStaffAccount | GrantRole | RevokeRole | ChangeStaffPassword | DeactivateStaffAccount;

export function decideAccount(command: AccountCommand, state: AccountState): AccountEvent[] {
  switch (command.type) {
    case 'CreateStaffAccount':
      return createStaffAccount(command, state);
    case 'GrantRole':
      return grantRole(command, state);
    case 'RevokeRole':
      return revokeRole(command, state);
    case 'ChangeStaffPassword':
      return changeStaffPassword(command, state);
    case 'DeactivateStaffAccount':
      return deactivateStaffAccount(command, state);
  }
}

export const accountDecider: Decider<AccountCommand, AccountEvent, AccountState> = {
  initialState: initialAccountState,
  evolve: evolveAccount,
  decide: decideAccount,
};
