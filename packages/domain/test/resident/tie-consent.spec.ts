// A tie a worker declares for a resident: recorded with how the resident agreed, confirmed or
// declined by the resident when they have still to agree, and verified by someone other than
// the worker who declared it (four eyes).
import { describe, it } from 'vitest';
import type { CommunityState } from '../../src/organisation/index.ts';
import { residentDecider } from '../../src/resident/index.ts';
import type { ResidentCommand, ResidentStreamEvent } from '../../src/resident/index.ts';
import { given, refused } from '../given.ts';

const qinfeng: CommunityState = {
  status: 'open',
  communityId: 'qinfeng',
  streetId: 'qinchuan',
  kind: 'urban',
  name: '琴枫社区',
  nameEn: undefined,
};

const registered: ResidentStreamEvent = {
  type: 'ResidentRegistered',
  data: {
    residentId: 'r1',
    personal: { name: '钱福根', phone: '13900001004' },
    phoneDigest: 'a'.repeat(64),
    birthYear: 1948,
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo',
    channel: 'online',
  },
};
const tie = { residentId: 'r1', tieId: 't9', communityId: 'qinfeng', streetId: 'qinchuan' };

const declareFor = (consent: 'phone_code' | 'awaiting_resident'): ResidentCommand => ({
  type: 'DeclareTie',
  data: {
    residentId: 'r1',
    tieId: 't9',
    communityId: 'qinfeng',
    kind: 'works',
    declaredFor: { by: 'worker-q', consent },
  },
  community: qinfeng,
});
const declaredFor = (consent: 'phone_code' | 'awaiting_resident'): ResidentStreamEvent => ({
  type: 'CommunityTieDeclared',
  data: { ...tie, kind: 'works', declaredBy: 'worker-q', consent },
});
const confirmed: ResidentStreamEvent = { type: 'CommunityTieConfirmed', data: tie };
const declined: ResidentStreamEvent = { type: 'CommunityTieDeclined', data: tie };
const verify = (verifiedBy: string): ResidentCommand => ({
  type: 'VerifyTie',
  data: { residentId: 'r1', tieId: 't9', note: '已核对劳动合同', verifiedBy },
});
const verifiedBy = (by: string): ResidentStreamEvent => ({
  type: 'CommunityTieVerified',
  data: { ...tie, verifiedBy: by, personal: { note: '已核对劳动合同' } },
});

describe('a tie a worker declares for a resident', () => {
  it('records the worker and the resident’s code as their consent', () =>
    given(residentDecider, [registered])
      .when(declareFor('phone_code'))
      .then([declaredFor('phone_code')]));

  it('records a tie awaiting the resident’s own confirmation', () =>
    given(residentDecider, [registered])
      .when(declareFor('awaiting_resident'))
      .then([declaredFor('awaiting_resident')]));

  it('is not verified by the worker who declared it (four eyes)', () =>
    given(residentDecider, [registered, declaredFor('phone_code')])
      .when(verify('worker-q'))
      .then(refused('forbidden', 'tie_declared_by_verifier')));

  it('is verified by another worker once the resident agreed', () =>
    given(residentDecider, [registered, declaredFor('phone_code')])
      .when(verify('worker-q2'))
      .then([verifiedBy('worker-q2')]));

  it('cannot be verified while awaiting the resident', () =>
    given(residentDecider, [registered, declaredFor('awaiting_resident')])
      .when(verify('worker-q2'))
      .then(refused('conflict', 'tie_awaiting_resident')));

  it('is confirmed by the resident, then verified by another worker', () => {
    given(residentDecider, [registered, declaredFor('awaiting_resident')])
      .when({ type: 'ConfirmTie', data: { residentId: 'r1', tieId: 't9' } })
      .then([confirmed]);
    given(residentDecider, [registered, declaredFor('awaiting_resident'), confirmed])
      .when(verify('worker-q2'))
      .then([verifiedBy('worker-q2')]);
  });

  it('once declined by the resident, can be neither verified nor confirmed', () => {
    given(residentDecider, [registered, declaredFor('awaiting_resident')])
      .when({ type: 'DeclineTie', data: { residentId: 'r1', tieId: 't9' } })
      .then([declined]);
    given(residentDecider, [registered, declaredFor('awaiting_resident'), declined])
      .when(verify('worker-q2'))
      .then(refused('conflict', 'tie_declined'));
    given(residentDecider, [registered, declaredFor('awaiting_resident'), declined])
      .when({ type: 'ConfirmTie', data: { residentId: 'r1', tieId: 't9' } })
      .then(refused('conflict', 'tie_not_awaiting_resident'));
  });

  it('may be declared again after the resident declined it', () =>
    given(residentDecider, [registered, declaredFor('awaiting_resident'), declined])
      .when({
        ...declareFor('phone_code'),
        data: { ...declareFor('phone_code').data, tieId: 't10' },
      } as ResidentCommand)
      .then([
        {
          type: 'CommunityTieDeclared',
          data: {
            ...tie,
            tieId: 't10',
            kind: 'works',
            declaredBy: 'worker-q',
            consent: 'phone_code',
          },
        },
      ]));

  it('is confirmed only when it awaits the resident', () =>
    given(residentDecider, [registered, declaredFor('phone_code')])
      .when({ type: 'ConfirmTie', data: { residentId: 'r1', tieId: 't9' } })
      .then(refused('conflict', 'tie_not_awaiting_resident')));

  it('is not verified by the worker whose on-the-spot registration declared it', () =>
    given(residentDecider, [
      registered,
      {
        type: 'CommunityTieDeclared',
        data: { ...tie, kind: 'lives', declaredBy: 'worker-q', consent: 'paper_form' },
      },
    ])
      .when(verify('worker-q'))
      .then(refused('forbidden', 'tie_declared_by_verifier')));
});
