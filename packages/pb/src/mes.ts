// The Method of Equal Shares with cost utilities, exactly as pabutools' method_of_equal_shares with
// Cost_Sat computes it, on exact rationals.
//
// Every voter gets the same budget. In each round, a project q whose supporters still hold at least
// its cost can be bought at the per-voter price ρ with Σ min(budget_i, ρ) = cost(q) over its
// supporters: supporters poorer than ρ pay all they have, the others pay ρ. The project with the
// smallest ρ / cost(q) is bought (ties: smallest id by code point); projects whose supporters hold
// less than their cost are dropped for good. The rule stops when no project can be bought.
//
// Speed comes from these:
// - voters with the same budget history share a group: a group is split only when a project is
//   bought that some but not all of its members approve. Groups are kept sorted by budget, so a
//   price is found by walking a project's supporters from the poorest, counted per group as needed;
// - money is held as bigint numerators over one common denominator, so sums and comparisons need no
//   gcd; the denominator grows by the part of a price's divisor it does not already contain, and a
//   group's numbers are brought up to date only when they are next looked at;
// - lazy re-evaluation (as on equalshares.net): a project's last ρ / cost is a lower bound for its
//   current one (budgets only shrink), so a round recomputes only projects that could beat the best;
// - mes-add1 runs MES for per-voter budgets b, b+1, b+2, ... but mostly needs to know only that an
//   outcome is within the budget and not exhaustive. A run may stop as soon as that is certain:
//   when what is bought, plus every project still in play, plus a project already dropped (which
//   will never be bought), fits in the budget (`stopWhenOpen`);
// - a run at b can also certify that every budget in [b, b+K] makes the same purchases (up to where
//   it stopped). Alongside the exact budgets at b it keeps, for every group, a lower and an upper
//   bound on its budget that are affine in the per-voter budget over that interval (held by their
//   values at b and at b+K):
//     · a price is decreasing in the budgets, and for any split of the supporters into those paying
//       all they have (P) and the rest (r of them), (cost − Σ_P budget) / r is at most the price; so
//       the split found at b, applied to the upper bounds, is an affine lower bound on the price;
//     · the price at the lower bounds is the largest such expression, a convex function of the
//       per-voter budget, so the chord between its values at b and b+K is an affine upper bound;
//     · after a purchase a budget becomes max(0, budget − price), bounded below by
//       (lower − upper price) for voters who were rich at b (0 otherwise) and above by the chord of
//       max(0, upper − lower price), which is convex;
//   and the run checks at both ends of the interval that each winner's upper bound stays below every
//   competitor's lower bound, and that each dropped project's supporters stay short of its cost.
//   Affine conditions that hold at both ends hold in between; where one fails, the certificate is
//   cut to where it still holds. Values at b + K are rounded in the safe direction.

import type { Prepared } from './election.ts';
import { Rational } from './rational.ts';

interface Engine {
  prepared: Prepared;
  /** MES only considers projects with a supporter and a positive cost (others have zero cost utility). */
  global: number[];
  cost: Rational[];
  /** Least common denominator of the costs. */
  costDenominator: bigint;
  rank: number[];
  support: Int32Array;
  ballotProjects: Int32Array[];
  ballotWeight: Int32Array;
  supporters: Int32Array[];
  totalWeight: number;
}

const engines = new WeakMap<Prepared, Engine>();

