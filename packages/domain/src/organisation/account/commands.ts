// Creating a staff account, granting and revoking its roles, changing its password, deactivating
// it. Who may do which is the API's authorization; that a role fits its scope is a rule here.
import { refuse } from '../../shared/errors.ts';
import { roleScopeType, type EventOf, type OrganisationEventData, type Scope } from '../events.ts';
import { sameGrant, type AccountState } from './state.ts';

export interface CreateStaffAccount {
  type: 'CreateStaffAccount';
  data: OrganisationEventData<'StaffAccountCreated'>;
}

export interface GrantRole {
  type: 'GrantRole';
  data: OrganisationEventData<'RoleGranted'>;
}

export interface RevokeRole {
  type: 'RevokeRole';
  data: OrganisationEventData<'RoleRevoked'>;
}

export interface ChangeStaffPassword {
  type: 'ChangeStaffPassword';
  data: OrganisationEventData<'StaffPasswordChanged'>;
}

export interface DeactivateStaffAccount {
  type: 'DeactivateStaffAccount';
  data: OrganisationEventData<'StaffAccountDeactivated'>;
}

export function createStaffAccount(
  command: CreateStaffAccount,
  state: AccountState,
): EventOf<'StaffAccountCreated'>[] {
  if (state.status !== 'none') {
    return refuse(
      'conflict',
      'account_exists',
      `账号「${state.loginName}」已存在。`,
      `The account “${state.loginName}” already exists.`,
    );
  }
  return [{ type: 'StaffAccountCreated', data: command.data }];
}

export function grantRole(command: GrantRole, state: AccountState): EventOf<'RoleGranted'>[] {
  const account = requireActiveAccount(state, command.data.accountId);
  const grant = command.data;
  if (roleScopeType[grant.role] !== grant.scope.type) {
    return refuse(
      'invalid',
      'role_scope_mismatch',
      `角色 ${grant.role} 只能授予在「${scopeTypeZh[roleScopeType[grant.role]]}」范围内。`,
      `The role ${grant.role} can only be granted in the scope of a ${roleScopeType[grant.role]}.`,
    );
  }
  if (account.grants.some((g) => sameGrant(g, grant))) {
    return refuse(
      'conflict',
      'role_already_granted',
      `「${account.displayName}」已拥有该角色。`,
      `${account.displayName} already holds this role in this scope.`,
    );
  }
  return [{ type: 'RoleGranted', data: command.data }];
}

export function revokeRole(command: RevokeRole, state: AccountState): EventOf<'RoleRevoked'>[] {
  // Allowed on a deactivated account too: tidying its grants up changes no one's access.
  const account = requireAccount(state, command.data.accountId);
  if (!account.grants.some((g) => sameGrant(g, command.data))) {
    return refuse(
      'not_found',
      'role_not_granted',
      `「${account.displayName}」没有该角色，无需撤销。`,
      `${account.displayName} does not hold this role in this scope.`,
    );
  }
  return [{ type: 'RoleRevoked', data: command.data }];
}

export function changeStaffPassword(
  command: ChangeStaffPassword,
  state: AccountState,
): EventOf<'StaffPasswordChanged'>[] {
  requireActiveAccount(state, command.data.accountId);
  return [{ type: 'StaffPasswordChanged', data: command.data }];
}

export function deactivateStaffAccount(
  command: DeactivateStaffAccount,
  state: AccountState,
): EventOf<'StaffAccountDeactivated'>[] {
  requireActiveAccount(state, command.data.accountId);
  return [{ type: 'StaffAccountDeactivated', data: command.data }];
}

const scopeTypeZh: Record<Scope['type'], string> = {
  city: '市',
  street: '街道',
  community: '社区',
};

function requireAccount(state: AccountState, accountId: string) {
  if (state.status === 'none') {
    return refuse(
      'not_found',
      'account_not_found',
      `找不到账号（编号 ${accountId}）。`,
      `There is no account with id ${accountId}.`,
    );
  }
  return state;
}

function requireActiveAccount(state: AccountState, accountId: string) {
  const account = requireAccount(state, accountId);
  if (account.status === 'deactivated') {
    return refuse(
      'conflict',
      'account_deactivated',
      `账号「${account.loginName}」已停用。`,
      `The account “${account.loginName}” has been deactivated.`,
    );
  }
  return account;
}
