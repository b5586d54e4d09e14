// Comparing our outcomes with the reference's (pabutools 1.2.3) recorded in expected/<name>.json,
// and reading the 300 elections the package carries in pabulib/ (brotli-compressed, see its README).

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { approvalElection } from '../src/election.ts';
import type { PbElection } from '../src/format.ts';
import { parsePb, writePb } from '../src/format.ts';
import type { Rule } from '../src/rules.ts';
import { RULES, tally } from '../src/rules.ts';
import { isDeepStrictEqual } from 'node:util';

/** The reference's key for each rule in expected/<name>.json. */
export const REFERENCE_KEY: Record<Rule, string> = {
  greedy: 'greedy',
  mes: 'mes',
  'mes-add1': 'mes_add1',
  'mes-add1-completed': 'mes_add1_completed',
};

export interface Expected {
  file: string;
  vote_type: string;
  num_voters: number;
  seconds: Record<string, number>;
  [rule: string]: unknown;
}

export function readExpected(path: string): Expected {
  return JSON.parse(readFileSync(path, 'utf8')) as Expected;
}

const pabulibDir = join(import.meta.dirname, '..', 'pabulib');

/** The names (`<name>.pb`) of the carried pabulib elections whose name contains `filter`, sorted. */
export function pabulibElections(filter = ''): string[] {
  return readdirSync(pabulibDir)
    .filter((f) => f.endsWith('.pb.br'))
    .map((f) => f.slice(0, -'.br'.length))
    .filter((f) => f.includes(filter))
    .sort();
}

/** One carried election's text, and the reference's outcome for it (null when there is none). */
export function readPabulib(file: string): { text: string; expected: Expected | null } {
  const text = brotliDecompressSync(readFileSync(join(pabulibDir, `${file}.br`))).toString('utf8');
  const expectedPath = join(pabulibDir, 'expected', file.replace(/\.pb$/, '.json'));
  return { text, expected: existsSync(expectedPath) ? readExpected(expectedPath) : null };
}

/** The reference's winners for `rule`, or null where it timed out. */
export function expectedWinners(expected: Expected, rule: Rule): string[] | null {
  const value = expected[REFERENCE_KEY[rule]];
  if (value === 'timeout') return null;
  if (!Array.isArray(value)) throw new Error(`${expected.file}: no expected outcome for ${rule}`);
  return value as string[];
}

export interface RuleCheck {
  rule: Rule;
  selected: string[];
  expected: string[] | null;
  /** CPU time of this process for the rule (steadier than wall time on a shared machine). */
  seconds: number;
  /** Empty when the winner sets are equal (or the reference timed out). */
  problem: string;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  return x.size === new Set(b).size && b.every((id) => x.has(id));
}

/**
 * Runs every rule on an election and compares each outcome with the reference. With `separately`,
 * each rule starts from scratch (mes-add1-completed does not reuse mes-add1), so that its time is
 * comparable with the reference's.
 */
export function checkRules(
  election: PbElection,
  expected: Expected,
  { separately = false } = {},
): RuleCheck[] {
  const shared = approvalElection(election);
  return RULES.map((rule) => {
    const started = process.cpuUsage();
    const { selected } = tally(separately ? approvalElection(election) : shared, rule);
    const used = process.cpuUsage(started);
    const seconds = (used.user + used.system) / 1e6;
    const want = expectedWinners(expected, rule);
    let problem = '';
    if (want !== null && !sameSet(selected, want)) {
      const missing = want.filter((id) => !selected.includes(id));
      const extra = selected.filter((id) => !want.includes(id));
      problem = `${rule}: missing [${missing.join(', ')}], extra [${extra.join(', ')}]`;
    }
    return { rule, selected, expected: want, seconds, problem };
  });
}

/** Writing then parsing gives the same election; returns a problem or ''. */
export function checkRoundTrip(election: PbElection): string {
  return isDeepStrictEqual(parsePb(writePb(election)), election)
    ? ''
    : 'writing then parsing gives a different election';
}