function engine(p: Prepared): Engine {
  const cached = engines.get(p);
  if (cached) return cached;
  const local = new Int32Array(p.projects.length).fill(-1);
  const global: number[] = [];
  p.projects.forEach((project, j) => {
    if (p.support[j]! > 0 && project.cost.sign() > 0) {
      local[j] = global.length;
      global.push(j);
    }
  });
  const m = global.length;
  const merged = new Map<string, { projects: Int32Array; weight: number }>();
  for (const ballot of p.ballots) {
    const projects = Int32Array.from(
      [...ballot.projects].map((j) => local[j]!).filter((q) => q >= 0),
    );
    if (projects.length === 0) continue;
    const key = projects.join(',');
    const existing = merged.get(key);
    if (existing) existing.weight += ballot.weight;
    else merged.set(key, { projects, weight: ballot.weight });
  }
  const ballots = [...merged.values()];
  const support = new Int32Array(m);
  const counts = new Int32Array(m);
  for (const b of ballots) {
    for (const q of b.projects) {
      support[q]! += b.weight;
      counts[q]!++;
    }
  }
  const supporters = [...counts].map((c) => new Int32Array(c));
  counts.fill(0);
  ballots.forEach((b, d) => {
    for (const q of b.projects) supporters[q]![counts[q]!++] = d;
  });
  const e: Engine = {
    prepared: p,
    global,
    cost: global.map((j) => p.projects[j]!.cost),
    costDenominator: global.reduce((acc, j) => lcm(acc, p.projects[j]!.cost.den), 1n),
    rank: global.map((j) => p.rank[j]!),
    support,
    ballotProjects: ballots.map((b) => b.projects),
    ballotWeight: Int32Array.from(ballots.map((b) => b.weight)),
    supporters,
    totalWeight: ballots.reduce((s, b) => s + b.weight, 0),
  };
  engines.set(p, e);
  return e;
}

interface Group {
  id: number;
  weight: number;
  /** Budget of each member at the run's per-voter budget, over the common denominator. */
  budget: bigint;
  /** Lower and upper bounds on that budget at per-voter budget + width (see above). */
  lowEnd: bigint;
  highEnd: bigint;
  /** The common denominators the budget, and its bounds, are over (indices into `lift`). */
  epoch: number;
  boundsEpoch: number;
  stamp: number;
  poor: boolean;
  /** During a purchase: the part that pays, and the part that does not (null if none). */
  payer: Group | null;
  stay: Group | null;
}

export interface MesPurchase {
  /** Index into the election's projects. */
  project: number;
  /** 1-based round. */
  round: number;
  /** What each supporter who could afford it paid; poorer supporters paid all they had. */
  price: Rational;
  supporters: number;
  /** Supporters who paid all they had left (less than `price`). */
  paidAll: number;
}

export interface MesLoss {
  project: number;
  /** Rounds completed when its supporters' remaining money fell below its cost (0: from the start). */
  afterRound: number;
  supportersMoney: Rational;
}

export interface MesRun {
  /** Indices into the election's projects, in order of purchase (so far, when `open`). */
  selected: number[];
  /**
   * Stopped early (see `stopWhenOpen`): the outcome is certain to cost at most the budget and to
   * leave room for a project it cannot contain; `selected` is only its beginning.
   */
  open: boolean;
  /**
   * Every per-voter budget from + 0 to + `certified` (at most the width) gives the same purchases
   * as this run (up to where it stopped, when open).
   */
  certified: bigint;
  purchases?: MesPurchase[];
  losses?: MesLoss[];
}

export interface MesOptions {
  /** Try to certify the outcome for per-voter budgets up to this many units more (mes-add1). */
  width?: bigint;
  /** Record purchases and the round each other project became unaffordable. */
  explain?: boolean;
  /**
   * Stop as soon as the outcome is known to be within the budget and not exhaustive: when what is
   * bought plus everything still in play, plus a project already dropped, fits in the budget.
   * That is all mes-add1 needs to know about most of its runs.
   */
  stopWhenOpen?: boolean;
}

function smallGcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function lcm(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return (a / x) * b;
}

/** ⌈a / b⌉ and ⌊a / b⌋ for b > 0. */
function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a > 0n && q * b !== a ? q + 1n : q;
}
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a < 0n && q * b !== a ? q - 1n : q;
}

