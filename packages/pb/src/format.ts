// The pabulib .pb format (https://pabulib.org/format): META, PROJECTS and VOTES sections of
// `;`-separated rows, each section starting with a header row. Values are kept as written (trimmed)
// so that writing and parsing again gives the same election; money and points are exact Rationals.

import { CsvSyntaxError, readRows, writeRow } from './csv.ts';
import { Rational } from './rational.ts';

export const VOTE_TYPES = ['approval', 'choose-1', 'ordinal', 'cumulative', 'scoring'] as const;
export type VoteType = (typeof VOTE_TYPES)[number];

export interface PbProject {
  id: string;
  cost: Rational;
  /** Every other column of the PROJECTS section, by header name, as written. */
  fields: Record<string, string>;
}

export interface PbVote {
  /** Project ids as listed: in preference order for ordinal votes; a repeated id is kept. */
  projects: string[];
  /** Points given to `projects[i]`, for cumulative and scoring votes. */
  points?: Rational[];
  /** Every other column of the VOTES section (voter_id, age, ...), by header name, as written. */
  fields: Record<string, string>;
}

export interface PbElection {
  /** The META section as written, including `budget` and `vote_type`. */
  meta: Record<string, string>;
  budget: Rational;
  voteType: VoteType;
  projects: PbProject[];
  votes: PbVote[];
  /** Header rows as written; derived from the fields when absent. */
  projectColumns?: string[];
  voteColumns?: string[];
}

/** A file that is not a valid .pb file; `line` is 1-based (0 when the problem is the whole file). */
export class PbFormatError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(line > 0 ? `line ${line}: ${problem}` : problem);
    this.name = 'PbFormatError';
  }
}

type Section = 'meta' | 'projects' | 'votes';
const SECTIONS: readonly string[] = ['meta', 'projects', 'votes'];

/** Reads a decimal amount as written in .pb files ("1200", "1200.50", and "1200,50" as the reference accepts). */
function parseAmount(text: string): Rational | null {
  const normalised = /^[^.,]*,[^.,]*$/.test(text) ? text.replace(',', '.') : text;
  return Rational.parse(normalised);
}

function isVoteType(value: string): value is VoteType {
  return (VOTE_TYPES as readonly string[]).includes(value);
}

