// Staff accounts (stream `account-<accountId>`) and the login names they sign in with.
//
// Login names are unique across accounts. That invariant has its own stream per name,
// `login-<loginName>`, whose first event claims the name for one account; the store's
// `no_stream` check makes two claims of one name impossible, whatever the read model says.
// Creating an account is two appends: claim the name, then create the account. A retry after a
// failure between the two finds the name already claimed by the same account and goes on.
import type { Decider } from '../shared/decider.ts';
import { refuse } from '../shared/errors.ts';
import type { EventOf, OrganisationEventData, Scope, StaffRole } from './events.ts';
import { roleScopeType } from './events.ts';

export type LoginNameState = { claimedBy: string | undefined };

export type LoginNameCommand = {
  type: 'ClaimLoginName';
  data: OrganisationEventData<'LoginNameClaimed'>;
};

export type LoginNameEvent = EventOf<'LoginNameClaimed'>;

export const loginNameDecider: Decider<LoginNameCommand, LoginNameEvent, LoginNameState> = {
  initialState: () => ({ claimedBy: undefined }),
  evolve: (_state, event) => ({ claimedBy: event.data.accountId }),
  decide(command, state) {
    if (state.claimedBy === undefined) return [{ type: 'LoginNameClaimed', data: command.data }];
    if (state.claimedBy === command.data.accountId) return [];
    return refuse(
      'conflict',
      'login_name_taken',
      `登录名「${command.data.loginName}」已被使用,请换一个。`,
      `The login name “${command.data.loginName}” is already taken; choose another.`,
    );
  },
};

export interface Grant {
  role: StaffRole;
  scope: Scope;
}

/** A deactivated account keeps its history and grants but can no longer sign in or be granted. */
export type AccountState =
  | { status: 'none' }
  | {
      status: 'active' | 'deactivated';
      accountId: string;
      loginName: string;
      displayName: string;
      grants: Grant[];
    };

export type AccountCommand =
  | { type: 'CreateStaffAccount'; data: OrganisationEventData<'StaffAccountCreated'> }
  | { type: 'GrantRole'; data: OrganisationEventData<'RoleGranted'> }
  | { type: 'RevokeRole'; data: OrganisationEventData<'RoleRevoked'> }
  | { type: 'ChangeStaffPassword'; data: OrganisationEventData<'StaffPasswordChanged'> }
  | { type: 'DeactivateStaffAccount'; data: OrganisationEventData<'StaffAccountDeactivated'> };

export type AccountEvent = EventOf<
  | 'StaffAccountCreated'
  | 'RoleGranted'
  | 'RoleRevoked'
  | 'StaffPasswordChanged'
  | 'StaffAccountDeactivated'
>;

export const sameGrant = (a: Grant, b: Grant): boolean =>
  a.role === b.role && scopeKey(a.scope) === scopeKey(b.scope);

/** A stable text key for a scope: `city`, `street:<id>`, `community:<id>`. */
export function scopeKey(scope: Scope): string {
  switch (scope.type) {
    case 'city':
      return 'city';
    case 'street':
      return `street:${scope.streetId}`;
    case 'community':
      return `community:${scope.communityId}`;
  }
}

export const accountDecider: Decider<AccountCommand, AccountEvent, AccountState> = {
  initialState: () => ({ status: 'none' }),

  evolve(state, event) {
    if (event.type === 'StaffAccountCreated') {
      return {
        status: 'active',
        accountId: event.data.accountId,
        loginName: event.data.loginName,
        displayName: event.data.displayName,
        grants: [],
      };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'RoleGranted':
        return {
          ...state,
          grants: [...state.grants, { role: event.data.role, scope: event.data.scope }],
        };
      case 'RoleRevoked':
        return { ...state, grants: state.grants.filter((g) => !sameGrant(g, event.data)) };
      case 'StaffPasswordChanged':
        // The hash matters to sign-in (the read model), not to any decision here.
        return state;
      case 'StaffAccountDeactivated':
        return { ...state, status: 'deactivated' };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'CreateStaffAccount':
        if (state.status !== 'none') {
          return refuse(
            'conflict',
            'account_exists',
            `账号「${state.loginName}」已存在。`,
            `The account “${state.loginName}” already exists.`,
          );
        }
        return [{ type: 'StaffAccountCreated', data: command.data }];
      case 'GrantRole': {
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
      case 'RevokeRole': {
        // Allowed on a deactivated account too: tidying its grants up changes no one's access.
        const account = requireAccount(state, command.data.accountId);
        if (!account.grants.some((g) => sameGrant(g, command.data))) {
          return refuse(
            'not_found',
            'role_not_granted',
            `「${account.displayName}」没有该角色,无需撤销。`,
            `${account.displayName} does not hold this role in this scope.`,
          );
        }
        return [{ type: 'RoleRevoked', data: command.data }];
      }
      case 'ChangeStaffPassword':
        requireActiveAccount(state, command.data.accountId);
        return [{ type: 'StaffPasswordChanged', data: command.data }];
      case 'DeactivateStaffAccount':
        requireActiveAccount(state, command.data.accountId);
        return [{ type: 'StaffAccountDeactivated', data: command.data }];
    }
  },
};

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
      `找不到账号(编号 ${accountId})。`,
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
