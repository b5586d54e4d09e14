import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePb } from '../src/format.ts';
import { Rational } from '../src/rational.ts';
import { checkRoundTrip, checkRules, readExpected } from './reference.ts';

const dir = join(import.meta.dirname, 'fixtures');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.pb'))
  .sort();

describe('pabulib fixtures against pabutools 1.2.3', () => {
  it('covers at least 100 elections of every vote type', () => {
    const types = new Set(
      files.map((f) => readExpected(join(dir, 'expected', f.replace(/\.pb$/, '.json'))).vote_type),
    );
    expect(files.length).toBeGreaterThanOrEqual(100);
    expect([...types].sort()).toEqual(['approval', 'choose-1', 'cumulative', 'ordinal']);
  });

  it.each(files)('%s', (file) => {
    const election = parsePb(readFileSync(join(dir, file), 'utf8'));
    const expected = readExpected(join(dir, 'expected', file.replace(/\.pb$/, '.json')));
    expect(checkRoundTrip(election)).toBe('');
    const checks = checkRules(election, expected);
    expect(checks.map((c) => c.problem).filter(Boolean)).toEqual([]);
    // Where the reference timed out there is still an answer: within the budget, and completing
    // it only adds projects.
    const cost = new Map(election.projects.map((p) => [p.id, p.cost]));
    for (const { selected } of checks) {
      const spent = selected.reduce((sum, id) => sum.add(cost.get(id)!), Rational.ZERO);
      expect(spent.cmp(election.budget)).toBeLessThanOrEqual(0);
    }
    const byRule = Object.fromEntries(checks.map((c) => [c.rule, c.selected]));
    expect(byRule['mes-add1-completed']).toEqual(expect.arrayContaining(byRule['mes-add1']!));
  });
});
