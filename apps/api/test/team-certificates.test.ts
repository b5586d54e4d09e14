// Certificates of volunteer service over HTTP on SQLite and PostgreSQL: a member of 书院银龄互助队
// asks for one; only a leader or the team's community issues it (never staff of another
// community, nor the leader of another team), and not without confirmed service — a refused
// issue takes no number; it is announced, another member's objection holds it, the leader
// resolves it and later revokes it. The public check of a code shows only what the certificate
// states, and reports a forged code, a held one and a revoked one as such.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_RESIDENT } from '../src/seed/residents.ts';
import { engines, type Reply } from './harness.ts';
import { DEMO_SIGN_INS, useResidentServer } from './resident-harness.ts';

const SILVER = 'demo-team-silver';
const WANG = DEMO_RESIDENT.residentId;

interface Verified {
  status: string;
  number?: string | null;
  certificate: {
    number: string;
    volunteer: { name: string; idType: string; volunteerNumber: string };
    service: { minutes: number; content: string };
    issuer: { name: string; personInCharge: string; handler: string; contact: string };
  } | null;
}
interface Held {
  standing: string;
  certificate: { code: string; number: string; service: { minutes: number } } | null;
}

const reason = (reply: Reply) => reply.body.error?.data.reason;
const chinaDay = (offsetDays = 0) =>
  new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe.each(engines)('certificates of volunteer service over HTTP on $name', ({ make }) => {
  const { api, resident } = useResidentServer(make());
  const { call, signIn } = api;
  const query = async <T>(path: string, input: unknown, as?: string) => {
    const reply = await call<T>(path, input, { query: true, ...(as ? { as } : {}) });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };
  const mutate = async <T = object>(path: string, input: unknown, as: string) => {
    const reply = await call<T & { position: string }>(path, input, { as });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };
  const verify = (code: string) => query<Verified>('team.verifyCertificate', { code });

  let certificateId = '';
  let code = '';

  beforeAll(async () => {
    await resident.signIn('wang', DEMO_SIGN_INS.wang);
    await resident.signIn('zhang', DEMO_SIGN_INS.zhang);
    await resident.signIn('chen', DEMO_SIGN_INS.chen);
    await signIn('volunteers');
    await signIn('shuyuan');
    await signIn('qinfeng');
    // 顾月琴 and 陈 join the silver-age team; 顾月琴 serves two hours yesterday, confirmed.
    for (const [as, accountId] of [
      ['wang', WANG],
      ['chen', 'demo-r-chen'],
    ] as const) {
      await mutate('team.requestToJoin', { teamId: SILVER }, as);
      await mutate(
        'team.answerJoinRequest',
        { teamId: SILVER, accountId, answer: 'accepted' },
        'volunteers',
      );
    }
    const yesterday = Date.now() - 86_400_000;
    await mutate(
      'team.recordService',
      {
        teamId: SILVER,
        volunteerId: WANG,
        startedAt: new Date(yesterday - 2 * 3_600_000).toISOString(),
        endedAt: new Date(yesterday).toISOString(),
        place: '书院社区睦邻中心',
        content: '为独居老人理发',
        evaluation: '细心',
      },
      'volunteers',
    );
  });

  it('is asked for by a member, over a past period only', async () => {
    const outsider = await call(
      'team.requestCertificate',
      { teamId: SILVER, from: chinaDay(-30), until: chinaDay() },
      { as: 'zhang' },
    );
    expect([outsider.status, reason(outsider)]).toEqual([403, 'not_a_member']);
    const future = await call(
      'team.requestCertificate',
      { teamId: SILVER, from: chinaDay(-30), until: chinaDay(3) },
      { as: 'wang' },
    );
    expect([future.status, reason(future)]).toEqual([400, 'period_in_future']);
    const asked = await mutate<{ certificateId: string }>(
      'team.requestCertificate',
      { teamId: SILVER, from: chinaDay(-30), until: chinaDay() },
      'wang',
    );
    certificateId = asked.certificateId;
  });

  it('is issued by a leader or the team’s community only, and never without service', async () => {
    const elsewhere = await call('team.issueCertificate', { certificateId }, { as: 'qinfeng' });
    expect([elsewhere.status, reason(elsewhere)]).toEqual([403, 'not_issuer']);
    const otherLeader = await call('team.issueCertificate', { certificateId }, { as: 'zhang' });
    expect([otherLeader.status, reason(otherLeader)]).toEqual([403, 'not_issuer']);
    const self = await call('team.issueCertificate', { certificateId }, { as: 'wang' });
    expect([self.status, reason(self)]).toEqual([403, 'not_issuer']);
    // A period without confirmed service: refused, and no number is taken for it.
    const empty = await mutate<{ certificateId: string }>(
      'team.requestCertificate',
      { teamId: SILVER, from: chinaDay(-400), until: chinaDay(-380) },
      'wang',
    );
    const none = await call(
      'team.issueCertificate',
      { certificateId: empty.certificateId },
      { as: 'volunteers' },
    );
    expect([none.status, reason(none)]).toEqual([409, 'no_confirmed_service']);
    const issued = await mutate('team.issueCertificate', { certificateId }, 'shuyuan');
    const mine = await query<Held>(
      'team.certificate',
      { certificateId, minPosition: issued.position },
      'wang',
    );
    expect(mine.standing).toBe('announced');
    expect(mine.certificate!.service.minutes).toBe(120);
    // The seeded certificate of the team holds 0001; the refused one took none.
    expect(mine.certificate!.number).toMatch(/^ZYFW-\d{4}-SILVER-0002$/);
    code = mine.certificate!.code;
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    const again = await call('team.issueCertificate', { certificateId }, { as: 'volunteers' });
    expect([again.status, reason(again)]).toEqual([409, 'certificate_issued']);
    const stranger = await call(
      'team.certificate',
      { certificateId },
      { as: 'zhang', query: true },
    );
    expect([stranger.status, reason(stranger)]).toEqual([403, 'not_your_certificate']);
  });

  it('shows anyone what the certificate states for its code, and nothing for a forged one', async () => {
    const genuine = await verify(code);
    expect(genuine.status).toBe('announced');
    expect(genuine.certificate).toMatchObject({
      volunteer: { name: '顾月琴', idType: 'none' },
      service: { minutes: 120, content: '为独居老人理发' },
      issuer: { name: '书院社区居民委员会', handler: expect.any(String) },
    });
    expect(JSON.stringify(genuine)).not.toContain(WANG);
    expect(JSON.stringify(genuine)).not.toContain(code);
    // Lower case and spaces around are the same code.
    expect((await verify(` ${code.toLowerCase()} `)).status).toBe('announced');
    const forged = await verify('ABCD-EFGH-JKLM');
    expect(forged).toEqual({ status: 'unknown', certificate: null });
    const malformed = await call('team.verifyCertificate', { code: '0000' }, { query: true });
    expect(malformed.status).toBe(400);
  });

  it('is held by another member’s objection, resolved, and then revoked', async () => {
    const bySelf = await call(
      'team.objectToCertificate',
      { certificateId, reason: '我自己' },
      { as: 'wang' },
    );
    expect([bySelf.status, reason(bySelf)]).toEqual([403, 'not_a_member']);
    const objected = await mutate(
      'team.objectToCertificate',
      { certificateId, reason: '那天我也在，她只待了一个小时' },
      'chen',
    );
    const announcements = await query<{
      certificates: { certificateId: string; standing: string }[];
    }>('team.certificates', { teamId: SILVER, minPosition: objected.position }, 'chen');
    expect(
      announcements.certificates.find((c) => c.certificateId === certificateId)?.standing,
    ).toBe('on_hold');
    const held = await verify(code);
    expect([held.status, held.certificate]).toEqual(['on_hold', null]);
    const byMember = await call(
      'team.resolveCertificateObjection',
      { certificateId, decision: 'dismissed', reason: '签到记录显示两小时' },
      { as: 'chen' },
    );
    expect([byMember.status, reason(byMember)]).toEqual([403, 'not_issuer']);
    const resolved = await mutate(
      'team.resolveCertificateObjection',
      { certificateId, decision: 'dismissed', reason: '签到记录显示两小时' },
      'volunteers',
    );
    expect(
      (
        await query<Held>(
          'team.certificate',
          { certificateId, minPosition: resolved.position },
          'wang',
        )
      ).standing,
    ).toBe('announced');
    const revokedElsewhere = await call(
      'team.revokeCertificate',
      { certificateId, reason: '撤销' },
      { as: 'qinfeng' },
    );
    expect([revokedElsewhere.status, reason(revokedElsewhere)]).toEqual([403, 'not_issuer']);
    const revoked = await mutate(
      'team.revokeCertificate',
      { certificateId, reason: '服务时长登记有误，更正后重新出具' },
      'volunteers',
    );
    await query('team.certificate', { certificateId, minPosition: revoked.position }, 'wang');
    const check = await verify(code);
    expect([check.status, check.certificate]).toEqual(['revoked', null]);
  });
});
