// A staff account: stream `account-<accountId>`. Its commands are in commands.ts, wired in
// decider.ts; the login name it signs in with is claimed on its own stream (login-name.ts).
import type { EventOf, Scope, StaffRole } from '../events.ts';

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

export const initialAccountState = (): AccountState => ({ status: 'none' });

export function evolveAccount(state: AccountState, event: AccountEvent): AccountState {
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
}
