import { describe, expect, it } from 'vitest';
import type { ApprovalElection } from '../src/election.ts';
import { prepare } from '../src/election.ts';
import { describeProject, explainMes } from '../src/explain.ts';
import { compareCodePoints, compareNatural, sortNatural } from '../src/order.ts';
import { Rational } from '../src/rational.ts';
import { mesAdd1, tally } from '../src/rules.ts';

function election(
  budget: number,
  costs: Record<string, number>,
  ballots: string[][],
): ApprovalElection {
  return {
    budget: Rational.of(budget),
    projects: Object.entries(costs).map(([id, cost]) => ({ id, cost: Rational.of(cost) })),
    ballots,
  };
}

describe('Rational', () => {
  it('reads decimals exactly and keeps lowest terms', () => {
    expect(Rational.parse('10000.0')!.toString()).toBe('10000');
    expect(Rational.parse('0.1')!.add(Rational.parse('0.2')!).eq(Rational.parse('0.3')!)).toBe(
      true,
    );
    expect(Rational.parse('2.5E-2')!.toString()).toBe('1/40');
    expect(Rational.parse('-6/4')!.toString()).toBe('-3/2');
    expect(Rational.parse('1.2.3')).toBeNull();
    expect(Rational.parse('')).toBeNull();
    expect(Rational.of(2, 3).toDecimal(3)).toBe('0.667');
    expect(Rational.of(-7, 2).cmp(Rational.of(-3))).toBe(-1);
  });
});

describe('orders of ids', () => {
  it('breaks ties by code point, as Python compares strings', () => {
    expect(['9', '10', 'a', 'B', '\u{1F600}', '\uFFFD'].sort(compareCodePoints)).toEqual([
      '10',
      '9',
      'B',
      'a',
      '\uFFFD',
      '\u{1F600}',
    ]);
  });
  it('lists results in natural order', () => {
    expect(sortNatural(['L10', 'L9', '10', '9', 'x'])).toEqual(['9', '10', 'L9', 'L10', 'x']);
    expect(compareNatural('007', '7')).not.toBe(0);
  });
});

describe('greedy', () => {
  it('orders by supporters, breaks ties by id string, and skips what does not fit', () => {
    const e = election(100, { '9': 40, '10': 40, big: 90, small: 20, nobody: 10 }, [
      ['9', '10', 'big'],
      ['9', '10', 'big', 'small'],
      ['big'],
    ]);
    // big (3 votes) fits; 10 and 9 (2 votes each) and small (1) do not, but are skipped, not a
    // stop: nobody (no supporter) comes last and fits.
    expect(tally(e, 'greedy').selected).toEqual(['big', 'nobody']);
    // Equal votes: "10" comes before "9" as strings.
    const e2 = election(50, { '9': 40, '10': 40 }, [
      ['9', '10'],
      ['9', '10'],
    ]);
    expect(tally(e2, 'greedy').selected).toEqual(['10']);
  });
});

describe('method of equal shares', () => {
  // Four voters, 25 each. A (cost 40) and B (cost 60) have the same three supporters and the
  // same price per unit of cost, 1/3 — a tie that floating point gets wrong ((40/3)/40 rounds
  // above 20/60). The tie goes to the smaller id, A.
  const tie = election(100, { A: 40, B: 60, C: 40 }, [['A', 'B'], ['A', 'B'], ['A', 'B'], ['C']]);

  it('buys by price per unit of cost with exact ties broken by id', () => {
    expect(tally(tie, 'mes').selected).toEqual(['A']);
    expect(tally(tie, 'greedy').selected).toEqual(['A', 'B']);
  });

  it('mes-add1 raises every voter by 1 until the outcome is exhaustive', () => {
    // B becomes affordable after A once 3 × (b − 40/3) ≥ 60, i.e. b ≥ 33⅓: at b = 34 (9 raises)
    // A and B cost the whole budget.
    const result = mesAdd1(prepare(tie));
    expect(result.increments).toBe(9n);
    expect(result.stop).toBe('exhaustive');
    expect(tally(tie, 'mes-add1').selected).toEqual(['A', 'B']);
    expect(tally(tie, 'mes-add1-completed').selected).toEqual(['A', 'B']);
  });

  it('mes-add1 keeps the previous outcome when the next would overspend', () => {
    // X and Y need 30 from each of their two supporters; at b = 30 both are bought (120 > 100).
    const e = election(100, { X: 60, Y: 60 }, [['X'], ['X'], ['Y'], ['Y']]);
    expect(mesAdd1(prepare(e))).toMatchObject({
      selected: [],
      increments: 4n,
      stop: 'next-overspends',
    });
    expect(tally(e, 'mes-add1-completed').selected).toEqual(['X']);
  });

  it('explains each project', () => {
    const x = explainMes(tie, 'mes');
    expect(x.perVoterBudget.toString()).toBe('25');
    expect(x.projects).toEqual([
      {
        id: 'A',
        cost: Rational.of(40),
        supporters: 3,
        status: 'bought',
        round: 1,
        price: Rational.of(40, 3),
        paidAll: 0,
      },
      {
        id: 'B',
        cost: Rational.of(60),
        supporters: 3,
        status: 'unaffordable',
        afterRound: 1,
        supportersMoney: Rational.of(35),
      },
      {
        id: 'C',
        cost: Rational.of(40),
        supporters: 1,
        status: 'unaffordable',
        afterRound: 0,
        supportersMoney: Rational.of(25),
      },
    ]);
    expect(describeProject(x.projects[0]!, 'en')).toBe(
      'Selected in round 1: each of its 3 supporters paid 13.33.',
    );
    expect(describeProject(x.projects[1]!, 'zh-CN')).toBe(
      '第 1 轮之后，支持者的余额合计 35，不足其费用 60。',
    );
    const added = explainMes(tie, 'mes-add1');
    expect(added.increments).toBe(9n);
    expect(added.projects.map((p) => p.status)).toEqual(['bought', 'bought', 'unaffordable']);
  });

  it('lets voters short of the price pay all they have', () => {
    // E (60) is bought first at 20 each; D (30) is then approved by a voter left with 5, who
    // pays it all, and one with 25, who pays the price of 25.
    const e = election(100, { E: 60, D: 30 }, [['E', 'D'], ['E'], ['E'], ['D']]);
    const x = explainMes(e, 'mes');
    expect(x.projects.find((p) => p.id === 'D')).toMatchObject({
      status: 'bought',
      round: 2,
      price: Rational.of(25),
      paidAll: 1,
    });
  });
});
