import { describe, it } from 'vitest';
import type { CommunityState } from '../../src/organisation/index.ts';
import { residentDecider } from '../../src/resident/index.ts';
import type {
  RegistrationData,
  ResidentCommand,
  ResidentEventData,
  ResidentEventOf,
  ResidentStreamEvent,
  TieDeclaration,
} from '../../src/resident/index.ts';
import { given, refused } from '../given.ts';

const passwordHash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';
const phoneDigest = 'a'.repeat(64);
const today = '2025-06-01';

const hupan: CommunityState = {
  status: 'open',
  communityId: 'hupan',
  streetId: 'yushan',
  kind: 'urban',
  name: '湖畔社区',
  nameEn: undefined,
};
const closedCommunity: CommunityState = { ...hupan, communityId: 'old', status: 'closed' };

const registration: RegistrationData = {
  residentId: 'r1',
  personal: { name: '张秀英', phone: '13812341234' },
  phoneDigest,
  birthYear: 1950,
  passwordHash,
  channel: 'online',
};
const livesInHupan: TieDeclaration = {
  tieId: 't1',
  communityId: 'hupan',
  kind: 'lives',
  community: hupan,
};

const registered: ResidentStreamEvent = { type: 'ResidentRegistered', data: registration };
const tieDeclared: ResidentEventOf<'CommunityTieDeclared'> = {
  type: 'CommunityTieDeclared',
  data: { residentId: 'r1', tieId: 't1', communityId: 'hupan', streetId: 'yushan', kind: 'lives' },
};
const tieVerified: ResidentStreamEvent = {
  type: 'CommunityTieVerified',
  data: {
    residentId: 'r1',
    tieId: 't1',
    communityId: 'hupan',
    streetId: 'yushan',
    verifiedBy: 'worker-1',
    personal: { note: '已核对租房合同' },
  },
};
const tieRejected: ResidentStreamEvent = {
  type: 'CommunityTieRejected',
  data: {
    residentId: 'r1',
    tieId: 't1',
    communityId: 'hupan',
    streetId: 'yushan',
    rejectedBy: 'worker-1',
    personal: { reason: '地址不在本社区' },
  },
};
const proxyGranted: ResidentEventOf<'ProxyGranted'> = {
  type: 'ProxyGranted',
  data: { residentId: 'r1', proxyId: 'p1', granteeAccountId: 'r2', powers: ['propose', 'vote'] },
};
const proxyRevoked: ResidentEventOf<'ProxyRevoked'> = {
  type: 'ProxyRevoked',
  data: { residentId: 'r1', proxyId: 'p1', granteeAccountId: 'r2' },
};
const forgotten = {
  type: 'ResidentForgotten',
  data: { residentId: 'r1', requestedBy: 'self' },
} as const satisfies ResidentEventOf<'ResidentForgotten'>;

const register = (
  data: Partial<RegistrationData> = {},
  ties: TieDeclaration[] = [livesInHupan],
): ResidentCommand => ({
  type: 'RegisterResident',
  data: { ...registration, ...data },
  ties,
  today,
});
const declare = (tie: Partial<TieDeclaration> = {}): ResidentCommand => {
  const { community, ...data } = { ...livesInHupan, tieId: 't2', ...tie };
  return { type: 'DeclareTie', data: { residentId: 'r1', ...data }, community };
};
const verify = (verifiedBy = 'worker-1'): ResidentCommand => ({
  type: 'VerifyTie',
  data: { residentId: 'r1', tieId: 't1', note: '已核对租房合同', verifiedBy },
});
const reject = (rejectedBy = 'worker-1'): ResidentCommand => ({
  type: 'RejectTie',
  data: { residentId: 'r1', tieId: 't1', reason: '地址不在本社区', rejectedBy },
});
const grant = (data: Partial<ResidentEventData<'ProxyGranted'>> = {}): ResidentCommand => ({
  type: 'GrantProxy',
  data: { ...proxyGranted.data, ...data },
  today,
});

