// The four aggregation rules, as pabutools 1.2.3 computes them with cost utilities (Cost_Sat).
//
// Tie-breaking, everywhere: project ids compared as strings by code point ("10" < "9" < "A" < "a"),
// the smallest id winning, as pabutools' default lexicographic tie-breaking does.
// - greedy: order by id, then stably by number of supporters (highest first).
// - mes: among the projects with the lowest price per unit of cost in a round, the smallest id.

import type { ApprovalElection, Prepared } from './election.ts';
import { prepare, totalCost } from './election.ts';
import { greedy } from './greedy.ts';
import type { MesRun } from './mes.ts';
import { equalShare, mesCandidates, runMes } from './mes.ts';
import { MesHelper } from './mes-helper.ts';
import { sortNatural } from './order.ts';
import { Rational } from './rational.ts';

export const RULES = ['greedy', 'mes', 'mes-add1', 'mes-add1-completed'] as const;
export type Rule = (typeof RULES)[number];

export function isRule(value: string): value is Rule {
  return (RULES as readonly string[]).includes(value);
}

export interface Outcome {
  rule: Rule;
  /** Selected project ids in natural order. */
  selected: string[];
}

export interface MesAdd1Result {
  /** Indices into the election's projects, in order of purchase. */
  selected: number[];
  /** Number of +1 increments to the equal share in the run whose outcome is returned. */
  increments: bigint;
  /** 'exhaustive': no candidate fits any more; 'next-overspends': one more +1 would overspend. */
  stop: 'exhaustive' | 'next-overspends';
  /**
   * MES runs actually computed (runs certified to give the same outcome are skipped), including
   * those a second thread computed ahead of the search.
   */
  runs: number;
}

function isExhaustive(p: Prepared, selected: readonly number[], spent: Rational): boolean {
  const taken = new Set(selected);
  const left = p.budget.sub(spent);
  return mesCandidates(p).every((j) => taken.has(j) || p.projects[j]!.cost.cmp(left) > 0);
}

const mesAdd1Results = new WeakMap<Prepared, MesAdd1Result>();

/**
 * MES with the per-voter budget raised by one currency unit at a time, from the equal share, until
 * the outcome is exhaustive (over projects with a supporter and a positive cost) or the next outcome
 * would cost more than the budget, in which case the previous outcome is kept.
 */
export function mesAdd1(p: Prepared): MesAdd1Result {
  const cached = mesAdd1Results.get(p);
  if (cached) return cached;
  const result = searchMesAdd1(p);
  mesAdd1Results.set(p, result);
  return result;
}

/**
 * After this many runs the search is a slow one (outcomes change at almost every step): it is worth
 * starting a second thread for. Most elections finish well before, so they never start one.
 */
const RUNS_BEFORE_HELPER = 12;

function searchMesAdd1(p: Prepared): MesAdd1Result {
  const start = equalShare(p);
  // The search walks the increments 0, 1, 2, ... in order; a run at k that certifies c settles
  // k … k + c at once. Runs may be computed ahead of the walk (on a second thread) and wait in
  // `ahead` until the walk reaches them: the outcome depends only on which purchases each
  // increment makes, never on which runs told it.
  let increments = 0n;
  // Each run also tries to certify that the next `width` increments give the same purchases; the
  // width doubles while that works and follows what was certified when it does not.
  let width = 1n;
  let runs = 0;
  // Runs that stopped early only tell that their outcome was feasible and not exhaustive; the
  // outcome itself is computed again if it turns out to be the answer.
  let previous: number[] | null = null;
  const ahead = new Map<bigint, { run: MesRun; width: bigint }>();
  /** Takes in the run at `increments`; returns the result when the search is over. */
  const consider = (run: MesRun, asked: bigint): MesAdd1Result | null => {
    if (!run.open) {
      const spent = totalCost(p, run.selected);
      if (spent.cmp(p.budget) > 0) {
        if (increments === 0n) throw new Error('MES overspent with the equal share');
        if (previous === null) {
          runs++;
          previous = runMes(p, start.add(Rational.integer(increments - 1n))).selected;
        }
        return { selected: previous, increments: increments - 1n, stop: 'next-overspends', runs };
      }
      if (isExhaustive(p, run.selected, spent)) {
        return { selected: run.selected, increments, stop: 'exhaustive', runs };
      }
    }
    previous = run.open ? null : run.selected;
    increments += run.certified + 1n;
    width =
      run.certified === asked && asked > 0n
        ? 2n * asked
        : run.certified > 0n
          ? 2n * run.certified
          : 1n;
    return null;
  };
  const compute = (at: bigint, asked: bigint): MesRun => {
    runs++;
    return runMes(p, start.add(Rational.integer(at)), { width: asked, stopWhenOpen: true });
  };
  /** The width a run at `at` may ask for without reaching a run already computed ahead. */
  const room = (at: bigint): bigint => {
    let limit = -1n;
    for (const k of ahead.keys()) if (k > at && (limit < 0n || k < limit)) limit = k;
    return limit < 0n || at + width < limit ? width : limit - at - 1n;
  };
  // On a slow search a second thread computes the run that starts where this one's certificate
  // would end (or, past runs already computed, the first increment none of them settles).
  let helper: MesHelper | null = null;
  try {
    for (;;) {
      for (let known = ahead.get(increments); known !== undefined; known = ahead.get(increments)) {
        ahead.delete(increments);
        const done = consider(known.run, known.width);
        if (done !== null) return done;
      }
      if (helper === null && runs >= RUNS_BEFORE_HELPER) helper = MesHelper.start(p);
      const here = increments;
      const hereWidth = room(here);
      let there = -1n;
      let thereWidth = 0n;
      if (helper !== null && helper.ready()) {
        there = here + hereWidth + 1n;
        for (let known = ahead.get(there); known !== undefined; known = ahead.get(there)) {
          there += known.run.certified + 1n;
        }
        thereWidth = room(there);
        helper.ask(start.add(Rational.integer(there)), thereWidth);
      }
      const run = compute(here, hereWidth);
      if (there >= 0n) {
        runs++;
        ahead.set(there, { run: helper!.take(), width: thereWidth });
      }
      const done = consider(run, hereWidth);
      if (done !== null) return done;
    }
  } finally {
    helper?.stop();
  }
}

function selectedIndices(p: Prepared, rule: Rule): number[] {
  switch (rule) {
    case 'greedy':
      return greedy(p);
    case 'mes':
      return runMes(p, equalShare(p)).selected;
    case 'mes-add1':
      return mesAdd1(p).selected;
    case 'mes-add1-completed':
      return greedy(p, mesAdd1(p).selected);
  }
}

/** Winners of `election` under `rule`. */
export function tally(election: ApprovalElection, rule: Rule): Outcome {
  const p = prepare(election);
  const ids = selectedIndices(p, rule).map((j) => p.projects[j]!.id);
  return { rule, selected: sortNatural(ids) };
}
