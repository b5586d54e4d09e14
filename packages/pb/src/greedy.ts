// Greedy by number of supporters, as pabutools' greedy_utilitarian_welfare with Cost_Sat: the
// welfare gained per unit of money by funding a project is (supporters × cost) / cost, i.e. the
// number of supporters.

import type { Prepared } from './election.ts';
import { totalCost } from './election.ts';

/**
 * Projects are ordered by id (code point order), then stably by number of supporters, highest
 * first; each is taken if it fits in what is left, and one that does not fit is skipped. Projects
 * with no supporter, and projects costing nothing (whose cost utility is zero), come last.
 * `initial` projects are kept and their cost is spent first.
 */
export function greedy(p: Prepared, initial: readonly number[] = []): number[] {
  const taken = new Set(initial);
  const density = (j: number) => (p.projects[j]!.cost.sign() > 0 ? p.support[j]! : 0);
  const order = p.projects
    .map((_, j) => j)
    .filter((j) => !taken.has(j))
    .sort((a, b) => density(b) - density(a) || p.rank[a]! - p.rank[b]!);
  const selected = [...initial];
  let remaining = p.budget.sub(totalCost(p, initial));
  for (const j of order) {
    const cost = p.projects[j]!.cost;
    if (cost.le(remaining)) {
      selected.push(j);
      remaining = remaining.sub(cost);
    }
  }
  return selected;
}