export function parsePb(text: string): PbElection {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const meta: Record<string, string> = {};
  const metaLines: Record<string, number> = {};
  const projects: PbProject[] = [];
  const votes: PbVote[] = [];
  const projectIds = new Set<string>();
  const seen = new Set<Section>();
  let section: Section | null = null;
  let header: string[] | null = null;
  let headerLine = 0;
  let projectColumns: string[] = [];
  let voteColumns: string[] = [];
  const pendingVotes: { line: number; fields: string[] }[] = [];

  const column = (name: string, required: boolean): number => {
    const index = header!.indexOf(name);
    if (index < 0 && required) {
      throw new PbFormatError(
        headerLine,
        `the ${section!.toUpperCase()} header has no "${name}" column`,
      );
    }
    return index;
  };

  try {
    for (const { line, fields: raw } of readRows(text)) {
      const fields = raw.map((f) => f.trim());
      if (fields.length === 0 || (fields.length === 1 && fields[0] === '')) continue;
      const first = fields[0]!.toLowerCase();
      if (SECTIONS.includes(first) && fields.slice(1).every((f) => f === '')) {
        section = first as Section;
        if (seen.has(section)) throw new PbFormatError(line, `a second ${fields[0]} section`);
        seen.add(section);
        header = null;
        continue;
      }
      if (section === null) {
        throw new PbFormatError(
          line,
          `expected a META, PROJECTS or VOTES section, found "${raw.join(';')}"`,
        );
      }
      if (header === null) {
        header = fields;
        headerLine = line;
        const duplicate = header.find((h, i) => header!.indexOf(h) !== i);
        if (duplicate !== undefined)
          throw new PbFormatError(line, `the column "${duplicate}" appears twice`);
        if (section === 'projects') {
          column('project_id', true);
          column('cost', true);
          projectColumns = header;
        } else if (section === 'votes') {
          column('vote', true);
          voteColumns = header;
        }
        continue;
      }
      if (section === 'meta') {
        if (fields.length < 2 || fields.slice(2).some((f) => f !== '')) {
          throw new PbFormatError(
            line,
            `a META row needs exactly a key and a value, found ${fields.length} fields`,
          );
        }
        const key = fields[0]!;
        if (key === '') throw new PbFormatError(line, 'a META row has an empty key');
        if (key in meta) throw new PbFormatError(line, `the META key "${key}" appears twice`);
        meta[key] = fields[1]!;
        metaLines[key] = line;
        continue;
      }
      if (fields.length !== header.length) {
        throw new PbFormatError(
          line,
          `${fields.length} fields where the ${section.toUpperCase()} header (line ${headerLine}) has ${header.length}`,
        );
      }
      if (section === 'projects') {
        const idIndex = column('project_id', true);
        const costIndex = column('cost', true);
        const id = fields[idIndex]!;
        if (id === '') throw new PbFormatError(line, 'empty project_id');
        if (id.includes(',')) throw new PbFormatError(line, `project_id "${id}" contains a comma`);
        if (projectIds.has(id)) throw new PbFormatError(line, `project_id "${id}" appears twice`);
        const cost = parseAmount(fields[costIndex]!);
        if (cost === null)
          throw new PbFormatError(
            line,
            `cost "${fields[costIndex]}" of project "${id}" is not a number`,
          );
        if (cost.sign() < 0)
          throw new PbFormatError(line, `cost ${fields[costIndex]} of project "${id}" is negative`);
        const rest: Record<string, string> = {};
        header.forEach((name, i) => {
          if (i !== idIndex && i !== costIndex) rest[name] = fields[i]!;
        });
        projectIds.add(id);
        projects.push({ id, cost, fields: rest });
      } else {
        // Votes are checked once the whole file is read: META (vote_type) may come after them.
        pendingVotes.push({ line, fields });
      }
    }
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new PbFormatError(e.line, e.problem);
    throw e;
  }

  for (const s of ['meta', 'projects', 'votes'] as const) {
    if (!seen.has(s)) throw new PbFormatError(0, `the file has no ${s.toUpperCase()} section`);
  }
  if (meta.budget === undefined) throw new PbFormatError(0, 'META has no "budget"');
  const budget = parseAmount(meta.budget);
  if (budget === null || budget.sign() < 0) {
    throw new PbFormatError(
      metaLines.budget!,
      `budget "${meta.budget}" is not a non-negative number`,
    );
  }
  if (meta.vote_type === undefined) throw new PbFormatError(0, 'META has no "vote_type"');
  const voteType = meta.vote_type.toLowerCase();
  if (!isVoteType(voteType)) {
    throw new PbFormatError(
      metaLines.vote_type!,
      `vote_type "${meta.vote_type}" is not one of ${VOTE_TYPES.join(', ')}`,
    );
  }
  const withPoints = voteType === 'cumulative' || voteType === 'scoring';
  const voteIndex = voteColumns.indexOf('vote');
  const pointsIndex = voteColumns.indexOf('points');
  if (withPoints && pointsIndex < 0 && pendingVotes.length > 0) {
    throw new PbFormatError(0, `${voteType} votes need a "points" column in the VOTES header`);
  }
  for (const { line, fields } of pendingVotes) {
    const listed = fields[voteIndex]!;
    // Like the reference, an empty item ("1,,2") is skipped where there are no points to align.
    const items = listed === '' ? [] : listed.split(',').map((s) => s.trim());
    const ids = withPoints ? items : items.filter((id) => id !== '');
    for (const id of ids) {
      if (!projectIds.has(id)) {
        throw new PbFormatError(line, `the vote lists project "${id}", which is not in PROJECTS`);
      }
    }
    if (voteType === 'choose-1' && ids.length > 1) {
      throw new PbFormatError(line, `a choose-1 vote lists ${ids.length} projects`);
    }
    const rest: Record<string, string> = {};
    voteColumns.forEach((name, i) => {
      if (i !== voteIndex && !(withPoints && i === pointsIndex)) rest[name] = fields[i]!;
    });
    const vote: PbVote = { projects: ids, fields: rest };
    if (withPoints) {
      const text = fields[pointsIndex]!;
      const parts = text === '' ? [] : text.split(',');
      if (parts.length !== ids.length) {
        throw new PbFormatError(line, `${ids.length} projects but ${parts.length} points`);
      }
      vote.points = parts.map((p) => {
        const value = Rational.parse(p);
        if (value === null) throw new PbFormatError(line, `points "${p.trim()}" is not a number`);
        return value;
      });
    }
    votes.push(vote);
  }
  return { meta, budget, voteType, projects, votes, projectColumns, voteColumns };
}

