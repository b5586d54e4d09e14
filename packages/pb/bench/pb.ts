// Times parsing and every rule on every election in pabulib/, beside the seconds the
// reference (pabutools 1.2.3) recorded. Usage: npm run bench:pb [-- SUBSTRING]
// Each rule runs from scratch and alone in this process, one election at a time; times are the
// process's CPU time (user + system), which other load on a shared machine disturbs less than
// wall time.

import { cpus } from 'node:os';
import { parsePb } from '../src/format.ts';
import type { Rule } from '../src/rules.ts';
import { RULES } from '../src/rules.ts';
import type { Expected } from '../test/reference.ts';
import {
  REFERENCE_KEY,
  checkRules,
  expectedWinners,
  pabulibElections,
  readPabulib,
} from '../test/reference.ts';

const files = pabulibElections(process.argv[2] ?? '');

function read(file: string): { text: string; expected: Expected } {
  const { text, expected } = readPabulib(file);
  if (expected === null) throw new Error(`${file}: no expected outcome`);
  return { text, expected };
}

interface Timing {
  file: string;
  ours: number;
  /** The reference's seconds; when it timed out, its time limit. */
  reference: number;
  timedOut: boolean;
}

const timings = new Map<Rule | 'parse', Timing[]>([
  ['parse', []],
  ...RULES.map((r) => [r, []] as [Rule, Timing[]]),
]);
// Warm up the JIT on one election so that the first timings are not compile times.
if (files[0]) {
  const { text, expected } = read(files[0]);
  checkRules(parsePb(text), expected);
}
let mismatches = 0;
for (const [n, file] of files.entries()) {
  const { text, expected } = read(file);
  const started = process.cpuUsage();
  const election = parsePb(text);
  const used = process.cpuUsage(started);
  timings.get('parse')!.push({
    file,
    ours: (used.user + used.system) / 1e6,
    reference: expected.seconds.parse ?? NaN,
    timedOut: false,
  });
  for (const check of checkRules(election, expected, { separately: true })) {
    if (check.problem) {
      mismatches++;
      console.log(`MISMATCH ${file}: ${check.problem}`);
    }
    const timedOut = expectedWinners(expected, check.rule) === null;
    // Where mes_add1 timed out, the completion never ran: its limit is mes_add1's.
    const reference =
      expected.seconds[REFERENCE_KEY[check.rule]] ?? expected.seconds.mes_add1 ?? NaN;
    timings.get(check.rule)!.push({ file, ours: check.seconds, reference, timedOut });
  }
  process.stderr.write(`\r${n + 1}/${files.length} elections`);
}
process.stderr.write('\n');

const s = (x: number) => x.toFixed(x < 10 ? 3 : 1);
const ratio = (t: Timing) => `${t.timedOut ? '≥' : ''}${(t.reference / t.ours).toFixed(0)}×`;
console.log(
  `\nMachine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}`,
);
console.log(`${files.length} elections, ${mismatches} mismatches with the reference\n`);
for (const [rule, list] of timings) {
  const ours = list.reduce((sum, t) => sum + t.ours, 0);
  const finished = list.filter((t) => !t.timedOut);
  const reference = finished.reduce((sum, t) => sum + t.reference, 0);
  const slow = finished.filter((t) => t.reference > 1);
  const unfinished = list.filter((t) => t.timedOut);
  const worst = slow.reduce<Timing | null>(
    (w, t) => (w === null || t.reference / t.ours < w.reference / w.ours ? t : w),
    null,
  );
  const longest = Math.max(...list.map((t) => t.ours));
  console.log(
    `${rule}: ours ${s(ours)} s in total (longest ${s(longest)} s); reference ${s(reference)} s over ` +
      `${finished.length} elections, ${list.length - finished.length} timed out`,
  );
  if (worst) {
    console.log(
      `  reference above 1 s on ${slow.length} elections; smallest speed-up there ${ratio(worst)} (${worst.file})`,
    );
  }
  if (unfinished.length > 0) {
    const longestThere = Math.max(...unfinished.map((t) => t.ours));
    console.log(
      `  where the reference timed out (${unfinished.length}), ours took at most ${s(longestThere)} s`,
    );
  }
  console.log(
    `  ${'ten slowest (ours)'.padEnd(72)} ${'ours s'.padStart(8)} ${'ref s'.padStart(9)} ${'ratio'.padStart(7)}`,
  );
  for (const t of [...list].sort((a, b) => b.ours - a.ours).slice(0, 10)) {
    const ref = `${t.timedOut ? '>' : ''}${s(t.reference)}`;
    console.log(
      `  ${t.file.slice(0, 72).padEnd(72)} ${s(t.ours).padStart(8)} ${ref.padStart(9)} ${ratio(t).padStart(7)}`,
    );
  }
  console.log('');
}
process.exitCode = mismatches > 0 ? 1 : 0;
