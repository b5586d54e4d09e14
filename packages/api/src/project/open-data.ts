// Open data of a cycle's projects (item 9 of issue 12): the rows of five tables — projects,
// contracts (one row per bidder), payments, milestones and survey results — which the API
// server's open-data registry serves as CSV and JSON with their documented columns.
// Amounts are integer fen, days are China calendar days (YYYY-MM-DD). Nothing here names a
// resident: acceptance committees appear by their counts, survey answers by their counts.
import { readProject, listProjects, type ProjectView } from '@gongzhi/projections/project';
import { isSmallCount, surveyMeanScore, surveyQuestions } from '@gongzhi/domain';
import { cycleScope } from '../access.ts';
import type { Context } from '../context.ts';

export const openDataSets = ['projects', 'contracts', 'payments', 'milestones', 'surveys'] as const;
export type OpenDataSet = (typeof openDataSets)[number];

type Cell = string | number | boolean | null;
type Row = Record<string, Cell>;

const implementerOf = (p: ProjectView): [string | null, string | null] =>
  p.implementer === null
    ? [null, null]
    : p.implementer.kind === 'department'
      ? ['department', p.implementer.name]
      : [p.implementer.kind, p.implementer.teamId];

const projectRow = (p: ProjectView): Row => {
  const [implementerKind, implementer] = implementerOf(p);
  return {
    project_id: p.projectId,
    proposal_id: p.proposalId,
    cycle_id: p.cycleId,
    street_id: p.streetId,
    community_id: p.communityId,
    title: p.title,
    category: p.category,
    status: p.status,
    stage: p.stage,
    implementer_kind: implementerKind,
    implementer,
    votes: p.votes,
    ballot_count: p.ballotCount,
    selected_cost_fen: p.selectedCost,
    approved_budget_fen: p.approvedBudget,
    budget_decision_ref: p.decisionRef,
    contract_value_fen: p.contractValue,
    final_amount_fen: p.finalAmount,
    spent_fen: p.spent,
    released_fen: p.released,
    physical_progress_pct: p.physicalProgress,
    financial_progress_pct: p.financialProgress,
    started_on: p.startedOn,
    completed_on: p.completedOn,
    acceptance_verdict: p.acceptance?.verdict ?? null,
    accepted_on: p.acceptance?.acceptedOn ?? null,
    status_reason: p.statusReason,
    opened_at: p.openedAt,
  };
};

const contractRows = (p: ProjectView): Row[] =>
  p.bidders.map((b) => ({
    project_id: p.projectId,
    method: p.method,
    bidder: b.name,
    bid_fen: b.amount,
    awarded: b.name === p.contractor,
    contract_value_fen: b.name === p.contractor ? p.contractValue : null,
    award_reason: p.awardReason,
  }));

const paymentRows = (p: ProjectView): Row[] =>
  p.payments.map((pay) => ({
    project_id: p.projectId,
    payment_id: pay.paymentId,
    paid_on: pay.paidOn,
    amount_fen: pay.amount,
    milestone_id: pay.milestoneId,
    note: pay.note,
  }));

const milestoneRows = (p: ProjectView): Row[] =>
  p.milestones.map((m, ordinal) => ({
    project_id: p.projectId,
    milestone_id: m.milestoneId,
    ordinal: ordinal + 1,
    title: m.title,
    weight_pct: m.weight,
    planned_on: m.plannedOn,
    reached_on: m.reachedOn,
    photo_count: m.photos.length,
  }));

const surveyRows = (p: ProjectView): Row[] => {
  if (!p.survey) return [];
  const closed = p.surveyResult;
  // Answers of a few people are withheld with every score and rate derived from them.
  const withheld = closed !== null && isSmallCount(closed.answers);
  const r = withheld ? null : closed;
  const row: Row = {
    project_id: p.projectId,
    opens_on: p.survey.opensOn,
    closes_on: p.survey.closesOn,
    closed: closed !== null,
    answers: r?.answers ?? null,
    voters: closed?.voters ?? p.survey.voters,
    response_rate_pct: r && r.voters > 0 ? Math.round((r.answers * 1000) / r.voters) / 10 : null,
    eligible_residents: p.survey.eligible,
    response_rate_eligible_pct:
      r && p.survey.eligible ? Math.round((r.answers * 1000) / p.survey.eligible) / 10 : null,
    minimum: closed?.minimum ?? p.survey.minimum,
    too_few: closed?.tooFew ?? null,
  };
  for (const q of surveyQuestions) {
    const counts = r?.distribution[q] ?? null;
    row[`${q}_mean`] = counts ? surveyMeanScore(counts) : null;
    for (let score = 1; score <= 5; score++)
      row[`${q}_${score}`] = counts ? counts[score - 1]! : null;
  }
  row.evaluation_reply = p.evaluationReply;
  row.suppressed = withheld;
  return [row];
};

const rowsOf: Record<OpenDataSet, (p: ProjectView) => Row[]> = {
  projects: (p) => [projectRow(p)],
  contracts: contractRows,
  payments: paymentRows,
  milestones: milestoneRows,
  surveys: surveyRows,
};

/**
 * The rows of one set of a cycle's projects (the cycle must exist: 404 otherwise); the open-data
 * registry of the API server (apps/api/src/open-data) documents their columns and serves them.
 */
export async function projectOpenRows(
  ctx: Context,
  query: { cycleId: string; set: OpenDataSet },
): Promise<Row[]> {
  await cycleScope(ctx, query.cycleId);
  const db = ctx.services.readModels.db;
  const listed = await listProjects(db, { cycleId: query.cycleId });
  const rows: Row[] = [];
  for (const { projectId } of listed) {
    const project = await readProject(db, projectId);
    if (project) rows.push(...rowsOf[query.set](project));
  }
  return rows;
}
