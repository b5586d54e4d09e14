// Micro-project cycles over HTTP: a street officer drafts, publishes, moves phases and amends;
// the public reads published cycles. The main path runs on SQLite and PostgreSQL; refusals,
// bad input and wrong scope on SQLite.
import { beforeAll, describe, expect, it } from 'vitest';
import { engines, useApiServer } from './harness.ts';
import { cycleDefinition } from './micro-fixtures.ts';

const EN = { 'x-gongzhi-locale': 'en' };

interface Written {
  position: string;
  revision: string | null;
}

interface CycleReply {
  cycleId: string;
  status: string;
  phase: string | null;
  title: string;
  revision: string;
  budgets: { communityId: string; budget: number; name: string }[];
  phases: { phase: string; scheduledFor: string; startedAt: string | null; current: boolean }[];
  history: { summary: { 'zh-CN': string; en: string }; event: { type: string } }[];
  rules: { minimumSupport: { kind: string; votes?: number; percent?: number } };
}

describe.each(engines)('cycles over HTTP on $name', ({ name, make }) => {
  const api = useApiServer(make());
  const { call, signIn, head } = api;

  beforeAll(async () => {
    await signIn('yushan');
    await signIn('admin');
  });

  const get = (cycleId: string, as?: string, minPosition?: string) =>
    call<CycleReply>('cycle.get', { cycleId, minPosition }, { query: true, ...(as && { as }) });

  it('takes a cycle from draft to published, through its phases and amendments', async () => {
    const drafted = await call<Written & { cycleId: string }>(
      'cycle.draft',
      { streetId: 'yushan', ...cycleDefinition({ title: '草稿周期' }) },
      { as: 'yushan' },
    );
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(200);
    const { cycleId } = drafted.body.result!.data;

    // A draft is the officers' own: the public does not see it.
    expect((await get(cycleId, undefined, drafted.body.result!.data.position)).status).toBe(404);
    const draft = await get(cycleId, 'yushan');
    expect(draft.body.result?.data).toMatchObject({ status: 'draft', title: '草稿周期' });
    // Drafted without a minimum support: a project needs one vote.
    expect(draft.body.result?.data.rules.minimumSupport).toEqual({ kind: 'votes', votes: 1 });
    const drafts = await call<{ cycles: { cycleId: string }[] }>(
      'cycle.drafts',
      { streetId: 'yushan' },
      { as: 'yushan', query: true },
    );
    expect(drafts.body.result?.data.cycles.map((c) => c.cycleId)).toContain(cycleId);

    const amended = await call<Written>(
      'cycle.amendDraft',
      {
        cycleId,
        ...cycleDefinition({ minimumSupport: { kind: 'share', percent: 10 } }),
        expectedRevision: '0',
      },
      { as: 'yushan' },
    );
    expect(amended.status, JSON.stringify(amended.body)).toBe(200);
    const published = await call<Written>(
      'cycle.publish',
      { cycleId, expectedRevision: '1' },
      { as: 'yushan' },
    );
    expect(published.status).toBe(200);

    const list = await call<{ cycles: { cycleId: string; totalBudget: number }[] }>(
      'cycle.list',
      { streetId: 'yushan', minPosition: published.body.result!.data.position },
      { query: true },
    );
    expect(list.body.result?.data.cycles).toContainEqual(
      expect.objectContaining({ cycleId, totalBudget: 35_000_000 }),
    );
    const publicView = (await get(cycleId)).body.result!.data;
    expect(publicView).toMatchObject({ status: 'published', phase: 'announced' });
    expect(publicView.rules.minimumSupport).toEqual({ kind: 'share', percent: 10 });
    expect(publicView.budgets).toEqual([
      { communityId: 'shuyuan', budget: 20_000_000, name: '书院社区', nameEn: 'Shuyuan Community' },
      {
        communityId: 'hongqiao',
        budget: 15_000_000,
        name: '虹桥社区',
        nameEn: 'Hongqiao Community',
      },
    ]);

    // Not the scheduled day: a reason is needed.
    const early = await call('cycle.advancePhase', { cycleId, to: 'proposing' }, { as: 'yushan' });
    expect(early.status).toBe(400);
    expect(early.body.error?.data.reason).toBe('reason_required');
    expect(early.body.error?.message).toContain('2030-03-01');
    const advanced = await call<Written>(
      'cycle.advancePhase',
      { cycleId, to: 'proposing', reason: '提前征集以配合年度预算编制' },
      { as: 'admin' },
    );
    expect(advanced.status, JSON.stringify(advanced.body)).toBe(200);

    const budget = await call<Written>(
      'cycle.amendBudget',
      { cycleId, budgets: [{ communityId: 'hongqiao', budget: 18_000_000 }], reason: '追加预算' },
      { as: 'yushan' },
    );
    expect(budget.status, JSON.stringify(budget.body)).toBe(200);
    const schedule = await call<Written>(
      'cycle.amendSchedule',
      {
        cycleId,
        schedule: { ...cycleDefinition().schedule, voting: '2030-05-12' },
        reason: '避开劳动节假期',
      },
      { as: 'yushan' },
    );
    expect(schedule.status, JSON.stringify(schedule.body)).toBe(200);

    const view = (await get(cycleId, undefined, schedule.body.result!.data.position)).body.result!
      .data;
    expect(view.phase).toBe('proposing');
    expect(view.phases.find((p) => p.current)).toMatchObject({
      phase: 'proposing',
      scheduledFor: '2030-03-01',
    });
    expect(view.phases.find((p) => p.phase === 'voting')?.scheduledFor).toBe('2030-05-12');
    expect(view.budgets.find((b) => b.communityId === 'hongqiao')?.budget).toBe(18_000_000);
    expect(view.history.map((h) => h.event.type)).toEqual([
      'CyclePublished',
      'CyclePhaseAdvanced',
      'CycleBudgetAmended',
      'CycleScheduleAmended',
    ]);
    expect(view.history[1]!.summary['zh-CN']).toContain('提前征集以配合年度预算编制');
    expect(view.history[3]!.summary.en).toContain('避开劳动节假期');
  });

  if (name !== 'sqlite') return;

  describe('refusals, bad input and scope', () => {
    let cycleId = '';
    beforeAll(async () => {
      await signIn('qinchuan');
      const drafted = await call<{ cycleId: string }>(
        'cycle.draft',
        { streetId: 'yushan', ...cycleDefinition() },
        { as: 'yushan' },
      );
      cycleId = drafted.body.result!.data.cycleId;
      await call('cycle.publish', { cycleId }, { as: 'yushan' });
    });

    it('refuses malformed input with a 400 naming the field, in zh-CN and English, writing nothing', async () => {
      const before = await head();
      const input = {
        streetId: 'yushan',
        ...cycleDefinition({ title: '周' }),
        communities: [{ communityId: 'shuyuan', budget: 20_000.5 }],
      };
      const zh = await call('cycle.draft', input, { as: 'yushan' });
      expect(zh.status).toBe(400);
      expect(zh.body.error?.message).toContain('标题（title）：至少需要 2 个字');
      expect(zh.body.error?.message).toContain('预算（分）（communities.0.budget）');
      const en = await call('cycle.draft', input, { as: 'yushan', headers: EN });
      expect(en.body.error?.message).toContain('Title (title): must be at least 2 characters');
      expect(en.body.error?.data.fieldErrors?.map((e) => e.path)).toEqual([
        'title',
        'communities.0.budget',
      ]);
      const phase = await call(
        'cycle.advancePhase',
        { cycleId, to: 'voting-now', reason: '?' },
        { as: 'yushan', headers: EN },
      );
      expect(phase.body.error?.message).toContain(
        'Next phase (to): must be one of the given options',
      );
      expect(await head()).toBe(before);
    });

    it('refuses another street’s officer with a 403, writing nothing', async () => {
      const before = await head();
      const draft = await call(
        'cycle.draft',
        { streetId: 'yushan', ...cycleDefinition() },
        { as: 'qinchuan' },
      );
      expect(draft.status).toBe(403);
      expect(draft.body.error?.message).toContain('街道「虞山街道」');
      const advance = await call(
        'cycle.advancePhase',
        { cycleId, to: 'proposing', reason: '越权' },
        { as: 'qinchuan' },
      );
      expect(advance.status).toBe(403);
      expect(advance.body.error?.data.reason).toBe('out_of_scope');
      expect(await head()).toBe(before);
    });

    it('refuses rule breaks with the domain’s reason, writing nothing', async () => {
      const before = await head();
      const cases: [string, unknown, number, string, RegExp][] = [
        [
          'cycle.draft',
          {
            streetId: 'yushan',
            ...cycleDefinition({ caps: { works: 30_000_000, services: 1, goods: 1 } }),
          },
          400,
          'cap_above_budget',
          /单个项目的限额（300,000\.00 元）高于社区/,
        ],
        [
          'cycle.draft',
          {
            streetId: 'yushan',
            ...cycleDefinition({ communities: [{ communityId: 'qinfeng', budget: 20_000_000 }] }),
          },
          400,
          'community_outside_street',
          /「琴枫社区」不属于本街道/,
        ],
        [
          'cycle.advancePhase',
          { cycleId, to: 'screening', reason: '跳过' },
          400,
          'phase_skipped',
          /下一个阶段是「建议征集」/,
        ],
        ['cycle.publish', { cycleId }, 409, 'cycle_already_published', /已经发布/],
        [
          'cycle.amendDraft',
          { cycleId, ...cycleDefinition() },
          409,
          'cycle_published',
          /不能再修改草稿/,
        ],
        ['cycle.get', { cycleId: 'no-such-cycle' }, 404, 'cycle_not_found', /no-such-cycle/],
      ];
      for (const [path, input, status, reason, message] of cases) {
        const reply = await call(path, input, { as: 'yushan', query: path === 'cycle.get' });
        expect(reply.status, path).toBe(status);
        expect(reply.body.error?.data.reason, path).toBe(reason);
        expect(reply.body.error?.message, path).toMatch(message);
      }
      expect(await head()).toBe(before);
    });
  });
});
