// Following a deliberative body over HTTP on SQLite and PostgreSQL: a resident follows a council of
// 书院社区 (twice writes once), the body list says so to them only, and the notice of the next
// meeting reaches their inbox once (a follower on the roster too, once); after unfollowing, the
// next meeting's notice does not reach them. A staff account and an unknown body are refused,
// writing nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '@gongzhi/domain';
import { DEMO_RESIDENT } from '../src/seed/residents.ts';
import { engines, type Reply } from './harness.ts';
import { DEMO_SIGN_INS, useResidentServer } from './resident-harness.ts';

const DAY_MS = 86_400_000;

describe.each(engines)('following a body over HTTP on $name', ({ make }) => {
  const { api, resident } = useResidentServer(make());
  const { call, signIn } = api;
  const ok = <T>(reply: Reply<T>): T => {
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };
  const { refusedWritingNothing } = api;
  const fresh = async () => String((await api.head()) ?? 0n);
  const follow = (as: string, follow: boolean, id = bodyId) =>
    call<{ position: string }>('meeting.follow', { bodyId: id, follow }, { as });
  const convene = async (title: string) =>
    ok(
      await call<{ meetingId: string }>(
        'meeting.convene',
        {
          bodyId,
          title,
          agenda: [{ title: '楼道堆物清理' }],
          startsAt: new Date(Date.now() + 5 * DAY_MS).toISOString(),
          place: '社区议事厅',
        },
        { as: 'shuyuan' },
      ),
    ).meetingId;
  /** The notices in `as`'s inbox that link to the meeting. */
  const noticesOf = async (as: string, meetingId: string) =>
    ok(
      await call<{ notices: { link: string; cause: string }[] }>(
        'notification.inbox',
        { limit: 200, minPosition: await fresh() },
        { as, query: true },
      ),
    ).notices.filter((n) => n.link === `/meetings/${meetingId}`);
  const following = async (as?: string) =>
    ok(
      await call<{ bodies: { bodyId: string; following: boolean }[] }>(
        'meeting.bodies',
        { communityId: 'shuyuan', minPosition: await fresh() },
        { query: true, ...(as ? { as } : {}) },
      ),
    ).bodies.find((b) => b.bodyId === bodyId)?.following;

  let bodyId = '';

  beforeAll(async () => {
    await signIn('shuyuan');
    await resident.signIn('wang', DEMO_SIGN_INS.wang);
    await resident.signIn('zhang', DEMO_SIGN_INS.zhang);
    bodyId = ok<{ bodyId: string }>(
      await call(
        'meeting.establishBody',
        { communityId: 'shuyuan', kind: 'owners_talk', name: '书院社区楼道协商会' },
        { as: 'shuyuan' },
      ),
    ).bodyId;
    ok(
      await call(
        'meeting.joinBody',
        {
          bodyId,
          residentId: DEMO_RESIDENT.residentId,
          kind: 'resident',
          role: 'member',
          from: chinaDate(new Date().toISOString()),
        },
        { as: 'shuyuan' },
      ),
    );
  });

  it('refuses a staff account and an unknown body, writing nothing', async () => {
    await refusedWritingNothing(follow('shuyuan', true), 403);
    await refusedWritingNothing(follow('zhang', true, 'no-such-body'), 404, 'body_not_found');
    await refusedWritingNothing(follow('zhang', false), 200);
  });

  it('tells a follower of the next meeting once, and no more after unfollowing', async () => {
    ok(await follow('zhang', true));
    // Following twice writes once.
    await refusedWritingNothing(follow('zhang', true), 200);
    // A member of the roster who follows too hears of the meeting once.
    ok(await follow('wang', true));
    expect(await following('zhang')).toBe(true);
    expect(await following()).toBe(false);
    expect(await following('shuyuan')).toBe(false);

    const first = await convene('楼道协商会（一）');
    expect(await noticesOf('zhang', first)).toEqual([
      expect.objectContaining({ cause: 'MeetingConvened' }),
    ]);
    expect(await noticesOf('wang', first)).toHaveLength(1);

    ok(await follow('zhang', false));
    await refusedWritingNothing(follow('zhang', false), 200);
    expect(await following('zhang')).toBe(false);
    const second = await convene('楼道协商会（二）');
    expect(await noticesOf('zhang', second)).toEqual([]);
    expect(await noticesOf('wang', second)).toHaveLength(1);
  });
});
