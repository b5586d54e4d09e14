import { describe, expect, it } from 'vitest';
import { bulletinDisclosure } from '../../src/ballot/index.ts';
import { cycleDefinitionSchema, cycleStageSchema } from '../../src/cycle/index.ts';
import { definition } from '../cycle/fixtures.ts';

describe('what of a bulletin is public', () => {
  it('is the number of ballots only until voting has closed, however many there are', () => {
    for (const stage of ['announced', 'proposing', 'screening', 'voting'] as const) {
      expect(bulletinDisclosure(stage, undefined, 5000)).toBe('count');
      expect(bulletinDisclosure(stage, 1, 5000)).toBe('count');
    }
  });

  it('once voting has closed: totals below the minimum (ten by default), ballots from it', () => {
    const closed = cycleStageSchema.options.filter(
      (s) => !['announced', 'proposing', 'screening', 'voting'].includes(s),
    );
    expect(closed).toEqual(['publicity', 'implementing', 'evaluating', 'closed']);
    for (const stage of closed) {
      expect(bulletinDisclosure(stage, undefined, 9)).toBe('totals');
      expect(bulletinDisclosure(stage, undefined, 10)).toBe('ballots');
      expect(bulletinDisclosure(stage, 4, 3)).toBe('totals');
      expect(bulletinDisclosure(stage, 4, 4)).toBe('ballots');
      expect(bulletinDisclosure(stage, 1, 0)).toBe('totals');
      expect(bulletinDisclosure(stage, 1, 1)).toBe('ballots');
    }
  });

  it('is a cycle setting from 1 to 1000 that cycles drafted without it do without', () => {
    const { bulletinMinimum: _, ...without } = { ...definition, bulletinMinimum: 4 };
    expect(cycleDefinitionSchema.safeParse(without).success).toBe(true);
    for (const ok of [1, 10, 1000]) {
      expect(cycleDefinitionSchema.safeParse({ ...definition, bulletinMinimum: ok }).success).toBe(
        true,
      );
    }
    for (const bad of [0, 1001, 2.5, '10']) {
      expect(cycleDefinitionSchema.safeParse({ ...definition, bulletinMinimum: bad }).success).toBe(
        false,
      );
    }
  });
});
