import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { approvalElection, prepare, totalCost } from '../src/election.ts';
import { parsePb } from '../src/format.ts';
import { equalShare, mesCandidates, runMes } from '../src/mes.ts';
import { Rational } from '../src/rational.ts';

// mes-add1 skips runs on the strength of two claims made by a run; both are checked here against
// plain runs on a real election whose outcome changes often as the budget grows.
const election = approvalElection(
  parsePb(
    readFileSync(join(import.meta.dirname, 'fixtures', 'Netherlands_Amsterdam_166.pb'), 'utf8'),
  ),
);
const p = prepare(election);
const at = (k: number) => equalShare(p).add(Rational.integer(BigInt(k)));
const plain = Array.from({ length: 90 }, (_, k) => runMes(p, at(k)).selected);

describe('MES run certificates', () => {
  it('a run that certifies +0 … +certified makes the purchases plain runs make there', () => {
    let certified = 0n;
    for (const width of [1n, 3n, 8n, 20n]) {
      for (let k = 0; k + Number(width) < plain.length; k += 7) {
        const run = runMes(p, at(k), { width });
        expect(run.selected).toEqual(plain[k]);
        for (let d = 1; d <= Number(run.certified); d++) expect(plain[k + d]).toEqual(plain[k]);
        certified += run.certified;
      }
    }
    expect(certified).toBeGreaterThan(0n);
  });

  it('a run that stops early has a feasible, non-exhaustive outcome, as do the budgets it certifies', () => {
    let stopped = 0;
    for (let k = 0; k + 8 < plain.length; k += 5) {
      const run = runMes(p, at(k), { width: 8n, stopWhenOpen: true });
      if (!run.open) {
        expect(run.selected).toEqual(plain[k]);
        continue;
      }
      stopped++;
      for (let d = 0; d <= Number(run.certified); d++) {
        const outcome = plain[k + d]!;
        expect(outcome.slice(0, run.selected.length)).toEqual(run.selected);
        const left = p.budget.sub(totalCost(p, outcome));
        expect(left.sign()).toBeGreaterThanOrEqual(0);
        const fits = mesCandidates(p).some(
          (j) => !outcome.includes(j) && p.projects[j]!.cost.le(left),
        );
        expect(fits).toBe(true);
      }
    }
    expect(stopped).toBeGreaterThan(0);
  });
});
