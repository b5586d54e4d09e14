import { describe, expect, it } from 'vitest';
import {
  cycleEventSchemas,
  cycleEventTypes,
  cycleStreams,
  defaultMinimumSupport,
  describeCycleEvent,
  moneyText,
  parseCycleEvent,
  votesNeeded,
} from '../../src/cycle/index.ts';
import type { CycleEvent } from '../../src/cycle/index.ts';
import { advanced, definition, drafted, published } from './fixtures.ts';

describe('cycle events', () => {
  it('each type has a schema version', () => {
    for (const type of cycleEventTypes) {
      expect(cycleEventSchemas[type].version).toBeGreaterThanOrEqual(1);
    }
  });

  it('reads stored data through its schema', () => {
    expect(
      parseCycleEvent('CycleDrafted', { ...drafted.data, title: ' 2025年民生微实事 ' }).data,
    ).toMatchObject({ title: '2025年民生微实事', communities: definition.communities });
  });

  it('rejects money that is not whole fen, bad dates and types it does not know', () => {
    const withBudget = (budget: number) => ({
      ...drafted.data,
      communities: [{ communityId: 'hupan', budget }],
    });
    expect(() => parseCycleEvent('CycleDrafted', withBudget(100.5))).toThrow();
    expect(() => parseCycleEvent('CycleDrafted', withBudget(0))).toThrow();
    expect(() =>
      parseCycleEvent('CycleDrafted', {
        ...drafted.data,
        schedule: { ...definition.schedule, voting: '2025-13-01' },
      }),
    ).toThrow();
    expect(() =>
      parseCycleEvent('CycleDrafted', {
        ...drafted.data,
        eligibility: { tieKinds: ['lives', 'lives'], minAge: 16 },
      }),
    ).toThrow();
    expect(() => parseCycleEvent('StreetClosed', {})).toThrow(/Not a cycle/);
  });

  it('reads cycles drafted before the minimum support, which need one vote', () => {
    const released = drafted.data;
    const read = parseCycleEvent('CycleDrafted', released);
    expect(read.type === 'CycleDrafted' && read.data.minimumSupport).toBeUndefined();
    expect(
      parseCycleEvent('CycleDrafted', {
        ...released,
        minimumSupport: { kind: 'share', percent: 10 },
      }).data,
    ).toMatchObject({ minimumSupport: { kind: 'share', percent: 10 } });
    expect(() =>
      parseCycleEvent('CycleDrafted', { ...released, minimumSupport: { kind: 'votes', votes: 0 } }),
    ).toThrow();
  });

  it('needs at least one vote, and a share of the ballots rounded up', () => {
    expect(votesNeeded(defaultMinimumSupport, 0)).toBe(1);
    expect(votesNeeded({ kind: 'votes', votes: 5 }, 3)).toBe(5);
    expect(votesNeeded({ kind: 'share', percent: 10 }, 0)).toBe(1);
    expect(votesNeeded({ kind: 'share', percent: 10 }, 41)).toBe(5);
    expect(votesNeeded({ kind: 'share', percent: 10 }, 40)).toBe(4);
  });

  it('names the stream by cycle', () => {
    expect(cycleStreams.cycle('c2025')).toBe('cycle-c2025');
  });

  it('describes every event in both languages', () => {
    const events: CycleEvent[] = [
      drafted,
      { type: 'CycleDraftAmended', data: { cycleId: 'c2025', ...definition } },
      published,
      advanced('proposing', 'screening', '提前完成征集'),
      {
        type: 'CycleBudgetAmended',
        data: {
          cycleId: 'c2025',
          budgets: [{ communityId: 'hupan', budget: 25_000_000, previousBudget: 20_000_000 }],
          reason: '追加预算',
        },
      },
      {
        type: 'CycleScheduleAmended',
        data: {
          cycleId: 'c2025',
          schedule: definition.schedule,
          previousSchedule: definition.schedule,
          reason: '顺延',
        },
      },
    ];
    for (const event of events) {
      const text = describeCycleEvent(event);
      expect(text['zh-CN'], event.type).toMatch(/\p{Script=Han}/u);
      expect(text.en, event.type).toMatch(/^[a-z]+ [a-z]+/);
    }
    expect(describeCycleEvent(events[3]!)['zh-CN']).toContain('提前完成征集');
    expect(describeCycleEvent(events[4]!).en).toContain('¥200,000.00 → ¥250,000.00');
  });

  it('shows fen as yuan', () => {
    expect(moneyText(20_000_050)).toEqual({ 'zh-CN': '200,000.50 元', en: '¥200,000.50' });
  });
});