describe('resident', () => {
  describe('RegisterResident', () => {
    it('registers a resident online with their declared ties', () =>
      given(residentDecider, [])
        .when(
          register({}, [
            livesInHupan,
            { tieId: 't2', communityId: 'hupan', kind: 'works', community: hupan },
          ]),
        )
        .then([
          registered,
          tieDeclared,
          {
            type: 'CommunityTieDeclared',
            data: { ...tieDeclared.data, tieId: 't2', kind: 'works' },
          },
        ]));

    it('registers on the spot, without a password, with the recorded consent', () => {
      const onTheSpot = {
        passwordHash: undefined,
        channel: 'offline' as const,
        consent: { recordedBy: 'worker-1', form: 'paper' as const, at: '2025-06-01T02:00:00Z' },
      };
      given(residentDecider, [])
        .when(register(onTheSpot))
        .then([
          { type: 'ResidentRegistered', data: { ...registration, ...onTheSpot } },
          tieDeclared,
        ]);
    });

    it('refuses a resident already registered', () =>
      given(residentDecider, [registered])
        .when(register())
        .then(refused('conflict', 'resident_exists')));

    it('refuses a forgotten resident', () =>
      given(residentDecider, [registered, forgotten])
        .when(register())
        .then(refused('not_found', 'resident_forgotten')));

    it('refuses a birth year still to come', () =>
      given(residentDecider, [])
        .when(register({ birthYear: 2026 }))
        .then(refused('invalid', 'birth_year_in_future')));

    it('refuses an online registration without a password', () =>
      given(residentDecider, [])
        .when(register({ passwordHash: undefined }))
        .then(refused('invalid', 'password_required')));

    it('refuses an on-the-spot registration without recorded consent', () =>
      given(residentDecider, [])
        .when(register({ channel: 'offline' }))
        .then(refused('invalid', 'consent_required')));

    it('refuses a registration without a tie', () =>
      given(residentDecider, []).when(register({}, [])).then(refused('invalid', 'tie_required')));

    it('refuses the same tie twice in one registration', () =>
      given(residentDecider, [])
        .when(register({}, [livesInHupan, { ...livesInHupan, tieId: 't2' }]))
        .then(refused('conflict', 'tie_exists')));

    it('refuses a tie to a community that does not exist', () =>
      given(residentDecider, [])
        .when(register({}, [{ ...livesInHupan, community: { status: 'none' } }]))
        .then(refused('not_found', 'community_not_found')));
  });

  describe('ConfirmPhone', () => {
    const confirm: ResidentCommand = { type: 'ConfirmPhone', data: { residentId: 'r1' } };

    it('confirms the phone', () =>
      given(residentDecider, [registered])
        .when(confirm)
        .then([{ type: 'PhoneConfirmed', data: { residentId: 'r1' } }]));

    it('changes nothing when confirmed already', () =>
      given(residentDecider, [registered, { type: 'PhoneConfirmed', data: { residentId: 'r1' } }])
        .when(confirm)
        .then([]));

    it('refuses a resident that does not exist', () =>
      given(residentDecider, []).when(confirm).then(refused('not_found', 'resident_not_found')));

    it('refuses a forgotten resident', () =>
      given(residentDecider, [registered, forgotten])
        .when(confirm)
        .then(refused('not_found', 'resident_forgotten')));
  });

  describe('ChangePassword', () => {
    const change: ResidentCommand = {
      type: 'ChangePassword',
      data: { residentId: 'r1', passwordHash },
    };

    it('records the new hash', () =>
      given(residentDecider, [registered])
        .when(change)
        .then([{ type: 'PasswordChanged', data: change.data }]));

    it('refuses a forgotten resident', () =>
      given(residentDecider, [registered, forgotten])
        .when(change)
        .then(refused('not_found', 'resident_forgotten')));
  });

  describe('DeclareTie', () => {
    it('declares another tie', () =>
      given(residentDecider, [registered, tieDeclared])
        .when(declare({ kind: 'studies' }))
        .then([
          {
            type: 'CommunityTieDeclared',
            data: { ...tieDeclared.data, tieId: 't2', kind: 'studies' },
          },
        ]));

    it('declares a tie again after it was rejected', () =>
      given(residentDecider, [registered, tieDeclared, tieRejected])
        .when(declare())
        .then([
          {
            type: 'CommunityTieDeclared',
            data: { ...tieDeclared.data, tieId: 't2' },
          },
        ]));

    it('refuses a duplicate tie to the same community and kind', () =>
      given(residentDecider, [registered, tieDeclared])
        .when(declare())
        .then(refused('conflict', 'tie_exists')));

    it('refuses a duplicate of a verified tie', () =>
      given(residentDecider, [registered, tieDeclared, tieVerified])
        .when(declare())
        .then(refused('conflict', 'tie_exists')));

    it('refuses a tie id already used', () =>
      given(residentDecider, [registered, tieDeclared])
        .when(declare({ tieId: 't1', kind: 'works' }))
        .then(refused('conflict', 'tie_id_taken')));

    it('refuses a closed community', () =>
      given(residentDecider, [registered])
        .when(declare({ communityId: 'old', community: closedCommunity }))
        .then(refused('conflict', 'community_closed')));

    it('refuses a community that does not exist', () =>
      given(residentDecider, [registered])
        .when(declare({ communityId: 'nowhere', community: { status: 'none' } }))
        .then(refused('not_found', 'community_not_found')));

    it('refuses a forgotten resident', () =>
      given(residentDecider, [registered, forgotten])
        .when(declare())
        .then(refused('not_found', 'resident_forgotten')));
  });

  describe('VerifyTie', () => {
    it('verifies a declared tie with a note', () =>
      given(residentDecider, [registered, tieDeclared]).when(verify()).then([tieVerified]));

    it('refuses verifying a tie twice', () =>
      given(residentDecider, [registered, tieDeclared, tieVerified])
        .when(verify())
        .then(refused('conflict', 'tie_already_verified')));

    it('refuses verifying a rejected tie', () =>
      given(residentDecider, [registered, tieDeclared, tieRejected])
        .when(verify())
        .then(refused('conflict', 'tie_rejected')));

    it('refuses a tie that was never declared', () =>
      given(residentDecider, [registered])
        .when(verify())
        .then(refused('not_found', 'tie_not_found')));

    it('refuses a worker deciding on their own tie', () =>
      given(residentDecider, [registered, tieDeclared])
        .when(verify('r1'))
        .then(refused('forbidden', 'tie_own_decision')));

    it('refuses a forgotten resident', () =>
      given(residentDecider, [registered, tieDeclared, forgotten])
        .when(verify())
        .then(refused('not_found', 'resident_forgotten')));
  });

  describe('RejectTie', () => {
    it('rejects a declared tie with the reason the resident sees', () =>
      given(residentDecider, [registered, tieDeclared]).when(reject()).then([tieRejected]));

    it('refuses rejecting a tie twice', () =>
      given(residentDecider, [registered, tieDeclared, tieRejected])
        .when(reject())
        .then(refused('conflict', 'tie_already_rejected')));

    it('refuses rejecting a verified tie', () =>
      given(residentDecider, [registered, tieDeclared, tieVerified])
        .when(reject())
        .then(refused('conflict', 'tie_already_verified')));

    it('refuses a tie that was never declared', () =>
      given(residentDecider, [registered])
        .when(reject())
        .then(refused('not_found', 'tie_not_found')));

    it('refuses a worker deciding on their own tie', () =>
      given(residentDecider, [registered, tieDeclared])
        .when(reject('r1'))
        .then(refused('forbidden', 'tie_own_decision')));
  });

  describe('GrantProxy', () => {
    it('grants a proxy for proposing and voting', () =>
      given(residentDecider, [registered]).when(grant()).then([proxyGranted]));

    it('grants a proxy for voting only, until a day', () =>
      given(residentDecider, [registered])
        .when(grant({ powers: ['vote'], until: today }))
        .then([
          {
            type: 'ProxyGranted',
            data: { ...proxyGranted.data, powers: ['vote'], until: today },
          },
        ]));

    it('grants the same person again once the earlier proxy was revoked', () =>
      given(residentDecider, [registered, proxyGranted, proxyRevoked])
        .when(grant({ proxyId: 'p2' }))
        .then([
          {
            type: 'ProxyGranted',
            data: { ...proxyGranted.data, proxyId: 'p2' },
          },
        ]));

    it('grants the same person again once the earlier proxy ran out', () =>
      given(residentDecider, [
        registered,
        {
          type: 'ProxyGranted',
          data: { ...proxyGranted.data, until: '2025-05-31' },
        },
      ])
        .when(grant({ proxyId: 'p2' }))
        .then([
          {
            type: 'ProxyGranted',
            data: { ...proxyGranted.data, proxyId: 'p2' },
          },
        ]));

    it('refuses a proxy to oneself', () =>
      given(residentDecider, [registered])
        .when(grant({ granteeAccountId: 'r1' }))
        .then(refused('invalid', 'proxy_to_self')));

    it('refuses an end date in the past', () =>
      given(residentDecider, [registered])
        .when(grant({ until: '2025-05-31' }))
        .then(refused('invalid', 'proxy_until_past')));

    it('refuses a proxy id already used', () =>
      given(residentDecider, [registered, proxyGranted, proxyRevoked])
        .when(grant())
        .then(refused('conflict', 'proxy_id_taken')));

    it('refuses a second active proxy to the same person', () =>
      given(residentDecider, [registered, proxyGranted])
        .when(grant({ proxyId: 'p2', powers: ['vote'] }))
        .then(refused('conflict', 'proxy_already_granted')));

    it('refuses a forgotten resident', () =>
      given(residentDecider, [registered, forgotten])
        .when(grant())
        .then(refused('not_found', 'resident_forgotten')));
  });

  describe('RevokeProxy', () => {
    const revoke: ResidentCommand = {
      type: 'RevokeProxy',
      data: { residentId: 'r1', proxyId: 'p1' },
    };

    it('revokes a proxy', () =>
      given(residentDecider, [registered, proxyGranted]).when(revoke).then([proxyRevoked]));

    it('refuses a proxy that does not exist', () =>
      given(residentDecider, [registered])
        .when(revoke)
        .then(refused('not_found', 'proxy_not_found')));

    it('refuses a proxy already revoked', () =>
      given(residentDecider, [registered, proxyGranted, proxyRevoked])
        .when(revoke)
        .then(refused('conflict', 'proxy_already_revoked')));

    it('refuses a forgotten resident', () =>
      given(residentDecider, [registered, proxyGranted, forgotten])
        .when(revoke)
        .then(refused('not_found', 'resident_forgotten')));
  });

  describe('ForgetResident', () => {
    it('forgets a resident at their own request', () =>
      given(residentDecider, [registered, tieDeclared])
        .when({ type: 'ForgetResident', data: forgotten.data })
        .then([forgotten]));

    it('changes nothing when forgotten already, so that the erasure can be retried', () =>
      given(residentDecider, [registered, forgotten])
        .when({ type: 'ForgetResident', data: forgotten.data })
        .then([]));

    it('refuses a resident that does not exist', () =>
      given(residentDecider, [])
        .when({ type: 'ForgetResident', data: forgotten.data })
        .then(refused('not_found', 'resident_not_found')));
  });
});
