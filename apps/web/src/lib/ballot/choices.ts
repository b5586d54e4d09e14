// What the ballot page checks while the voter chooses (the server checks again on casting): the
// running total of the chosen projects and whether the choice fits the cycle's rule.
import type { BallotRule } from '@gongzhi/domain';

export interface PoolItem {
  proposalId: string;
  cost: number;
}

/** The cost (fen) of the chosen projects; unknown ids count nothing. */
export function chosenTotal(pool: readonly PoolItem[], chosen: readonly string[]): number {
  const picked = new Set(chosen);
  return pool.reduce((sum, item) => sum + (picked.has(item.proposalId) ? item.cost : 0), 0);
}

export type ChoiceProblem =
  | { kind: 'none_chosen' }
  | { kind: 'too_many'; max: number }
  | { kind: 'too_few'; min: number }
  | { kind: 'over_budget'; over: number };

/** Why the choice cannot be cast yet under the rule, or undefined when it can. */
export function choiceProblem(
  rule: BallotRule,
  budget: number,
  pool: readonly PoolItem[],
  chosen: readonly string[],
): ChoiceProblem | undefined {
  if (chosen.length === 0) return { kind: 'none_chosen' };
  if (rule.kind === 'approval') {
    if (chosen.length > rule.maxProjects) return { kind: 'too_many', max: rule.maxProjects };
    if (rule.minProjects !== undefined && chosen.length < rule.minProjects) {
      return { kind: 'too_few', min: rule.minProjects };
    }
    return undefined;
  }
  const total = chosenTotal(pool, chosen);
  return total > budget ? { kind: 'over_budget', over: total - budget } : undefined;
}
