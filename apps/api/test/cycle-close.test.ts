// Closing a cycle waits for feedback (意见共商) to every author not selected (issue 11): the demo's
// summer cycle, taken to its evaluation, cannot close while its losing proposals wait, the
// refusal names them and writes nothing, and it closes once the workers have given it.
import { beforeAll, describe, expect, it } from 'vitest';
import { advanceCyclePhase } from '@gongzhi/api';
import { engines, useApiServer, type Reply } from './harness.ts';

const sqlite = engines.find((e) => e.name === 'sqlite')!;
const CYCLE = 'demo-cycle-notice';
const DAY_MS = 86_400_000;
const HONGQIAO_PASSWORD = 'hongqiao-worker-2025';

const feedback = {
  reason: '得票少于入选项目,预算已用完。',
  suggestions: '可以缩小范围,下一期再提。',
  givenBy: 'community_worker',
};

describe('closing a cycle while feedback is owed, on sqlite', () => {
  const api = useApiServer(sqlite.make());

  const ok = <T>(reply: Reply<T>): T => {
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };
  const owed = async () =>
    ok(
      await api.call<{ proposals: { proposalId: string; communityId: string; title: string }[] }>(
        'cycle.feedbackOwed',
        { cycleId: CYCLE, minPosition: String((await api.head()) ?? 0n) },
        { as: 'yushan', query: true },
      ),
    ).proposals;
  const close = () =>
    api.call(
      'cycle.advancePhase',
      { cycleId: CYCLE, to: 'closed', reason: '测试:提前结束周期' },
      { as: 'yushan' },
    );

  beforeAll(async () => {
    for (const login of ['yushan', 'shuyuan', 'admin']) await api.signIn(login);
    // 虹桥社区 has no worker among the demo accounts: one is appointed for its feedback.
    ok(
      await api.call(
        'organisation.createStaffAccount',
        {
          loginName: 'hongqiao.worker',
          displayName: '虹桥社工',
          password: HONGQIAO_PASSWORD,
          role: 'community_worker',
          scope: { type: 'community', communityId: 'hongqiao' },
        },
        { as: 'admin' },
      ),
    );
    await api.signIn('hongqiao.worker', { password: HONGQIAO_PASSWORD, as: 'hongqiao' });
    // The notice period ends in a few days: the selection is confirmed and evaluated later.
    const later = (days: number) => ({
      store: api.runtime.store,
      readModels: api.runtime.runner,
      metadata: {
        actor: 'demo-yushan',
        channel: 'online' as const,
        correlationId: 'cycle-close-test',
        occurredAt: new Date(Date.now() + days * DAY_MS).toISOString(),
      },
    });
    for (const [to, days] of [
      ['implementing', 10],
      ['evaluating', 20],
    ] as const) {
      await advanceCyclePhase(later(days), {
        cycleId: CYCLE,
        to,
        reason: '测试:推进阶段',
      });
    }
  });

  it('refuses to close while authors wait, naming their proposals, and writes nothing', async () => {
    const waiting = await owed();
    expect(waiting.length).toBeGreaterThan(0);
    const before = await api.head();
    const refused = await close();
    expect(refused.status).toBe(409);
    expect(refused.body.error?.data.reason).toBe('feedback_owed');
    for (const { title } of waiting) expect(refused.body.error?.message).toContain(title);
    expect(await api.head()).toBe(before);
    // A worker may not see another street's cycle's list.
    await api.signIn('qinfeng');
    const outside = await api.call(
      'cycle.feedbackOwed',
      { cycleId: CYCLE },
      { as: 'qinfeng', query: true },
    );
    expect(outside.status).toBe(403);
  });

  it('closes once every author has had feedback and every project is evaluated or cancelled', async () => {
    for (const { proposalId, communityId } of await owed()) {
      ok(await api.call('feedback.give', { proposalId, ...feedback }, { as: communityId }));
    }
    expect(await owed()).toEqual([]);
    // Its selected projects (opened on confirmation) are neither evaluated nor cancelled yet.
    const before = await api.head();
    const unfinished = await close();
    expect(unfinished.status).toBe(409);
    expect(unfinished.body.error?.data.reason).toBe('projects_unfinished');
    expect(await api.head()).toBe(before);
    const board = ok(
      await api.call<{ projects: { projectId: string }[] }>(
        'project.board',
        { cycleId: CYCLE, minPosition: String(before ?? 0n) },
        { query: true },
      ),
    );
    expect(board.projects.length).toBeGreaterThan(0);
    for (const { projectId } of board.projects) {
      ok(
        await api.call(
          'project.cancel',
          { projectId, reason: '测试：资金另有安排' },
          { as: 'yushan' },
        ),
      );
    }
    ok(await close());
  });
});
