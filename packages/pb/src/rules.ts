// The four aggregation rules, as pabutools 1.2.3 computes them with cost utilities (Cost_Sat).
//
// Tie-breaking, everywhere: project ids compared as strings by code point ("10" < "9" < "A" < "a"),
// the smallest id winning, as pabutools' default lexicographic tie-breaking does.
// - greedy: order by id, then stably by number of supporters (highest first).
// - mes: among the projects with the lowest price per unit of cost in a round, the smallest id.

import type { ApprovalElection, Prepared } from './election.ts';
import { prepare, totalCost } from './election.ts';
import { greedy } from './greedy.ts';
import { equalShare, mesCandidates, runMes } from './mes.ts';
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
  /** MES runs actually computed (runs certified to give the same outcome are skipped). */
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

function searchMesAdd1(p: Prepared): MesAdd1Result {
  const start = equalShare(p);
  let increments = 0n;
  // Each run also tries to certify that the next `width` increments give the same purchases; the
  // width doubles while that works and follows what was certified when it does not.
  let width = 1n;
  let runs = 0;
  // Runs that stopped early only tell that their outcome was feasible and not exhaustive; the
  // outcome itself is computed again if it turns out to be the answer.
  let previous: number[] | null = null;
  for (;;) {
    const run = runMes(p, start.add(Rational.integer(increments)), { width, stopWhenOpen: true });
    runs++;
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
    width = run.certified === width ? 2n * width : run.certified > 0n ? 2n * run.certified : 1n;
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
