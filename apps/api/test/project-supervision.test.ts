// Residents supervise a project over HTTP (demo-i-garden, under works in 书院社区): a resident
// follows it and is told of the next stage in their inbox; a supervisor named by the community's
// worker (another volunteers; one of another community may not) files a report, the department
// answers it once, and until then it waits on the community's dashboard, overdue once its
// deadline passed; a worker hides a comment only with a reason, the public sees the reason, the
// author is told. Nobody acts outside their scope.
import { beforeAll, describe, expect, it } from 'vitest';
import { engines, useApiServer, type Reply } from './harness.ts';

const PROJECT = 'demo-i-garden';

interface Supervision {
  supervisors: { source: string }[];
  reports: { reportId: string; mine: boolean; answer: string | null; answerDueOn: string }[];
  comments: {
    commentId: string;
    text: string | null;
    mine: boolean;
    hiddenReason: string | null;
  }[];
  following: boolean;
  supervising: boolean;
}
interface Desk {
  projects: {
    projectId: string;
    communityId: string;
    reportsWaiting: number;
    reportsOverdue: number;
  }[];
  reports: { reportId: string; overdue: boolean }[];
}
interface Waiting {
  reports: { reportId: string; projectId: string; overdue: boolean }[];
}

describe.each(engines)('project supervision over HTTP on $name', (engine) => {
  const api = useApiServer(engine.make());
  const { call } = api;
  const ok = <T>(reply: Reply<T>): T => {
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };
  const { refusedWritingNothing } = api;
  const fresh = async () => String((await api.head()) ?? 0n);
  const act = <T = unknown>(path: string, input: Record<string, unknown>, as?: string) =>
    call<T>(`project.${path}`, { projectId: PROJECT, ...input }, as ? { as } : {});
  const supervision = async (as?: string) =>
    ok(
      await call<Supervision>(
        'project.supervision',
        { projectId: PROJECT, minPosition: await fresh() },
        { query: true, ...(as ? { as } : {}) },
      ),
    );

  beforeAll(async () => {
    for (const login of ['shuyuan', 'qinfeng', 'department', 'consultant', 'yushan', 'qinchuan'])
      await api.signIn(login);
    for (const [as, phone, password] of [
      ['wang', '13900001001', 'qinhu-resident-2025'],
      ['zhang', '13900001002', 'qinhu-zhangli-2025'],
      ['chen', '13900001005', 'qinhu-chenxh-2025'],
    ] as const) {
      const login = await call('resident.login', { phone, password });
      expect(login.status, JSON.stringify(login.body)).toBe(200);
      const cookie = login.headers.getSetCookie().find((c) => c.startsWith('gongzhi_session='))!;
      api.tokens.set(as, /^gongzhi_session=([^;]+)/.exec(cookie)![1]!);
    }
  });

  it('tells a follower of the next stage in their inbox, and only while they follow', async () => {
    await refusedWritingNothing(act('follow', {}, 'department'), 403);
    ok(await act('follow', {}, 'zhang'));
    expect(await supervision('zhang')).toMatchObject({ following: true });
    // Residents see no count of followers: the page is not a popularity board.
    expect(await supervision()).not.toHaveProperty('followers');
    ok(await act('reachMilestone', { milestoneId: 'm2', reachedOn: '2025-10-20' }, 'department'));
    const inbox = ok(
      await call<{ notices: { link: string; message: { 'zh-CN': string } }[] }>(
        'notification.inbox',
        { minPosition: await fresh() },
        { query: true, as: 'zhang' },
      ),
    );
    expect(inbox.notices[0]).toMatchObject({ link: `/projects/${PROJECT}` });
    expect(inbox.notices[0]!.message['zh-CN']).toContain('完成节点');
    ok(await act('unfollow', {}, 'zhang'));
    ok(await act('reachMilestone', { milestoneId: 'm3', reachedOn: '2025-10-30' }, 'department'));
    const after = ok(
      await call<{ notices: unknown[] }>(
        'notification.inbox',
        { minPosition: await fresh() },
        { query: true, as: 'zhang' },
      ),
    );
    expect(after.notices).toHaveLength(inbox.notices.length);
  });

  it('takes reports from named supervisors only; the department answers once; overdue ones wait on the dashboard', async () => {
    await refusedWritingNothing(
      act('fileReport', { what: '围栏松动，有安全隐患。', where: '花园东侧' }, 'wang'),
      403,
      'not_supervisor',
    );
    // A worker of another community may not name one here; a resident of another community may not volunteer.
    await refusedWritingNothing(
      act('nameSupervisor', { residentId: 'demo-r-wang', source: 'round_table' }, 'qinfeng'),
      403,
    );
    await refusedWritingNothing(act('volunteerAsSupervisor', {}, 'chen'), 403, 'not_eligible');
    ok(
      await act('nameSupervisor', { residentId: 'demo-r-wang', source: 'round_table' }, 'shuyuan'),
    );
    ok(await act('volunteerAsSupervisor', {}, 'zhang'));
    const filed = ok(
      await act<{ reportId: string }>(
        'fileReport',
        { what: '围栏松动，有安全隐患。', where: '花园东侧' },
        'wang',
      ),
    );
    const mine = await supervision('wang');
    expect(mine).toMatchObject({
      supervising: true,
      supervisors: [{ source: 'round_table' }, { source: 'volunteered' }],
    });
    expect(mine.reports).toMatchObject([{ reportId: filed.reportId, mine: true, answer: null }]);

    const waiting = async (overdueOnly: boolean) =>
      ok(
        await call<Waiting>(
          'project.waitingReports',
          { communityId: 'shuyuan', overdueOnly, minPosition: await fresh() },
          { query: true, as: 'shuyuan' },
        ),
      ).reports;
    expect(await waiting(false)).toMatchObject([{ reportId: filed.reportId, overdue: false }]);
    expect(await waiting(true)).toEqual([]);
    api.runtime.services.now = () => new Date(Date.now() + 10 * 86_400_000);
    try {
      expect(await waiting(true)).toMatchObject([{ reportId: filed.reportId, overdue: true }]);
      // The street sees it across its communities, the department and consultant on their desk.
      const desk = async (place: Record<string, string>, as: string) =>
        call<Desk>('project.desk', { place, minPosition: await fresh() }, { query: true, as });
      const street = ok(await desk({ type: 'street', streetId: 'yushan' }, 'yushan'));
      expect(street.reports).toMatchObject([{ reportId: filed.reportId, overdue: true }]);
      expect(street.projects.find((p) => p.projectId === PROJECT)).toMatchObject({
        reportsWaiting: 1,
        reportsOverdue: 1,
      });
      for (const as of ['department', 'consultant']) {
        const own = ok(await desk({ type: 'community', communityId: 'shuyuan' }, as));
        expect(own.projects.map((p) => p.projectId)).toContain(PROJECT);
        expect(own.projects.every((p) => p.communityId === 'shuyuan')).toBe(true);
        // A community's grant does not reach its street, nor another street's officer this one.
        expect((await desk({ type: 'street', streetId: 'yushan' }, as)).status).toBe(403);
      }
      expect((await desk({ type: 'street', streetId: 'yushan' }, 'qinchuan')).status).toBe(403);
      expect((await desk({ type: 'community', communityId: 'shuyuan' }, 'qinfeng')).status).toBe(
        403,
      );
      expect((await desk({ type: 'street', streetId: 'nowhere' }, 'yushan')).status).toBe(404);
    } finally {
      delete api.runtime.services.now;
    }
    await refusedWritingNothing(
      call('project.waitingReports', { communityId: 'shuyuan' }, { query: true, as: 'qinfeng' }),
      403,
    );

    const answer = { reportId: filed.reportId, answer: '已通知施工方当日加固围栏。' };
    await refusedWritingNothing(act('answerReport', answer, 'qinfeng'), 403);
    ok(await act('answerReport', answer, 'department'));
    await refusedWritingNothing(act('answerReport', answer, 'department'), 409, 'report_answered');
    expect((await supervision()).reports).toMatchObject([{ answer: answer.answer }]);
    expect(await waiting(false)).toEqual([]);
    const inbox = ok(
      await call<{ notices: { message: { en: string } }[] }>(
        'notification.inbox',
        { minPosition: await fresh() },
        { query: true, as: 'wang' },
      ),
    );
    expect(inbox.notices[0]!.message.en).toContain('has been answered');
  });

  it('hides a comment only with a reason: the public sees the reason, the author the text and a notice', async () => {
    const { commentId } = ok(
      await act<{ commentId: string }>('comment', { text: '施工噪音太大，张三电话 139…' }, 'chen'),
    );
    await refusedWritingNothing(act('comment', { text: '员工评论' }, 'shuyuan'), 403);
    await refusedWritingNothing(act('hideComment', { commentId }, 'shuyuan'), 400);
    await refusedWritingNothing(
      act('hideComment', { commentId, reason: '含有他人电话号码。' }, 'qinfeng'),
      403,
    );
    ok(await act('hideComment', { commentId, reason: '含有他人电话号码。' }, 'shuyuan'));
    expect((await supervision()).comments).toEqual([
      expect.objectContaining({ commentId, text: null, hiddenReason: '含有他人电话号码。' }),
    ]);
    expect((await supervision('chen')).comments[0]).toMatchObject({
      mine: true,
      text: expect.stringContaining('噪音'),
    });
    const inbox = ok(
      await call<{ notices: { message: { 'zh-CN': string } }[] }>(
        'notification.inbox',
        { minPosition: await fresh() },
        { query: true, as: 'chen' },
      ),
    );
    expect(inbox.notices[0]!.message['zh-CN']).toContain('含有他人电话号码');
  });
});
