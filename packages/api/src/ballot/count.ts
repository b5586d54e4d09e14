// Counting a community's ballots with packages/pb, and the bulletin files anyone can download to
// count them again. The .pb file is the canonical form of the count's input: its SHA-256 is the
// input digest recorded with the tally, and counting the file with the rule it names gives the
// winners. Money is written in yuan (fen / 100, exact), as people read it; the rules give the same
// outcome at any scale.
//
// A project needs the cycle's minimum support (at least one vote) to be selected, by any rule:
// the rules of packages/pb stay those of the reference (whose greedy, and MES's completion, also
// fund projects nobody voted for), and the count leaves the projects below the minimum out before
// they run. The .pb file says the minimum in pabulib's META key `min_project_score_threshold`
// when it is above one vote, so a recount of the file applies the same minimum.
import { createHash } from 'node:crypto';
import {
  moneyText,
  votesNeeded,
  type AggregationRule,
  type BallotEventData,
  type LocalizedText,
  type MinimumSupport,
} from '@gongzhi/domain';
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
  type ApprovalElection,
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
  minimumSupport: MinimumSupport;
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

/** pabulib's META key for the votes a project needs; absent, one vote (see above). */
const THRESHOLD_KEY = 'min_project_score_threshold';

/**
 * The election the rules count: only the projects with at least `needed` supporters, and each
 * ballot's choices among them (a ballot left empty still counts as a voter, as in MES's shares).
 */
function supportedOnly(election: ApprovalElection, needed: number): ApprovalElection {
  const support = new Map<string, number>();
  for (const ballot of election.ballots)
    for (const id of new Set(ballot)) support.set(id, (support.get(id) ?? 0) + 1);
  const kept = new Set(
    election.projects.filter((p) => (support.get(p.id) ?? 0) >= needed).map((p) => p.id),
  );
  return {
    budget: election.budget,
    projects: election.projects.filter((p) => kept.has(p.id)),
    ballots: election.ballots.map((ballot) => ballot.filter((id) => kept.has(id))),
  };
}

/** The votes a project of the .pb file needs: its META threshold, or one. */
function neededIn(election: PbElection): number {
  const written = election.meta[THRESHOLD_KEY];
  if (written === undefined) return 1;
  const needed = Number(written);
  if (!Number.isSafeInteger(needed) || needed < 1)
    throw new Error(`the bulletin's ${THRESHOLD_KEY} is not a whole number of votes: ${written}`);
  return needed;
}

/** The bulletin as a pabulib election: projects and choices in tie-break order, votes by receipt. */
export function bulletinElection(input: CountInput): PbElection {
  const projects = [...input.pool].sort((a, b) => byCodePoint(a.proposalId, b.proposalId));
  const votes = [...input.bulletin]
    .sort((a, b) => byCodePoint(a.receipt, b.receipt))
    .map((row) => ({
      projects: [...row.choices].sort(byCodePoint),
      fields: { voter_id: row.receipt },
    }));
  const needed = votesNeeded(input.minimumSupport, input.bulletin.length);
  return {
    meta: {
      description: `Gongzhi cycle ${input.cycleId}, community ${input.communityId}`,
      country: 'China',
      unit: input.communityId,
      instance: input.cycleId,
      currency: 'CNY',
      rule: pbRuleOf(input.rule),
      ...(needed > 1 ? { [THRESHOLD_KEY]: String(needed) } : {}),
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

/** An amount in yuan as every amount reads: 1,234.50 元 / ¥1,234.50 (to the nearest fen). */
const moneyOf = (yuan: Rational): LocalizedText =>
  moneyText(Math.round(Number(yuan.toDecimal(2)) * 100));

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
  const needed = neededIn(election);
  const approval = supportedOnly(approvalElection(election), needed);
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
  const explained = new Map(
    input.rule === 'mes'
      ? explainMes(approval, 'mes-add1-completed').projects.map((x) => [
          x.id,
          {
            status: x.status,
            text: {
              'zh-CN': describeProject(x, 'zh-CN', (amount) => moneyOf(amount)['zh-CN']),
              en: describeProject(x, 'en', (amount) => moneyOf(amount).en),
            } satisfies LocalizedText,
          },
        ])
      : [],
  );
  const explanations =
    input.rule === 'mes'
      ? projects.map((p) => ({
          proposalId: p.proposalId,
          ...(explained.get(p.proposalId) ?? belowMinimum(p.votes, needed)),
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
    minimumSupport: needed,
  };
}

/** Why a project left out of the count was not selected. */
function belowMinimum(votes: number, needed: number) {
  return {
    status: 'below-minimum',
    text: (votes === 0
      ? {
          'zh-CN': '没有人投票支持，不能入选。',
          en: 'Nobody voted for it, so it cannot be selected.',
        }
      : {
          'zh-CN': `得到 ${votes} 票，未达到入选所需的 ${needed} 票。`,
          en: `It got ${votes} vote${votes === 1 ? '' : 's'}, fewer than the ${needed} needed to be selected.`,
        }) satisfies LocalizedText,
  };
}

/** Counts a downloaded .pb file again, as anyone can: its digest and winners (tie-break order). */
export function recountPb(pbText: string): { inputDigest: string; winners: string[] } {
  const election = parsePb(pbText);
  const rule = election.meta.rule ?? '';
  if (!isRule(rule)) throw new Error(`the bulletin names no rule packages/pb knows: ${rule}`);
  const selected = tally(
    supportedOnly(approvalElection(election), neededIn(election)),
    rule,
  ).selected;
  return { inputDigest: sha256(pbText), winners: [...selected].sort(byCodePoint) };
}
