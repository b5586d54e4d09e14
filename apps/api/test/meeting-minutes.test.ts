// Minutes (会议纪要) over HTTP on SQLite and PostgreSQL: drafted only once the meeting is closed,
// circulated; someone who did not attend cannot ask for corrections; a pending correction blocks
// approval (nothing published); redrafted, signed by the members who attended, approved as
// version 1; approved minutes never change: a redraft is refused and a correction is version 2
// with its reason, version 1 kept. Scope chains: a worker of 清风社区 cannot approve or correct
// 书院社区's minutes, and a member who attended one meeting cannot sign another's.
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '@gongzhi/domain';
import { DEMO_RESIDENT } from '../src/seed/residents.ts';
import { engines } from './harness.ts';
import { DEMO_SIGN_INS, useResidentServer } from './resident-harness.ts';

const DAY_MS = 86_400_000;

interface PublicMinutes {
  status: string | null;
  versions: { version: number; text: string; reason: string | null; signatures: number }[];
}

describe.each(engines)('meeting minutes over HTTP on $name', ({ make }) => {
  const { api, resident } = useResidentServer(make());
  const { call, signIn } = api;

  const ok = <T>(reply: { status: number; body: { result?: { data: T } } }): T => {
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };
  const publicMinutes = async (meetingId: string, minPosition?: string) =>
    ok<PublicMinutes>(await call('meeting.minutes', { meetingId, minPosition }, { query: true }));
  const staff = <T = { position: string }>(procedure: string, input: unknown, as = 'shuyuan') =>
    call<T>(`meeting.${procedure}`, input, { as });

  const today = chinaDate(new Date().toISOString());
  let meetingId = '';
  let otherMeetingId = '';

  beforeAll(async () => {
    await signIn('shuyuan');
    await signIn('qinfeng');
    await resident.signIn('wang', DEMO_SIGN_INS.wang);
    await resident.signIn('zhang', DEMO_SIGN_INS.zhang);
    await resident.signIn('chen', DEMO_SIGN_INS.chen);
    const { bodyId } = ok<{ bodyId: string }>(
      await staff('establishBody', {
        communityId: 'shuyuan',
        kind: 'residents_council',
        name: '纪要测试议事会',
      }),
    );
    for (const residentId of [DEMO_RESIDENT.residentId, 'demo-r-zhang', 'demo-r-li']) {
      ok(
        await staff('joinBody', {
          bodyId,
          residentId,
          kind: 'resident',
          role: 'member',
          from: today,
        }),
      );
    }
    const convene = async (title: string) =>
      ok<{ meetingId: string }>(
        await staff('convene', {
          bodyId,
          title,
          agenda: [{ title: '车棚改造' }],
          startsAt: new Date(Date.now() + 4 * DAY_MS).toISOString(),
          place: '社区议事厅',
        }),
      ).meetingId;
    meetingId = await convene('纪要测试会议');
    otherMeetingId = await convene('另一次会议');
    for (const residentId of [DEMO_RESIDENT.residentId, 'demo-r-zhang']) {
      ok(await staff('signInFor', { meetingId, residentId }));
    }
    ok(await staff('signInFor', { meetingId: otherMeetingId, residentId: 'demo-r-li' }));
  });

  it('drafts once the meeting is closed, and takes corrections only from those who attended', async () => {
    const early = await staff('draftMinutes', { meetingId, text: '一、车棚改造。' });
    expect(early.status).toBe(409);
    ok(await staff('close', { meetingId }));
    ok(await staff('draftMinutes', { meetingId, text: '一、车棚改造：同意 3 票。' }));
    ok(await staff('circulateMinutes', { meetingId }));
    const outsider = await call(
      'meeting.requestMinutesCorrection',
      { meetingId, text: '我没来' },
      { as: 'chen' },
    );
    expect(outsider.status).toBe(403);
    ok(
      await call(
        'meeting.requestMinutesCorrection',
        { meetingId, text: '同意是 2 票，不是 3 票。' },
        { as: 'zhang' },
      ),
    );
    const signed = ok<{ position: string }>(
      await call('meeting.signMinutes', { meetingId }, { as: 'wang' }),
    );
    const pending = await staff('approveMinutes', { meetingId });
    expect(pending.status).toBe(409);
    const work = ok<{ minutes: { requests: { name: string | null; text: string }[] } }>(
      await call(
        'meeting.minutesWork',
        { meetingId, minPosition: signed.position },
        { as: 'shuyuan', query: true },
      ),
    );
    expect(work.minutes.requests.map((r) => r.text)).toEqual(['同意是 2 票，不是 3 票。']);
    expect((await publicMinutes(meetingId)).versions).toEqual([]);
  });

  it('approves the redrafted, signed minutes as version 1, and keeps them immutable', async () => {
    ok(await staff('draftMinutes', { meetingId, text: '一、车棚改造：同意 2 票。' }));
    const circulated = ok(await staff('circulateMinutes', { meetingId }));
    const draft = ok<{ draftText: string | null; signed: boolean }>(
      await call(
        'meeting.minutesDraft',
        { meetingId, minPosition: circulated.position },
        { as: 'zhang', query: true },
      ),
    );
    expect(draft).toMatchObject({ draftText: '一、车棚改造：同意 2 票。', signed: false });
    for (const as of ['wang', 'zhang'])
      ok(await call('meeting.signMinutes', { meetingId }, { as }));
    expect((await staff('approveMinutes', { meetingId }, 'qinfeng')).status).toBe(403);
    const approved = ok(await staff('approveMinutes', { meetingId }));
    const published = await publicMinutes(meetingId, approved.position);
    expect(published).toMatchObject({
      status: 'approved',
      versions: [{ version: 1, text: '一、车棚改造：同意 2 票。', reason: null, signatures: 2 }],
    });

    expect((await staff('draftMinutes', { meetingId, text: '改写' })).status).toBe(409);
    const foreign = await staff(
      'correctMinutes',
      { meetingId, text: '越权更正', reason: '越权' },
      'qinfeng',
    );
    expect(foreign.status).toBe(403);
    const noReason = await staff('correctMinutes', { meetingId, text: '更正', reason: '' });
    expect(noReason.status).toBe(400);
    const corrected = ok(
      await staff('correctMinutes', {
        meetingId,
        text: '一、车棚改造：同意 2 票，反对 0 票。',
        reason: '补记反对票数',
      }),
    );
    const versions = (await publicMinutes(meetingId, corrected.position)).versions;
    expect(versions.map((v) => [v.version, v.reason])).toEqual([
      [2, '补记反对票数'],
      [1, null],
    ]);
    expect(versions[1]!.text).toBe('一、车棚改造：同意 2 票。');
  });

  it('lets no member sign the minutes of a meeting they did not attend', async () => {
    ok(await staff('close', { meetingId: otherMeetingId }));
    ok(await staff('draftMinutes', { meetingId: otherMeetingId, text: '一、车棚改造：未表决。' }));
    const circulated = ok(await staff('circulateMinutes', { meetingId: otherMeetingId }));
    const absent = await call('meeting.signMinutes', { meetingId: otherMeetingId }, { as: 'wang' });
    expect(absent.status).toBe(403);
    const draft = ok<{ attended: boolean; status: string | null; draftText: string | null }>(
      await call(
        'meeting.minutesDraft',
        { meetingId: otherMeetingId, minPosition: circulated.position },
        { as: 'wang', query: true },
      ),
    );
    expect(draft).toEqual({
      attended: false,
      status: 'circulated',
      draftText: null,
      signed: false,
      asked: false,
    });
  });
});