/** One run of MES with the given budget per voter. */
export function runMes(p: Prepared, perVoter: Rational, options: MesOptions = {}): MesRun {
  const e = engine(p);
  const width = options.width ?? 0n;
  const explain = options.explain === true;
  const m = e.global.length;
  const D = e.ballotWeight.length;
  // The outcome is certified for per-voter budget + 0 … + certified; bounds are maintained while
  // that is more than 0.
  let certified = width;
  let bounded = width > 0n;
  /**
   * Restricts the certificate to where f ≥ 0 (f > 0 when strict), f being affine over the
   * interval with f(0) = atStart (which satisfies it) and f(width) = atEnd.
   */
  const keepWhere = (atStart: bigint, atEnd: bigint, strict: boolean) => {
    if (strict ? atEnd > 0n : atEnd >= 0n) return;
    // f(k) = atStart − (atStart − atEnd)·k/width reaches 0 at k = width·atStart/(atStart − atEnd).
    const num = width * atStart;
    const den = atStart - atEnd;
    const last = strict ? ceilDiv(num, den) - 1n : num / den;
    if (last < certified) certified = last;
    if (certified <= 0n) {
      certified = 0n;
      bounded = false;
    }
  };

  const scale = lcm(e.costDenominator, perVoter.den);
  let denominator = scale;
  const costNum = e.cost.map((c) => (c.num * scale) / c.den);
  // For stopWhenOpen, costs over the starting denominator: bought, still in play, cheapest dropped.
  const baseCost = [...costNum];
  let spent = 0n;
  let inPlay = baseCost.reduce((sum, c) => sum + c, 0n);
  let cheapestDropped = -1n;
  let open = false;
  // The common denominator only grows (by an integer factor). A group's numerators are brought up
  // to the current one when it is next looked at: lift[e] is current denominator / denominator e.
  const lift: bigint[] = [1n];
  let current = 0;
  const fresh = (g: Group) => {
    if (g.epoch === current) return;
    g.budget *= lift[g.epoch]!;
    g.epoch = current;
  };
  const freshBounds = (g: Group) => {
    if (g.boundsEpoch === current) return;
    const f = lift[g.boundsEpoch]!;
    g.lowEnd *= f;
    g.highEnd *= f;
    g.boundsEpoch = current;
  };
  // Ballots are in groups of equal budget; a ballot in a dead group holds nothing any more.
  const groupOf = new Int32Array(D);
  const groups: Group[] = [];
  let dead = new Uint8Array(64);
  const newGroup = (budget: bigint, lowEnd: bigint, highEnd: bigint): Group => {
    const g: Group = {
      id: groups.length,
      weight: 0,
      budget,
      lowEnd,
      highEnd,
      epoch: current,
      boundsEpoch: current,
      stamp: -1,
      poor: false,
      payer: null,
      stay: null,
    };
    groups.push(g);
    if (g.id >= dead.length) {
      const grown = new Uint8Array(2 * dead.length);
      grown.set(dead);
      dead = grown;
    }
    return g;
  };
  const start = (perVoter.num * scale) / perVoter.den;
  const end = start + width * scale;
  const first = newGroup(start, end, end);
  first.weight = e.totalWeight;
  let sorted: Group[] = start > 0n || (bounded && end > 0n) ? [first] : [];
  if (sorted.length === 0) dead[first.id] = 1;

  // Supporters of one project per group, counted when needed: tally[g.id], for the ids in tallied.
  const tally = new Int32Array(D + 1);
  const tallied: number[] = [];
  /** Counts q's supporters per live group; returns their number. */
  const countSupporters = (q: number): number => {
    let total = 0;
    const weights = e.ballotWeight;
    for (const d of e.supporters[q]!) {
      const gi = groupOf[d]!;
      if (dead[gi]) continue;
      const w = weights[d]!;
      if (tally[gi] === 0) tallied.push(gi);
      tally[gi]! += w;
      total += w;
    }
    return total;
  };
  const clearTally = () => {
    for (const gi of tallied) tally[gi] = 0;
    tallied.length = 0;
  };

  // Price of q, found by walking its supporters from the poorest: price = left / rest at the
  // per-voter budget; with the same split, leftEnd / rest bounds it from below at + width.
  let left = 0n;
  let leftEnd = 0n;
  let rest = 0;
  /** Upper bound on the money of q's supporters at + width (set when q is unaffordable). */
  let moneyEnd = 0n;
  /** The money of q's supporters (set when q is unaffordable). */
  let money = 0n;
  const priceOf = (q: number): boolean => {
    const cost = costNum[q]!;
    // Prices only rise during a run, so a group poorer than q's last price surely pays all it has.
    const surelyPoor = (lbNum[q]! * cost) / lbDen[q]!;
    let owed = cost;
    let owedEnd = cost;
    rest = countSupporters(q);
    if (rest > 0) {
      for (const g of sorted) {
        const k = tally[g.id]!;
        if (k === 0) continue;
        fresh(g);
        const budget = g.budget;
        // Every remaining supporter can pay owed/rest iff owed ≤ rest · (this group's budget).
        if (budget >= surelyPoor && owed <= BigInt(rest) * budget) {
          left = owed;
          leftEnd = owedEnd;
          clearTally();
          return true;
        }
        if (bounded) freshBounds(g);
        if (k === 1) {
          owed -= budget;
          if (bounded) owedEnd -= g.highEnd;
        } else {
          const times = BigInt(k);
          owed -= times * budget;
          if (bounded) owedEnd -= times * g.highEnd;
        }
        rest -= k;
        if (rest === 0) break;
      }
    }
    money = cost - owed;
    moneyEnd = cost - owedEnd;
    clearTally();
    return false;
  };
  // Lower bounds on price per unit of cost, as unreduced fractions (num at the per-voter budget,
  // numEnd at + width, over den). Such ratios are scale-free, so bounds computed under an older
  // common denominator stay comparable.
  const lbNum: bigint[] = new Array<bigint>(m).fill(1n);
  const lbNumEnd: bigint[] = new Array<bigint>(m).fill(1n);
  const lbDen: bigint[] = Array.from({ length: m }, (_, q) => BigInt(e.support[q]!));
  const byBound = (a: number, b: number) => {
    const l = lbNum[a]! * lbDen[b]!;
    const r = lbNum[b]! * lbDen[a]!;
    return l < r ? -1 : l > r ? 1 : e.rank[a]! - e.rank[b]!;
  };
  /** Re-evaluates q; false when it is unaffordable (and then it must stay so over the interval). */
  /** The round in which each bound was last computed. */
  const evaluatedAt = new Int32Array(m).fill(-1);
  const evaluate = (q: number): boolean => {
    if (!priceOf(q)) {
      if (bounded) keepWhere(costNum[q]! - money, costNum[q]! - moneyEnd, true);
      return false;
    }
    lbNum[q] = left;
    lbNumEnd[q] = leftEnd;
    lbDen[q] = BigInt(rest) * costNum[q]!;
    evaluatedAt[q] = stamp;
    return true;
  };
  let order = Array.from({ length: m }, (_, q) => q).sort(byBound);

  /** Exact price at the lower bounds at + width (rounded up), or null if they cannot pay. */
  const upperPriceEnd = (w: number): bigint | null => {
    const cost = costNum[w]!;
    const budgets: bigint[] = [];
    const weights: number[] = [];
    countSupporters(w);
    for (const gi of tallied) {
      const g = groups[gi]!;
      freshBounds(g);
      budgets.push(g.lowEnd);
      weights.push(tally[gi]!);
    }
    clearTally();
    const rich = new Uint8Array(budgets.length).fill(1);
    let paid = 0n;
    let remaining = 0;
    for (const k of weights) remaining += k;
    for (;;) {
      if (remaining === 0) return null;
      const share = cost - paid;
      const r = BigInt(remaining);
      // budget · r < share, i.e. budget < share / r.
      const poorBelow = ceilDiv(share, r);
      let moved = false;
      for (let i = 0; i < budgets.length; i++) {
        if (rich[i] && budgets[i]! < poorBelow) {
          rich[i] = 0;
          paid += BigInt(weights[i]!) * budgets[i]!;
          remaining -= weights[i]!;
          moved = true;
        }
      }
      if (!moved) return ceilDiv(share, r);
    }
  };

  const selected: number[] = [];
  const purchases: MesPurchase[] = [];
  const lost = new Uint8Array(m);
  const losses: MesLoss[] = [];
  const recordLosses = (round: number) => {
    for (const q of order) {
      if (lost[q]) continue;
      let money = 0n;
      countSupporters(q);
      for (const gi of tallied) {
        const g = groups[gi]!;
        fresh(g);
        money += BigInt(tally[gi]!) * g.budget;
      }
      clearTally();
      if (money < costNum[q]!) {
        lost[q] = 1;
        losses.push({
          project: e.global[q]!,
          afterRound: round,
          supportersMoney: Rational.of(money, denominator),
        });
      }
    }
  };
  if (explain) recordLosses(0);

  let stamp = 0;
  for (;;) {
    let best = -1;
    let bestRest = 0;
    const evaluated: number[] = [];
    let cut = 0;
    for (; cut < order.length; cut++) {
      const q = order[cut]!;
      if (best >= 0 && byBound(q, best) > 0) break;
      if (!evaluate(q)) {
        // Dropped for good: it stays out of the outcome.
        inPlay -= baseCost[q]!;
        if (cheapestDropped < 0n || baseCost[q]! < cheapestDropped) cheapestDropped = baseCost[q]!;
        continue;
      }
      evaluated.push(q);
      if (best < 0 || byBound(q, best) < 0) {
        best = q;
        bestRest = rest;
      }
    }
    // Re-sort what was re-evaluated (bounds only grew) and merge it with the untouched rest.
    evaluated.sort(byBound);
    const untouched = order.slice(cut);
    const merged: number[] = [];
    let i = 0;
    let j = 0;
    while (i < evaluated.length || j < untouched.length) {
      if (
        j >= untouched.length ||
        (i < evaluated.length && byBound(evaluated[i]!, untouched[j]!) <= 0)
      ) {
        merged.push(evaluated[i++]!);
      } else {
        merged.push(untouched[j++]!);
      }
    }
    order = merged;
    if (best < 0) break;
    order.splice(order.indexOf(best), 1);
    inPlay -= baseCost[best]!;
    spent += baseCost[best]!;
    selected.push(e.global[best]!);
    const bestLeft = lbNum[best]!;
    const bestLeftEnd = lbNumEnd[best]!;

    // price = bestLeft / bestRest over the common denominator: make it whole by scaling the
    // denominator by what bestRest does not share with it.
    const g0 = smallGcd(bestRest, Number(bestLeft % BigInt(bestRest)));
    const factor = BigInt(bestRest / g0);
    const price = bestLeft / BigInt(g0);
    if (factor !== 1n) {
      denominator *= factor;
      for (let q = 0; q < m; q++) costNum[q] = costNum[q]! * factor;
      for (let k = 0; k <= current; k++) lift[k] = lift[k]! * factor;
      lift.push(1n);
      current++;
    }

    // Bounds on the price at + width, and the check that the winner wins over the whole interval.
    let priceLowEnd = 0n;
    let priceHighEnd = 0n;
    if (bounded) {
      priceLowEnd = floorDiv(bestLeftEnd * factor, BigInt(bestRest));
      const high = upperPriceEnd(best);
      if (high === null) {
        certified = 0n;
        bounded = false;
      } else {
        priceHighEnd = high;
        // The winner's price per unit of cost is at most price / cost at the start and at most
        // priceHighEnd / cost at the end; every competitor's lower bound must stay above it.
        const wDen = costNum[best]!;
        let refreshed = false;
        for (const q of order) {
          if (!bounded) break;
          const strict = e.rank[q]! < e.rank[best]!;
          const atStart = () => lbNum[q]! * wDen - price * lbDen[q]!;
          const atEnd = () => lbNumEnd[q]! * wDen - priceHighEnd * lbDen[q]!;
          if (strict ? atEnd() > 0n : atEnd() >= 0n) continue;
          // A fresher bound may do better; an unaffordable q is fine while it stays so.
          if (evaluatedAt[q] !== stamp) {
            refreshed = true;
            if (!evaluate(q)) continue;
          }
          keepWhere(atStart(), atEnd(), strict);
        }
        // Refreshed bounds grew: restore the order that lazy evaluation relies on.
        if (refreshed) order.sort(byBound);
      }
    }

    // Payment: poorer supporters pay all they have, the others pay the price. A group with both
    // supporters and others is split: its supporters move to a new group.
    stamp++;
    const touched: Group[] = [];
    let paidAll = 0;
    countSupporters(best);
    for (const gi of tallied) {
      const g = groups[gi]!;
      fresh(g);
      if (bounded) freshBounds(g);
      g.stamp = stamp;
      g.poor = g.budget < price;
      touched.push(g);
      const k = tally[gi]!;
      if (g.poor) paidAll += k;
      if (k === g.weight) {
        g.payer = g;
        g.stay = null;
      } else {
        g.stay = g;
        g.payer = newGroup(0n, 0n, 0n);
        g.weight -= k;
        g.payer.weight = k;
      }
    }
    clearTally();
    for (const d of e.supporters[best]!) {
      const g = groups[groupOf[d]!]!;
      if (g.stamp === stamp && g.stay === g) groupOf[d] = g.payer!.id;
    }
    // New bounds: max(0, budget − price); a group survives while it may hold money.
    const payers: Group[] = [];
    const zeros: Group[] = [];
    for (const g of touched) {
      const target = g.payer!;
      const budget = g.poor ? 0n : g.budget - price;
      let lowEnd = 0n;
      let highEnd = 0n;
      if (bounded) {
        lowEnd = g.poor ? 0n : g.lowEnd - priceHighEnd;
        highEnd = g.highEnd - priceLowEnd;
        if (highEnd < 0n) highEnd = 0n;
      }
      target.budget = budget;
      target.lowEnd = lowEnd;
      target.highEnd = highEnd;
      target.epoch = current;
      target.boundsEpoch = current;
      if (budget === 0n && highEnd === 0n) dead[target.id] = 1;
      else if (budget === 0n) zeros.push(target);
    }
    // Untouched groups and the non-paying parts keep their order; everyone who paid the price
    // shifted down by the same amount, so both lists stay sorted; groups left with nothing at this
    // budget go first.
    const keep: Group[] = [];
    for (const g of sorted) {
      if (g.stamp !== stamp) {
        keep.push(g);
        continue;
      }
      if (g.stay !== null) keep.push(g.stay);
      const payer = g.payer!;
      if (!dead[payer.id] && payer.budget > 0n) payers.push(payer);
    }
    // Payers are usually far fewer: gallop through the others to place each.
    sorted = zeros;
    const before = (g: Group, payer: Group) => {
      fresh(g);
      return g.budget <= payer.budget;
    };
    i = 0;
    for (const payer of payers) {
      let lo = i;
      let hi = i;
      let step = 1;
      while (hi < keep.length && before(keep[hi]!, payer)) {
        lo = hi + 1;
        hi = lo + step;
        step *= 2;
      }
      if (hi > keep.length) hi = keep.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before(keep[mid]!, payer)) lo = mid + 1;
        else hi = mid;
      }
      while (i < lo) sorted.push(keep[i++]!);
      sorted.push(payer);
    }
    while (i < keep.length) sorted.push(keep[i++]!);
    if (explain) {
      purchases.push({
        project: e.global[best]!,
        round: selected.length,
        price: Rational.of(price, denominator),
        supporters: e.support[best]!,
        paidAll,
      });
      recordLosses(selected.length);
    }
    // Whatever is bought later is still in play, and the dropped project will never be bought.
    if (
      options.stopWhenOpen === true &&
      cheapestDropped >= 0n &&
      (spent + inPlay + cheapestDropped) * p.budget.den <= p.budget.num * scale
    ) {
      open = true;
      break;
    }
  }
  const run: MesRun = { selected, open, certified };
  if (explain) {
    run.purchases = purchases;
    run.losses = losses;
  }
  return run;
}

/** The per-voter budget MES starts from: the budget split equally among all voters. */
export function equalShare(p: Prepared): Rational {
  return p.voters === 0 ? Rational.ZERO : p.budget.divInt(BigInt(p.voters));
}

/** Projects MES could ever buy (a supporter and a positive cost). */
export function mesCandidates(p: Prepared): readonly number[] {
  return engine(p).global;
}
