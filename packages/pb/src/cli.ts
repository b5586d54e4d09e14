// pb tally --rule greedy|mes|mes-add1|mes-add1-completed FILE.pb
// Prints one line of JSON: {"rule": "...", "selected": ["id", ...]} with ids in natural order.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { approvalElection } from './election.ts';
import { PbFormatError, parsePb } from './format.ts';
import { RULES, isRule, tally } from './rules.ts';

const usage = `usage: pb tally --rule ${RULES.join('|')} FILE.pb`;

class UsageError extends Error {}

function parseArgs(args: string[]): { rule: string; file: string } {
  const [command, ...rest] = args;
  if (command !== 'tally')
    throw new UsageError(command ? `unknown command "${command}"` : 'no command');
  let rule: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--rule') {
      rule = rest[++i];
      if (rule === undefined) throw new UsageError('--rule needs a value');
    } else if (arg.startsWith('--rule=')) {
      rule = arg.slice('--rule='.length);
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option "${arg}"`);
    } else {
      files.push(arg);
    }
  }
  if (rule === undefined) throw new UsageError('--rule is required');
  if (files.length !== 1) throw new UsageError(`expected one .pb file, got ${files.length}`);
  return { rule, file: files[0]! };
}

function main(args: string[]): number {
  let rule: string;
  let file: string;
  try {
    ({ rule, file } = parseArgs(args));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`pb: ${e.message}\n${usage}\n`);
    return 2;
  }
  if (!isRule(rule)) {
    process.stderr.write(`pb: unknown rule "${rule}"; the rules are ${RULES.join(', ')}\n`);
    return 2;
  }
  // Run through npm/pnpm, the working directory is the package's; INIT_CWD is where the user was.
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    process.stderr.write(`pb: cannot read ${path}: ${(e as Error).message}\n`);
    return 1;
  }
  try {
    const outcome = tally(approvalElection(parsePb(text)), rule);
    process.stdout.write(`${JSON.stringify(outcome)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof PbFormatError) {
      process.stderr.write(`pb: ${path}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
