// Counting a community's ballots with packages/pb, and the bulletin files anyone can download to
// count them again. The .pb file is the canonical form of the count's input: its SHA-256 is the
// input digest recorded with the tally, and counting the file with the rule it names gives the
// winners. Money is written in yuan (fen / 100, exact), as people read it; the rules give the same
// outcome at any scale.
import { createHash } from 'node:crypto';
import type { AggregationRule, BallotEventData, LocalizedText } from '@gongzhi/domain';
import {
  approvalElection,
  compareCodePoints,
  describeProject,
  explainMes,
  parsePb,
  Rational,
  tally,
  writePb,
  isRule,
  type PbElection,
  type Rule,
} from '@gongzhi/pb';

/** A pool project as the count needs it. */
export interface CountedProject {
  proposalId: string;
  title: string;
  /** In fen. */
  cost: number;
}

export interface CountInput {
  cycleId: string;
  communityId: string;
  /** In fen. */
  budget: number;
  rule: AggregationRule;
  pool: readonly CountedProject[];
  bulletin: readonly { receipt: string; choices: readonly string[] }[];
}

/**
 * The cycle's 'mes' is the Method of Equal Shares as run in practice (Wieliczka, Aarau): the
 * per-voter budget raised while the outcome stays within the budget, then completed greedily, so
 * that money is not left unspent.
 */
export const pbRuleOf = (rule: AggregationRule): Rule =>
  rule === 'greedy' ? 'greedy' : 'mes-add1-completed';

const byCodePoint = (a: string, b: string) => compareCodePoints(a, b);
const yuan = (fen: number) => Rational.of(fen, 100);

/** The bulletin as a pabulib election: projects and choices in tie-break order, votes by receipt. */
export function bulletinElection(input: CountInput): PbElection {
  const projects = [...input.pool].sort((a, b) => byCodePoint(a.proposalId, b.proposalId));
  const votes = [...input.bulletin]
    .sort((a, b) => byCodePoint(a.receipt, b.receipt))
    .map((row) => ({
      projects: [...row.choices].sort(byCodePoint),
      fields: { voter_id: row.receipt },
    }));
  return {
    meta: {
      description: `Gongzhi cycle ${input.cycleId}, community ${input.communityId}`,
      country: 'China',
      unit: input.communityId,
      instance: input.cycleId,
      currency: 'CNY',
      rule: pbRuleOf(input.rule),
    },
    budget: yuan(input.budget),
    voteType: 'approval',
    projects: projects.map((p) => ({
      id: p.proposalId,
      cost: yuan(p.cost),
      fields: { name: p.title.replaceAll(/[;\r\n]/g, ' ') },
    })),
    votes,
    projectColumns: ['project_id', 'cost', 'name'],
    voteColumns: ['voter_id', 'vote'],
  };
}

export const bulletinPb = (input: CountInput): string => writePb(bulletinElection(input));

/** receipt,choices — one line per counted ballot, choices separated by spaces. */
export function bulletinCsv(input: CountInput): string {
  const rows = bulletinElection(input).votes.map(
    (v) => `${v.fields.voter_id},${v.projects.join(' ')}`,
  );
  return ['receipt,choices', ...rows].join('\n') + '\n';
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Counts a community's bulletin: what the tally event records. */
export function countBallots(input: CountInput): BallotEventData<'BallotsTallied'> {
  const election = bulletinElection(input);
  const pbText = writePb(election);
  const approval = approvalElection(election);
  const pbRule = pbRuleOf(input.rule);
  const winnerSet = new Set(tally(approval, pbRule).selected);
  const votes = new Map<string, number>();
  for (const ballot of input.bulletin)
    for (const id of ballot.choices) votes.set(id, (votes.get(id) ?? 0) + 1);
  const projects = election.projects.map((p) => ({
    proposalId: p.id,
    cost: input.pool.find((x) => x.proposalId === p.id)!.cost,
    votes: votes.get(p.id) ?? 0,
  }));
  const winners = projects.filter((p) => winnerSet.has(p.proposalId));
  const explanations =
    input.rule === 'mes'
      ? explainMes(approval, 'mes-add1-completed').projects.map((x) => ({
          proposalId: x.id,
          status: x.status,
          text: {
            'zh-CN': describeProject(x, 'zh-CN'),
            en: describeProject(x, 'en'),
          } satisfies LocalizedText,
        }))
      : undefined;
  return {
    cycleId: input.cycleId,
    communityId: input.communityId,
    rule: input.rule,
    pbRule,
    budget: input.budget,
    inputDigest: sha256(pbText),
    ballotCount: input.bulletin.length,
    projects,
    winners: winners.map((p) => p.proposalId),
    budgetUsed: winners.reduce((sum, p) => sum + p.cost, 0),
    tieBreak: 'project-id-code-point',
    ...(explanations ? { explanations } : {}),
  };
}

/** Counts a downloaded .pb file again, as anyone can: its digest and winners (tie-break order). */
export function recountPb(pbText: string): { inputDigest: string; winners: string[] } {
  const election = parsePb(pbText);
  const rule = election.meta.rule ?? '';
  if (!isRule(rule)) throw new Error(`the bulletin names no rule packages/pb knows: ${rule}`);
  const selected = tally(approvalElection(election), rule).selected;
  return { inputDigest: sha256(pbText), winners: [...selected].sort(byCodePoint) };
}