/** Exact decimal text of a Rational whose denominator divides a power of ten, else "a/b". */
export function formatAmount(value: Rational): string {
  let den = value.den;
  let twos = 0;
  let fives = 0;
  while (den % 2n === 0n) {
    den /= 2n;
    twos++;
  }
  while (den % 5n === 0n) {
    den /= 5n;
    fives++;
  }
  if (den !== 1n) return value.toString();
  return value.toDecimal(Math.max(twos, fives));
}

function columnsOf(fixed: string[], rows: { fields: Record<string, string> }[]): string[] {
  const columns = [...fixed];
  for (const row of rows)
    for (const key of Object.keys(row.fields)) if (!columns.includes(key)) columns.push(key);
  return columns;
}

export function writePb(election: PbElection): string {
  const lines: string[] = ['META', writeRow(['key', 'value'])];
  const meta = { ...election.meta };
  if (meta.budget === undefined || !parseAmount(meta.budget)?.eq(election.budget)) {
    meta.budget = formatAmount(election.budget);
  }
  if (meta.vote_type?.toLowerCase() !== election.voteType) meta.vote_type = election.voteType;
  meta.num_projects ??= String(election.projects.length);
  meta.num_votes ??= String(election.votes.length);
  for (const [key, value] of Object.entries(meta)) lines.push(writeRow([key, value]));

  const projectColumns =
    election.projectColumns ?? columnsOf(['project_id', 'cost'], election.projects);
  lines.push('PROJECTS', writeRow(projectColumns));
  for (const project of election.projects) {
    if (project.id.includes(',')) throw new Error(`project id "${project.id}" contains a comma`);
    lines.push(
      writeRow(
        projectColumns.map((name) =>
          name === 'project_id'
            ? project.id
            : name === 'cost'
              ? formatAmount(project.cost)
              : (project.fields[name] ?? ''),
        ),
      ),
    );
  }

  const withPoints = election.voteType === 'cumulative' || election.voteType === 'scoring';
  const fixed = withPoints ? ['voter_id', 'vote', 'points'] : ['voter_id', 'vote'];
  const voteColumns = election.voteColumns ?? columnsOf(fixed, election.votes);
  lines.push('VOTES', writeRow(voteColumns));
  for (const [index, vote] of election.votes.entries()) {
    lines.push(
      writeRow(
        voteColumns.map((name) =>
          name === 'vote'
            ? vote.projects.join(',')
            : name === 'points' && withPoints
              ? (vote.points ?? []).map(formatAmount).join(',')
              : name === 'voter_id'
                ? (vote.fields.voter_id ?? String(index + 1))
                : (vote.fields[name] ?? ''),
        ),
      ),
    );
  }
  return lines.join('\n') + '\n';
}
