// Why each project was or was not selected by the Method of Equal Shares, for result pages.

import type { ApprovalElection } from './election.ts';
import { prepare } from './election.ts';
import { greedy } from './greedy.ts';
import { equalShare, runMes } from './mes.ts';
import { compareNatural } from './order.ts';
import { Rational } from './rational.ts';
import { mesAdd1 } from './rules.ts';

export type MesRule = 'mes' | 'mes-add1' | 'mes-add1-completed';

interface ProjectFacts {
  id: string;
  cost: Rational;
  /** Voters who approve it. */
  supporters: number;
}

export type ProjectExplanation = ProjectFacts &
  (
    | {
        /** Bought in `round` (1-based): each supporter paid `price`, or all they had left if less. */
        status: 'bought';
        round: number;
        price: Rational;
        /** Supporters who had less than `price` left and paid all of it. */
        paidAll: number;
      }
    | {
        /** After `afterRound` rounds (0: from the start) its supporters held less than its cost. */
        status: 'unaffordable';
        afterRound: number;
        supportersMoney: Rational;
      }
    | {
        /** Not selected by MES, then added by the greedy completion of mes-add1-completed. */
        status: 'completed';
      }
    | {
        /** MES cannot buy it: nobody approves it, or it costs nothing (so it is worth nothing). */
        status: 'ineligible';
        reason: 'no-supporters' | 'zero-cost';
      }
    | {
        /** Left out by the greedy completion too: it did not fit in what was left. */
        status: 'not-completed';
        afterRound: number | null;
      }
  );

export interface MesExplanation {
  rule: MesRule;
  /** Each voter's budget in the run explained: the equal share plus `increments` currency units. */
  perVoterBudget: Rational;
  increments: bigint;
  /** For mes-add1: why raising stopped. */
  stop: 'exhaustive' | 'next-overspends' | null;
  rounds: number;
  /** In natural order of id. */
  projects: ProjectExplanation[];
}

/** Explains the outcome of `rule` on `election`, project by project. */
export function explainMes(election: ApprovalElection, rule: MesRule = 'mes'): MesExplanation {
  const p = prepare(election);
  const added = rule === 'mes' ? null : mesAdd1(p);
  const increments = added?.increments ?? 0n;
  const perVoterBudget = equalShare(p).add(Rational.integer(increments));
  const run = runMes(p, perVoterBudget, { explain: true });
  const purchases = new Map(run.purchases!.map((x) => [x.project, x]));
  const losses = new Map(run.losses!.map((x) => [x.project, x]));
  const completed =
    rule === 'mes-add1-completed'
      ? new Set(greedy(p, run.selected).slice(run.selected.length))
      : null;

  const projects = p.projects.map((project, j): ProjectExplanation => {
    const facts: ProjectFacts = { id: project.id, cost: project.cost, supporters: p.support[j]! };
    const bought = purchases.get(j);
    if (bought) {
      const { round, price, paidAll } = bought;
      return { ...facts, status: 'bought', round, price, paidAll };
    }
    if (completed?.has(j)) return { ...facts, status: 'completed' };
    const lost = losses.get(j);
    if (completed)
      return { ...facts, status: 'not-completed', afterRound: lost?.afterRound ?? null };
    if (lost) {
      const { afterRound, supportersMoney } = lost;
      return { ...facts, status: 'unaffordable', afterRound, supportersMoney };
    }
    return {
      ...facts,
      status: 'ineligible',
      reason: p.support[j] === 0 ? 'no-supporters' : 'zero-cost',
    };
  });
  projects.sort((a, b) => compareNatural(a.id, b.id));
  return {
    rule,
    perVoterBudget,
    increments,
    stop: added?.stop ?? null,
    rounds: run.selected.length,
    projects,
  };
}

/**
 * One sentence on a project's fate, in Chinese or English. `money` writes an amount of the
 * election's currency as people read it (a caller that knows the currency adds its sign).
 */
export function describeProject(
  x: ProjectExplanation,
  language: 'zh-CN' | 'en',
  money: (amount: Rational) => string = (amount) => amount.toDecimal(2),
): string {
  const zh = language === 'zh-CN';
  switch (x.status) {
    case 'bought':
      return zh
        ? `第 ${x.round} 轮入选：${x.supporters} 位支持者每人分摊 ${money(x.price)}` +
            (x.paidAll > 0 ? `，其中 ${x.paidAll} 位余额不足、付出了全部余额。` : '。')
        : `Selected in round ${x.round}: each of its ${x.supporters} supporters paid ${money(x.price)}` +
            (x.paidAll > 0 ? `, ${x.paidAll} of them all they had left, which was less.` : '.');
    case 'unaffordable':
      return zh
        ? `${x.afterRound === 0 ? '从一开始' : `第 ${x.afterRound} 轮之后`}，支持者的余额合计 ${money(x.supportersMoney)}，不足其费用 ${money(x.cost)}。`
        : `${x.afterRound === 0 ? 'From the start' : `After round ${x.afterRound}`}, its supporters had ${money(x.supportersMoney)} left in total, less than its cost of ${money(x.cost)}.`;
    case 'completed':
      return zh
        ? '平等份额法未选中，按得票数补选时入选（仍在剩余预算之内）。'
        : 'Not chosen by the Method of Equal Shares; added when the leftover budget was filled by number of votes.';
    case 'not-completed':
      return zh
        ? '平等份额法未选中，按得票数补选时超出剩余预算。'
        : 'Not chosen by the Method of Equal Shares, and too expensive for the leftover budget.';
    case 'ineligible':
      return x.reason === 'no-supporters'
        ? zh
          ? '没有人投票支持。'
          : 'Nobody voted for it.'
        : zh
          ? '费用为零，平等份额法不予考虑。'
          : 'It costs nothing, so the Method of Equal Shares does not consider it.';
  }
}
