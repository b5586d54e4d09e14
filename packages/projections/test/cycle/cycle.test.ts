// The cycle read model under the runner, on SQLite and PostgreSQL.
import type { CycleDefinition, CycleEvent } from '@gongzhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cycleProjection,
  listCycles,
  listCyclesOfCommunity,
  readCycle,
} from '../../src/cycle/index.ts';
import { engines, expectRebuildToMatch, startRecorder } from './harness.ts';
import type { Harness, Recorder } from './harness.ts';

const definition: CycleDefinition = {
  title: '2025年虞山街道民生微实事',
  year: 2025,
  communities: [
    { communityId: 'hupan', budget: 20_000_000 },
    { communityId: 'binhu', budget: 15_000_000 },
  ],
  caps: { works: 10_000_000, services: 5_000_000, goods: 3_000_000 },
  allowed: [{ code: 'P1', text: '小区公共设施维修' }],
  excluded: [{ code: 'N1', text: '涉及个人或少数人利益的项目' }],
  eligibility: { tieKinds: ['lives', 'works', 'studies'], minAge: 16 },
  ballot: { kind: 'approval', maxProjects: 3 },
  aggregation: 'greedy',
  publicityDays: 5,
  schedule: {
    proposing: '2025-03-01',
    screening: '2025-04-01',
    voting: '2025-05-01',
    publicity: '2025-05-08',
    implementing: '2025-05-15',
    evaluating: '2025-11-01',
    closed: '2025-12-31',
  },
};

for (const [engine, open] of engines('cycle')) {
  describe(`cycle read model on ${engine}`, () => {
    let h: Harness;
    let recorder: Recorder;
    const record = (event: CycleEvent, occurredAt?: string) =>
      recorder.record(`cycle-${event.data.cycleId}`, event, { occurredAt });

    beforeAll(async () => {
      h = await open();
      recorder = await startRecorder(h, [cycleProjection]);
    });
    afterAll(async () => {
      await recorder.runner.stop();
      await h.close();
    });

    it('lists a draft only to those who ask for drafts, and follows its amendments', async () => {
      await record({
        type: 'CycleDrafted',
        data: { cycleId: 'c2025', streetId: 'yushan', ...definition, title: '民生微实事(草稿)' },
      });
      await record({
        type: 'CycleDrafted',
        data: {
          cycleId: 'c2024',
          streetId: 'yushan',
          ...definition,
          title: '2024年虞山街道民生微实事',
          year: 2024,
        },
      });
      expect(await listCycles(h.db, { streetId: 'yushan' })).toEqual([]);
      await record({
        type: 'CycleDraftAmended',
        data: {
          cycleId: 'c2025',
          ...definition,
          communities: [...definition.communities, { communityId: 'shuyuan', budget: 10_000_000 }],
          minimumSupport: { kind: 'share', percent: 5 },
          bulletinMinimum: 25,
        },
      });
      // A cycle drafted without a minimum support reads as needing one vote.
      expect((await readCycle(h.db, 'c2024'))?.rules.minimumSupport).toEqual({
        kind: 'votes',
        votes: 1,
      });
      expect((await readCycle(h.db, 'c2025'))?.rules.minimumSupport).toEqual({
        kind: 'share',
        percent: 5,
      });
      // A bare bulletin takes ten ballots unless the cycle says otherwise.
      expect((await readCycle(h.db, 'c2024'))?.rules.bulletinMinimum).toBe(10);
      expect((await readCycle(h.db, 'c2025'))?.rules.bulletinMinimum).toBe(25);
      const drafts = await listCycles(h.db, { streetId: 'yushan', includeDrafts: true });
      expect(drafts.map((c) => [c.cycleId, c.title, c.status, c.phase])).toEqual([
        ['c2025', definition.title, 'draft', null],
        ['c2024', '2024年虞山街道民生微实事', 'draft', null],
      ]);
      expect(drafts[0]).toMatchObject({
        communityCount: 3,
        totalBudget: 45_000_000,
        revision: '1',
      });
      expect((await readCycle(h.db, 'c2025'))?.history).toEqual([]);
      // A draft is not public in its communities either.
      expect(await listCyclesOfCommunity(h.db, 'hupan')).toEqual([]);
    });

    it('shows a published cycle’s phases, budgets, rules and history of amendments', async () => {
      await record({ type: 'CyclePublished', data: { cycleId: 'c2025' } }, '2025-02-20T02:00:00Z');
      await record({
        type: 'CyclePhaseAdvanced',
        data: {
          cycleId: 'c2025',
          from: 'announced',
          to: 'proposing',
          at: '2025-03-01T01:00:00Z',
          scheduledFor: '2025-03-01',
        },
      });
      await record({
        type: 'CycleBudgetAmended',
        data: {
          cycleId: 'c2025',
          budgets: [{ communityId: 'hupan', budget: 25_000_000, previousBudget: 20_000_000 }],
          reason: '街道追加预算',
        },
      });
      await record({
        type: 'CycleScheduleAmended',
        data: {
          cycleId: 'c2025',
          schedule: { ...definition.schedule, screening: '2025-04-08' },
          previousSchedule: definition.schedule,
          reason: '清明节顺延',
        },
      });
      await record({
        type: 'CyclePhaseAdvanced',
        data: {
          cycleId: 'c2025',
          from: 'proposing',
          to: 'screening',
          at: '2025-04-03T01:00:00Z',
          scheduledFor: '2025-04-08',
          reason: '征集已满',
        },
      });

      const cycle = await readCycle(h.db, 'c2025');
      expect(cycle).toMatchObject({
        status: 'published',
        phase: 'screening',
        publishedAt: '2025-02-20T02:00:00Z',
        totalBudget: 50_000_000,
        revision: '6',
        rules: { caps: definition.caps, excluded: definition.excluded, publicityDays: 5 },
        budgets: [
          { communityId: 'hupan', budget: 25_000_000 },
          { communityId: 'binhu', budget: 15_000_000 },
          { communityId: 'shuyuan', budget: 10_000_000 },
        ],
      });
      expect(cycle?.phases.slice(0, 3)).toEqual([
        {
          phase: 'proposing',
          scheduledFor: '2025-03-01',
          startedAt: '2025-03-01T01:00:00Z',
          current: false,
        },
        {
          phase: 'screening',
          scheduledFor: '2025-04-08',
          startedAt: '2025-04-03T01:00:00Z',
          current: true,
        },
        { phase: 'voting', scheduledFor: '2025-05-01', startedAt: null, current: false },
      ]);
      expect(cycle?.history.map((e) => e.event.type)).toEqual([
        'CyclePublished',
        'CyclePhaseAdvanced',
        'CycleBudgetAmended',
        'CycleScheduleAmended',
        'CyclePhaseAdvanced',
      ]);
      expect(cycle?.history[2]?.summary['zh-CN']).toContain('街道追加预算');
      expect(cycle?.history[4]?.summary['zh-CN']).toContain('征集已满');

      expect((await listCycles(h.db)).map((c) => c.cycleId)).toEqual(['c2025']);
      expect(await listCyclesOfCommunity(h.db, 'hupan')).toEqual([
        {
          cycleId: 'c2025',
          title: definition.title,
          titleEn: null,
          year: 2025,
          phase: 'screening',
          budget: 25_000_000,
        },
      ]);
      expect(await readCycle(h.db, 'nowhere')).toBeUndefined();
    });

    it('rebuilds to the same rows', () => expectRebuildToMatch(h, cycleProjection));
  });
}
