// The approval reading of an election that the rules work on, and its preprocessing.

import type { PbElection } from './format.ts';
import { compareCodePoints } from './order.ts';
import { Rational } from './rational.ts';

export interface ApprovalProject {
  id: string;
  cost: Rational;
}

/**
 * An election as the rules see it: every ballot approves the projects it lists (for ordinal,
 * cumulative and scoring votes too, whatever their rank or points), and a ballot is a set.
 */
export interface ApprovalElection {
  budget: Rational;
  projects: readonly ApprovalProject[];
  ballots: readonly (readonly string[])[];
}

export function approvalElection(election: PbElection): ApprovalElection {
  return {
    budget: election.budget,
    projects: election.projects.map(({ id, cost }) => ({ id, cost })),
    ballots: election.votes.map((v) => v.projects),
  };
}

/** Identical ballots merged, with the number of voters who cast each. */
export interface DistinctBallot {
  /** Indices into `Prepared.projects`, ascending, without repeats. */
  projects: Int32Array;
  weight: number;
}

export interface Prepared {
  budget: Rational;
  projects: readonly ApprovalProject[];
  /** Number of voters, including those whose ballot is empty: the budget is shared among all of them. */
  voters: number;
  /** Voters approving each project. */
  support: readonly number[];
  /** Position of each project in the reference's tie-breaking order (id strings by code point). */
  rank: readonly number[];
  ballots: readonly DistinctBallot[];
}

const prepared = new WeakMap<ApprovalElection, Prepared>();

/** Validates and indexes an election once; rules called on the same object reuse the work. */
export function prepare(election: ApprovalElection): Prepared {
  const cached = prepared.get(election);
  if (cached) return cached;
  if (election.budget.sign() < 0) throw new RangeError('the budget is negative');
  const index = new Map<string, number>();
  election.projects.forEach((p, i) => {
    if (index.has(p.id)) throw new RangeError(`project "${p.id}" appears twice`);
    if (p.cost.sign() < 0) throw new RangeError(`project "${p.id}" has a negative cost`);
    index.set(p.id, i);
  });
  const m = election.projects.length;
  const support = new Array<number>(m).fill(0);
  const distinct = new Map<string, DistinctBallot>();
  const seen = new Int32Array(m).fill(-1);
  election.ballots.forEach((ballot, voter) => {
    const list: number[] = [];
    for (const id of ballot) {
      const j = index.get(id);
      if (j === undefined)
        throw new RangeError(`a ballot approves "${id}", which is not a project`);
      if (seen[j] === voter) continue;
      seen[j] = voter;
      list.push(j);
    }
    list.sort((a, b) => a - b);
    for (const j of list) support[j]!++;
    const key = list.join(',');
    const existing = distinct.get(key);
    if (existing) existing.weight++;
    else distinct.set(key, { projects: Int32Array.from(list), weight: 1 });
  });
  const byName = election.projects.map((_, i) => i);
  byName.sort((a, b) => compareCodePoints(election.projects[a]!.id, election.projects[b]!.id));
  const rank = new Array<number>(m);
  byName.forEach((j, r) => (rank[j] = r));
  const result: Prepared = {
    budget: election.budget,
    projects: election.projects,
    voters: election.ballots.length,
    support,
    rank,
    ballots: [...distinct.values()],
  };
  prepared.set(election, result);
  return result;
}

export function totalCost(p: Prepared, selected: Iterable<number>): Rational {
  let sum = Rational.ZERO;
  for (const j of selected) sum = sum.add(p.projects[j]!.cost);
  return sum;
}
