import { describe, expect, test } from 'vitest';
import { choiceProblem, chosenTotal } from './choices';

const pool = [
  { proposalId: 'a', cost: 12_000_00 },
  { proposalId: 'b', cost: 45_000_00 },
  { proposalId: 'c', cost: 68_000_00 },
];

describe('the running total and the rule on the ballot page', () => {
  test('the total adds the chosen projects only', () => {
    expect(chosenTotal(pool, [])).toBe(0);
    expect(chosenTotal(pool, ['a', 'c'])).toBe(80_000_00);
    expect(chosenTotal(pool, ['a', 'unknown'])).toBe(12_000_00);
  });

  test('approval: at most K, at least M, and at least one', () => {
    const rule = { kind: 'approval' as const, maxProjects: 2, minProjects: 2 };
    expect(choiceProblem(rule, 0, pool, [])).toEqual({ kind: 'none_chosen' });
    expect(choiceProblem(rule, 0, pool, ['a'])).toEqual({ kind: 'too_few', min: 2 });
    expect(choiceProblem(rule, 0, pool, ['a', 'b'])).toBeUndefined();
    expect(choiceProblem(rule, 0, pool, ['a', 'b', 'c'])).toEqual({ kind: 'too_many', max: 2 });
  });

  test('knapsack: within the budget, up to it exactly', () => {
    const rule = { kind: 'knapsack' as const };
    expect(choiceProblem(rule, 57_000_00, pool, ['a', 'b'])).toBeUndefined();
    expect(choiceProblem(rule, 56_999_99, pool, ['a', 'b'])).toEqual({
      kind: 'over_budget',
      over: 1,
    });
  });
});
