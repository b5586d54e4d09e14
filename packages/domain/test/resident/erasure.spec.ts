// A worker's erasure of a resident: requested through a verified tie, confirmed by a second
// person, stoppable until carried out, carried out only once due, and retry-safe.
import { describe, it } from 'vitest';
import { residentDecider } from '../../src/resident/index.ts';
import type { ResidentCommand, ResidentStreamEvent } from '../../src/resident/index.ts';
import { given, refused } from '../given.ts';

const registered: ResidentStreamEvent = {
  type: 'ResidentRegistered',
  data: {
    residentId: 'r1',
    personal: { name: '李四海', phone: '13900130001' },
    phoneDigest: 'b'.repeat(64),
    birthYear: 1960,
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo',
    channel: 'online',
  },
};
const tie = { residentId: 'r1', tieId: 't1', communityId: 'shuyuan', streetId: 'yushan' };
const declared: ResidentStreamEvent = {
  type: 'CommunityTieDeclared',
  data: { ...tie, kind: 'lives' },
};
const verified: ResidentStreamEvent = {
  type: 'CommunityTieVerified',
  data: { ...tie, verifiedBy: 'worker-a', personal: { note: '已核对' } },
};
const ref = '书院2025-017';
const dueAt = '2025-06-02T08:00:00.000Z';

const request = (requestedBy = 'worker-a', communityId = 'shuyuan'): ResidentCommand => ({
  type: 'RequestErasure',
  data: { residentId: 'r1', erasureId: 'e1', communityId, requestedBy, writtenRequestRef: ref },
});
const requested: ResidentStreamEvent = {
  type: 'ResidentErasureRequested',
  data: {
    residentId: 'r1',
    erasureId: 'e1',
    communityId: 'shuyuan',
    streetId: 'yushan',
    requestedBy: 'worker-a',
    writtenRequestRef: ref,
  },
};
const confirm = (confirmedBy: string, communityId = 'shuyuan'): ResidentCommand => ({
  type: 'ConfirmErasure',
  data: { residentId: 'r1', erasureId: 'e1', communityId, confirmedBy, dueAt },
});
const confirmed: ResidentStreamEvent = {
  type: 'ResidentErasureConfirmed',
  data: { residentId: 'r1', erasureId: 'e1', confirmedBy: 'officer-y', dueAt },
};
const stop = (stoppedBy: string): ResidentCommand => ({
  type: 'StopErasure',
  data: { residentId: 'r1', erasureId: 'e1', stoppedBy, reason: '本人未提出申请' },
});
const stopped: ResidentStreamEvent = {
  type: 'ResidentErasureStopped',
  data: {
    residentId: 'r1',
    erasureId: 'e1',
    stoppedBy: 'r1',
    personal: { reason: '本人未提出申请' },
  },
};
const execute = (now: string): ResidentCommand => ({
  type: 'ExecuteErasure',
  data: { residentId: 'r1', erasureId: 'e1' },
  now,
});
const forgotten: ResidentStreamEvent = {
  type: 'ResidentForgotten',
  data: { residentId: 'r1', requestedBy: 'worker', writtenRequestRef: ref, erasureId: 'e1' },
};

const pending = [registered, declared, verified, requested];

describe('erasure by a worker', () => {
  it('is requested through a verified tie to the worker’s community', () =>
    given(residentDecider, [registered, declared, verified]).when(request()).then([requested]));

  it('is refused without a verified tie to that community (declared only, or elsewhere)', () => {
    given(residentDecider, [registered, declared])
      .when(request())
      .then(refused('not_found', 'resident_not_in_community'));
    given(residentDecider, [registered, declared, verified])
      .when(request('worker-q', 'qinfeng'))
      .then(refused('not_found', 'resident_not_in_community'));
  });

  it('is refused while another is pending', () =>
    given(residentDecider, pending)
      .when(request('worker-b'))
      .then(refused('conflict', 'erasure_pending')));

  it('is confirmed by a second person, never by the requester or the resident', () => {
    given(residentDecider, pending).when(confirm('officer-y')).then([confirmed]);
    given(residentDecider, pending)
      .when(confirm('worker-a'))
      .then(refused('forbidden', 'erasure_same_person'));
    given(residentDecider, pending)
      .when(confirm('r1'))
      .then(refused('forbidden', 'erasure_same_person'));
  });

  it('is confirmed only in its own community, and only once', () => {
    given(residentDecider, pending)
      .when(confirm('officer-q', 'qinfeng'))
      .then(refused('not_found', 'erasure_not_found'));
    given(residentDecider, [...pending, confirmed])
      .when(confirm('worker-b'))
      .then(refused('conflict', 'erasure_already_confirmed'));
  });

  it('is carried out once due, and not before', () => {
    given(residentDecider, [...pending, confirmed])
      .when(execute('2025-06-02T07:59:59.999Z'))
      .then(refused('conflict', 'erasure_not_due'));
    given(residentDecider, pending)
      .when(execute('2025-07-01T00:00:00.000Z'))
      .then(refused('conflict', 'erasure_not_due'));
    given(residentDecider, [...pending, confirmed])
      .when(execute(dueAt))
      .then([forgotten]);
  });

  it('carried out again changes nothing, so that the rest of it can be retried', () =>
    given(residentDecider, [...pending, confirmed, forgotten])
      .when(execute(dueAt))
      .then([]));

  it('is stopped before it is carried out, and then cannot be', () => {
    given(residentDecider, [...pending, confirmed])
      .when(stop('r1'))
      .then([stopped]);
    given(residentDecider, [...pending, confirmed, stopped])
      .when(execute(dueAt))
      .then(refused('not_found', 'erasure_not_found'));
    given(residentDecider, [...pending, stopped])
      .when(confirm('officer-y'))
      .then(refused('not_found', 'erasure_not_found'));
  });

  it('may be requested again after it was stopped', () =>
    given(residentDecider, [...pending, stopped])
      .when({ ...request(), data: { ...request().data, erasureId: 'e2' } } as ResidentCommand)
      .then([
        {
          type: 'ResidentErasureRequested',
          data: { ...requested.data, erasureId: 'e2' } as typeof requested.data,
        },
      ] as ResidentStreamEvent[]));

  it('is not asked of oneself: a resident forgets themselves on their own page', () =>
    given(residentDecider, [registered, declared, verified])
      .when(request('r1'))
      .then(refused('forbidden', 'erasure_of_self')));
});
