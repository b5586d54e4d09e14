// Certificates of volunteer service: asked for by a member over a past period; issued by a leader
// or the team's community, once; announced 7 days, held by another member's objection until it is
// resolved; revoked with a reason; numbered one after another in the team's register.
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/shared/index.ts';
import {
  certificateDecider,
  certificateRegisterDecider,
  certificateStanding,
  teamDecider,
  type CertificateCommand,
  type CertificateEvent,
  type TeamEvent,
} from '../../src/team/index.ts';
import { given, refused } from '../given.ts';
import { registered } from './fixtures.ts';

const joined = (accountId: string): TeamEvent[] => [
  { type: 'TeamJoinRequested', data: { teamId: 't1', accountId } },
  { type: 'TeamJoinAccepted', data: { teamId: 't1', accountId, by: 'lead' } },
];
const team = fold(teamDecider, [registered, ...joined('v1'), ...joined('v2')]);
const leader = { accountId: 'lead', communityStaff: false };
const staff = { accountId: 'worker', communityStaff: true };
const stranger = { accountId: 'v2', communityStaff: false };
const on = { certificateId: 'c1', teamId: 't1' };

const requested: CertificateEvent = {
  type: 'CertificateRequested',
  data: { ...on, volunteerId: 'v1', from: '2026-01-01', until: '2026-06-30' },
};
const issuedData = {
  ...on,
  residentId: 'v1',
  personal: {
    name: '顾月琴',
    idType: 'resident_id_card' as const,
    idMasked: '320***********123X',
    handler: '钱秀兰',
  },
  volunteerNumber: 'GZ-V1',
  from: '2026-01-01',
  until: '2026-06-30',
  minutes: 900,
  records: 6,
  content: '为高龄独居老人上门理发',
  issuer: { name: '书院社区居民委员会', personInCharge: '王主任', contact: '0512-5270001' },
  number: 'ZYFW-2026-000000-0001',
  code: 'ABCD-EFGH-JKLM',
  issuedOn: '2026-07-01',
  finalOn: '2026-07-08',
  issuedBy: 'lead',
};
const issued: CertificateEvent = { type: 'CertificateIssued', data: issuedData };
const issue = (by = leader): CertificateCommand => ({
  type: 'IssueCertificate',
  data: issuedData,
  by,
  team,
});
const object = (by: string, today = '2026-07-03'): CertificateCommand => ({
  type: 'ObjectToCertificate',
  data: { ...on, by, reason: '六月那次他没有来' },
  team,
  today,
});

describe('a certificate of volunteer service', () => {
  it('is asked for by a member over a past period', () => {
    const ask = (volunteerId: string, until = '2026-06-30'): CertificateCommand => ({
      type: 'RequestCertificate',
      data: { ...requested.data, volunteerId, until } as typeof requested.data,
      team,
      today: '2026-07-01',
    });
    given(certificateDecider, []).when(ask('v1')).then([requested]);
    given(certificateDecider, []).when(ask('outsider')).then(refused('forbidden', 'not_a_member'));
    given(certificateDecider, [])
      .when(ask('v1', '2026-07-02'))
      .then(refused('invalid', 'period_in_future'));
    given(certificateDecider, [])
      .when(ask('v1', '2025-12-31'))
      .then(refused('invalid', 'period_backwards'));
  });

  it('is issued by a leader or the community, once, and by nobody else', () => {
    given(certificateDecider, [requested]).when(issue()).then([issued]);
    given(certificateDecider, [requested]).when(issue(staff)).then([issued]);
    given(certificateDecider, [requested])
      .when(issue(stranger))
      .then(refused('forbidden', 'not_issuer'));
    given(certificateDecider, [requested, issued]).when(issue()).then([]);
    given(certificateDecider, [requested, issued])
      .when({
        ...issue(),
        data: { ...issuedData, number: 'ZYFW-2026-000000-0002' },
      } as CertificateCommand)
      .then(refused('conflict', 'certificate_issued'));
  });

  it('is held by another member’s objection during the announcement, then resolved', () => {
    given(certificateDecider, [requested, issued])
      .when(object('v1'))
      .then(refused('forbidden', 'not_a_member'));
    given(certificateDecider, [requested, issued])
      .when(object('v2', '2026-07-08'))
      .then(refused('conflict', 'not_announced'));
    const objected: CertificateEvent = {
      type: 'CertificateObjected',
      data: { ...on, by: 'v2', reason: '六月那次他没有来' },
    };
    given(certificateDecider, [requested, issued]).when(object('v2')).then([objected]);
    const held = fold(certificateDecider, [requested, issued, objected]);
    expect(held.status).toBe('on_hold');
    const resolve = (decision: 'dismissed' | 'upheld', by = leader): CertificateCommand => ({
      type: 'ResolveCertificateObjection',
      data: { ...on, decision, reason: '签到表显示他到了' },
      by,
      team,
    });
    given(certificateDecider, [requested, issued, objected])
      .when(resolve('dismissed'))
      .then([
        {
          type: 'CertificateObjectionResolved',
          data: { ...on, decision: 'dismissed', reason: '签到表显示他到了', by: 'lead' },
        },
      ]);
    given(certificateDecider, [requested, issued])
      .when(resolve('dismissed'))
      .then(refused('conflict', 'no_objection'));
    given(certificateDecider, [requested, issued, objected])
      .when(resolve('upheld', stranger))
      .then(refused('forbidden', 'not_issuer'));
  });

  it('is final after seven days, and can be revoked with a reason', () => {
    expect(certificateStanding('announced', '2026-07-08', '2026-07-07')).toBe('announced');
    expect(certificateStanding('announced', '2026-07-08', '2026-07-08')).toBe('final');
    expect(certificateStanding('on_hold', '2026-07-08', '2026-07-20')).toBe('on_hold');
    const revoke: CertificateCommand = {
      type: 'RevokeCertificate',
      data: { ...on, reason: '服务时长有误' },
      by: staff,
      team,
    };
    given(certificateDecider, [requested, issued])
      .when(revoke)
      .then([
        { type: 'CertificateRevoked', data: { ...on, reason: '服务时长有误', by: 'worker' } },
      ]);
    given(certificateDecider, [requested]).when(revoke).then(refused('conflict', 'not_issued'));
  });

  it('is numbered one after another in the team’s register, the same on a retry', () => {
    const number = (certificateId: string) => ({
      type: 'NumberCertificate' as const,
      data: { teamId: 'demo-team-silver', certificateId, year: 2026 },
    });
    const first = certificateRegisterDecider.decide(
      number('c1'),
      certificateRegisterDecider.initialState(),
    );
    expect(first[0]!.data.number).toBe('ZYFW-2026-SILVER-0001');
    given(certificateRegisterDecider, first).when(number('c1')).then([]);
    const second = certificateRegisterDecider.decide(
      number('c2'),
      fold(certificateRegisterDecider, first),
    );
    expect(second[0]!.data).toMatchObject({ sequence: 2, number: 'ZYFW-2026-SILVER-0002' });
  });
});
