import { describe, it } from 'vitest';
import { accountDecider, loginNameDecider } from '../../src/organisation/index.ts';
import type { AccountEvent, LoginNameEvent } from '../../src/organisation/index.ts';
import { given, refused } from '../given.ts';

const passwordHash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';
const created: AccountEvent = {
  type: 'StaffAccountCreated',
  data: { accountId: 'a1', loginName: 'wang.fang', displayName: '王芳', passwordHash },
};
const streetOfficer = {
  role: 'street_officer',
  scope: { type: 'street', streetId: 'yushan' },
} as const;
const granted: AccountEvent = { type: 'RoleGranted', data: { accountId: 'a1', ...streetOfficer } };
const revoked: AccountEvent = { type: 'RoleRevoked', data: granted.data };
const newHash = '$argon2id$v=19$m=19456,t=2,p=1$bmV3c2FsdA$bmV3aGFzaG5ld2hhc2g';
const passwordChanged: AccountEvent = {
  type: 'StaffPasswordChanged',
  data: { accountId: 'a1', passwordHash: newHash },
};
const deactivated: AccountEvent = {
  type: 'StaffAccountDeactivated',
  data: { accountId: 'a1', reason: '调离' },
};
const claimed: LoginNameEvent = {
  type: 'LoginNameClaimed',
  data: { loginName: 'wang.fang', accountId: 'a1' },
};

describe('login name', () => {
  it('is claimed by the first account', () =>
    given(loginNameDecider, [])
      .when({ type: 'ClaimLoginName', data: claimed.data })
      .then([claimed]));

  it('is claimed again by the same account as a no-op (a retried creation)', () =>
    given(loginNameDecider, [claimed])
      .when({ type: 'ClaimLoginName', data: claimed.data })
      .then([]));

  it('refuses a second account', () =>
    given(loginNameDecider, [claimed])
      .when({ type: 'ClaimLoginName', data: { loginName: 'wang.fang', accountId: 'a2' } })
      .then(refused('conflict', 'login_name_taken')));
});

describe('staff account', () => {
  describe('CreateStaffAccount', () => {
    it('creates an account', () =>
      given(accountDecider, [])
        .when({ type: 'CreateStaffAccount', data: created.data })
        .then([created]));

    it('refuses an account id that exists', () =>
      given(accountDecider, [created])
        .when({ type: 'CreateStaffAccount', data: created.data })
        .then(refused('conflict', 'account_exists')));
  });

  describe('GrantRole', () => {
    it('grants a role in a scope of its kind', () =>
      given(accountDecider, [created])
        .when({ type: 'GrantRole', data: granted.data })
        .then([granted]));

    it('grants the same role in another scope', () =>
      given(accountDecider, [created, granted])
        .when({
          type: 'GrantRole',
          data: {
            accountId: 'a1',
            role: 'street_officer',
            scope: { type: 'street', streetId: 'qinchuan' },
          },
        })
        .then([
          {
            type: 'RoleGranted',
            data: {
              accountId: 'a1',
              role: 'street_officer',
              scope: { type: 'street', streetId: 'qinchuan' },
            },
          },
        ]));

    it('refuses an account that does not exist', () =>
      given(accountDecider, [])
        .when({ type: 'GrantRole', data: granted.data })
        .then(refused('not_found', 'account_not_found')));

    it('refuses a role in a scope of the wrong kind', () =>
      given(accountDecider, [created])
        .when({
          type: 'GrantRole',
          data: { accountId: 'a1', role: 'city_admin', scope: streetOfficer.scope },
        })
        .then(refused('invalid', 'role_scope_mismatch')));

    it('refuses a deactivated account', () =>
      given(accountDecider, [created, deactivated])
        .when({ type: 'GrantRole', data: granted.data })
        .then(refused('conflict', 'account_deactivated')));

    it('refuses a grant the account already holds', () =>
      given(accountDecider, [created, granted])
        .when({ type: 'GrantRole', data: granted.data })
        .then(refused('conflict', 'role_already_granted')));
  });

  describe('RevokeRole', () => {
    it('revokes a role the account holds', () =>
      given(accountDecider, [created, granted])
        .when({ type: 'RevokeRole', data: granted.data })
        .then([revoked]));

    it('refuses a role already revoked', () =>
      given(accountDecider, [created, granted, revoked])
        .when({ type: 'RevokeRole', data: granted.data })
        .then(refused('not_found', 'role_not_granted')));

    it('refuses an account that does not exist', () =>
      given(accountDecider, [])
        .when({ type: 'RevokeRole', data: granted.data })
        .then(refused('not_found', 'account_not_found')));
  });

  describe('RevokeRole on a deactivated account', () => {
    it('still revokes, tidying up its grants', () =>
      given(accountDecider, [created, granted, deactivated])
        .when({ type: 'RevokeRole', data: granted.data })
        .then([revoked]));
  });

  describe('ChangeStaffPassword', () => {
    it('records the new hash', () =>
      given(accountDecider, [created, granted])
        .when({ type: 'ChangeStaffPassword', data: passwordChanged.data })
        .then([passwordChanged]));

    it('changes it again later', () =>
      given(accountDecider, [created, passwordChanged])
        .when({ type: 'ChangeStaffPassword', data: { accountId: 'a1', passwordHash } })
        .then([{ type: 'StaffPasswordChanged', data: { accountId: 'a1', passwordHash } }]));

    it('refuses an account that does not exist', () =>
      given(accountDecider, [])
        .when({ type: 'ChangeStaffPassword', data: passwordChanged.data })
        .then(refused('not_found', 'account_not_found')));

    it('refuses a deactivated account', () =>
      given(accountDecider, [created, deactivated])
        .when({ type: 'ChangeStaffPassword', data: passwordChanged.data })
        .then(refused('conflict', 'account_deactivated')));
  });

  describe('DeactivateStaffAccount', () => {
    it('deactivates an active account', () =>
      given(accountDecider, [created, granted])
        .when({ type: 'DeactivateStaffAccount', data: deactivated.data })
        .then([deactivated]));

    it('refuses an account already deactivated', () =>
      given(accountDecider, [created, deactivated])
        .when({ type: 'DeactivateStaffAccount', data: { accountId: 'a1' } })
        .then(refused('conflict', 'account_deactivated')));

    it('refuses an account that does not exist', () =>
      given(accountDecider, [])
        .when({ type: 'DeactivateStaffAccount', data: { accountId: 'a1' } })
        .then(refused('not_found', 'account_not_found')));
  });
});
