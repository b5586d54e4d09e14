// Public pages as of a past date (time travel, docs/time-travel.md) over HTTP on SQLite and
// PostgreSQL. The clock moves on (services.now): ten days from today the street confirms the
// seeded cycle on notice (demo-cycle-confirm), which opens its project; twenty days from today
// it approves the project. A request as of a day in between sees the project opened and not yet
// approved, one as of a day before the confirmation sees the cycle still on notice and no project
// (404). A resident forgotten today stays forgotten in the past. Commands and non-public
// queries as of a date are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, useApiServer, type Reply } from './harness.ts';

const CYCLE = 'demo-cycle-confirm';
const PROJECT = 'demo-c-bike-racks';
const DAY_MS = 86_400_000;

/** The date in China (YYYY-MM-DD) `days` days from now. */
const chinaDay = (days: number) =>
  new Date(Date.now() + days * DAY_MS + 8 * 3_600_000).toISOString().slice(0, 10);

describe.each(engines)('pages as of a past date on $name', (engine) => {
  const api = useApiServer(engine.make());
  const { call } = api;
  const ok = <T>(reply: Reply<T>): T => {
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };
  const refusedWith = (reply: Reply, status: number, reason: string) => {
    expect(reply.status, JSON.stringify(reply.body)).toBe(status);
    expect(reply.body.error?.data).toMatchObject({ reason });
  };
  const asOf = (days: number) => ({ 'x-gongzhi-as-of': chinaDay(days) });
  const at = (days: number) =>
    (api.runtime.services.now = () => new Date(Date.now() + days * DAY_MS));
  const project = (headers: Record<string, string> = {}) =>
    call<{ project: { stage: string } }>(
      'project.get',
      { projectId: PROJECT },
      { query: true, headers },
    );
  const cycle = (headers: Record<string, string> = {}) =>
    call<{ phase: string }>('cycle.get', { cycleId: CYCLE }, { query: true, headers });

  let phaseOnNotice = '';

  beforeAll(async () => {
    await api.signIn('yushan');
    phaseOnNotice = ok(await cycle()).phase;
    at(10);
    ok(
      await call(
        'cycle.advancePhase',
        { cycleId: CYCLE, to: 'implementing', reason: '测试：推迟实施' },
        { as: 'yushan' },
      ),
    );
    at(20);
    const approval = { implementer: { kind: 'department', name: '虞山街道城建办' } };
    ok(await call('project.approve', { projectId: PROJECT, ...approval }, { as: 'yushan' }));
    const head = String(await api.head());
    ok(await call('project.get', { projectId: PROJECT, minPosition: head }, { query: true }));
  });
  afterAll(() => {
    delete api.runtime.services.now;
  });

  it('shows today’s record today, and the record as it stood on a past day', async () => {
    expect(ok(await project()).project.stage).toBe('approved');
    expect(ok(await project(asOf(20))).project.stage).toBe('approved');
    const started = performance.now();
    expect(ok(await project(asOf(15))).project.stage).toBe('opened');
    // The demo's log, rebuilt into memory: well under a second on a quiet machine.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(ok(await cycle(asOf(15))).phase).toBe('implementing');
    expect(ok(await cycle(asOf(5))).phase).toBe(phaseOnNotice);
    expect(phaseOnNotice).not.toBe('implementing');
  });

  it('answers 404 for a project on a day before it existed', async () => {
    const reply = await project(asOf(5));
    expect(reply.status, JSON.stringify(reply.body)).toBe(404);
  });

  it('builds a snapshot again when an event dated before its day arrives later', async () => {
    at(30);
    expect(ok(await project(asOf(25))).project.stage).toBe('approved');
    at(24);
    const review = { projectId: PROJECT, approvedBudget: 4_500_000 };
    ok(await call('project.reviewBudget', review, { as: 'yushan' }));
    at(30);
    expect(ok(await project(asOf(25))).project.stage).toBe('budget_reviewed');
    expect(ok(await project(asOf(15))).project.stage).toBe('opened');
  });

  it('keeps a resident forgotten today forgotten in the past: their comment’s text is gone', async () => {
    const login = await call('resident.login', {
      phone: '13900001005',
      password: 'qinhu-chenxh-2025',
    });
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('gongzhi_session='))!;
    api.tokens.set('chen', /^gongzhi_session=([^;]+)/.exec(cookie)![1]!);
    const garden = { projectId: 'demo-i-garden' };
    const comments = async (days: number) =>
      ok(
        await call<{ comments: { text: string | null }[] }>('project.supervision', garden, {
          query: true,
          headers: asOf(days),
        }),
      ).comments.map((c) => c.text);
    at(40);
    ok(
      await call('project.comment', { ...garden, text: '花园的座椅什么时候装？' }, { as: 'chen' }),
    );
    at(50);
    expect(await comments(45)).toContain('花园的座椅什么时候装？');
    ok(await call('resident.forgetMe', { password: 'qinhu-chenxh-2025' }, { as: 'chen' }));
    expect(await comments(45)).not.toContain('花园的座椅什么时候装？');
    expect(await comments(39)).not.toContain('花园的座椅什么时候装？');
  });

  it('refuses commands, and queries that are not public, as of a date', async () => {
    const before = await api.head();
    refusedWith(
      await call(
        'project.reviewBudget',
        { projectId: PROJECT, approvedBudget: 4_500_000 },
        { as: 'yushan', headers: asOf(15) },
      ),
      400,
      'as_of_read_only',
    );
    expect(await api.head()).toBe(before);
    refusedWith(
      await call('notification.staffInbox', {}, { as: 'yushan', query: true, headers: asOf(15) }),
      400,
      'as_of_read_only',
    );
    refusedWith(
      await call(
        'project.get',
        { projectId: PROJECT },
        {
          query: true,
          headers: { 'x-gongzhi-as-of': '2026-02-30' },
        },
      ),
      400,
      'as_of_invalid',
    );
  });
});
