// Queries on the project read model (projection.ts). Everything here is public: stages, money,
// bidders, photos and who recorded each step (a staff account id).
import {
  financialProgress,
  physicalProgress,
  type Bidder,
  type Implementer,
  type LocalizedText,
  type ProcurementMethod,
  type ProjectCategory,
  type ProjectEventData,
  type ProjectPhoto,
  type ProjectStage,
  type SurveyResult,
  surveyQuestions,
} from '@gongzhi/domain';
import type { SqlExecutor, SqlRow, SqlValue } from '../types.ts';

export type ProjectStatus = 'open' | 'suspended' | 'cancelled';

export interface ProjectListing {
  projectId: string;
  cycleId: string;
  proposalId: string;
  streetId: string;
  communityId: string;
  title: string;
  category: ProjectCategory;
  status: ProjectStatus;
  stage: ProjectStage;
  selectedCost: number;
  approvedBudget: number | null;
  contractValue: number | null;
  finalAmount: number | null;
  spent: number;
  /** Whole percent: the weights of the milestones reached. */
  physicalProgress: number;
  /** Whole percent: spent against the final account, the contract or the budget. */
  financialProgress: number;
}

export interface MilestoneView {
  milestoneId: string;
  title: string;
  weight: number;
  plannedOn: string;
  reachedOn: string | null;
  note: string | null;
  photos: ProjectPhoto[];
}

export interface PaymentView {
  paymentId: string;
  amount: number;
  paidOn: string;
  milestoneId: string | null;
  note: string | null;
}

export interface ProjectTimelineEntry {
  type: string;
  at: string;
  actor: string;
  summary: LocalizedText;
  details: Record<string, unknown>;
}

export type AcceptanceView = Omit<
  ProjectEventData<'ProjectAcceptanceRecorded'>,
  'projectId' | 'by'
>;

export interface ProjectView extends ProjectListing {
  votes: number;
  ballotCount: number;
  implementer: Implementer | null;
  budgetReason: string | null;
  decisionRef: string | null;
  method: ProcurementMethod | null;
  bidders: Bidder[];
  contractor: string | null;
  awardReason: string | null;
  startedOn: string | null;
  completedOn: string | null;
  acceptance: AcceptanceView | null;
  settlementReason: string | null;
  released: number | null;
  statusReason: string | null;
  survey: {
    opensOn: string;
    closesOn: string;
    voters: number;
    minimum: number;
    /** Residents eligible in the community when it opened (null: opened before this was kept). */
    eligible: number | null;
  } | null;
  /** Counts only: the survey is anonymous in everything published. */
  surveyResult: SurveyResult | null;
  /** The free-text answers staff reviewed and published (null: none published yet). */
  publishedComments: string[] | null;
  evaluationReply: string | null;
  openedAt: string;
  milestones: MilestoneView[];
  payments: PaymentView[];
  timeline: ProjectTimelineEntry[];
}

const text = (value: unknown) => String(value);
const optionalText = (value: unknown) => (value === null ? null : String(value));
const optionalNumber = (value: unknown) => (value === null ? null : Number(value));
const json = <V>(value: unknown, empty: V): V =>
  value === null ? empty : (JSON.parse(String(value)) as V);

function toListing(
  row: SqlRow,
  milestones: readonly { weight: number; reachedOn: string | null }[],
): ProjectListing {
  const approvedBudget = optionalNumber(row.approved_budget);
  const contractValue = optionalNumber(row.contract_value);
  const finalAmount = optionalNumber(row.final_amount);
  const spent = Number(row.spent);
  return {
    projectId: text(row.project_id),
    cycleId: text(row.cycle_id),
    proposalId: text(row.proposal_id),
    streetId: text(row.street_id),
    communityId: text(row.community_id),
    title: text(row.title),
    category: text(row.category) as ProjectCategory,
    status: text(row.status) as ProjectStatus,
    stage: text(row.stage) as ProjectStage,
    selectedCost: Number(row.selected_cost),
    approvedBudget,
    contractValue,
    finalAmount,
    spent,
    physicalProgress: physicalProgress(milestones),
    financialProgress: financialProgress(spent, finalAmount ?? contractValue ?? approvedBudget),
  };
}

async function milestonesOf(db: SqlExecutor, projectIds: readonly string[]) {
  const byProject = new Map<string, MilestoneView[]>();
  if (projectIds.length === 0) return byProject;
  const rows = await db.all(
    `SELECT * FROM proj_milestones WHERE project_id IN (${projectIds.map(() => '?').join(', ')})
     ORDER BY project_id, ordinal`,
    [...projectIds],
  );
  for (const r of rows) {
    const list = byProject.get(text(r.project_id)) ?? [];
    list.push({
      milestoneId: text(r.milestone_id),
      title: text(r.title),
      weight: Number(r.weight),
      plannedOn: text(r.planned_on),
      reachedOn: optionalText(r.reached_on),
      note: optionalText(r.note),
      photos: json<ProjectPhoto[]>(r.photos, []),
    });
    byProject.set(text(r.project_id), list);
  }
  return byProject;
}

/** The projects of a cycle (of one community), in the order they were opened. */
export async function listProjects(
  db: SqlExecutor,
  query: { cycleId: string; communityId?: string | undefined },
): Promise<ProjectListing[]> {
  const where = ['cycle_id = ?'];
  const params: SqlValue[] = [query.cycleId];
  if (query.communityId !== undefined) {
    where.push('community_id = ?');
    params.push(query.communityId);
  }
  return listWhere(db, where.join(' AND '), params);
}

/** The projects of some communities, of every cycle, in the order they were opened. */
export async function listProjectsOfCommunities(
  db: SqlExecutor,
  communityIds: readonly string[],
): Promise<ProjectListing[]> {
  if (communityIds.length === 0) return [];
  return listWhere(db, `community_id IN (${communityIds.map(() => '?').join(', ')})`, [
    ...communityIds,
  ]);
}

async function listWhere(db: SqlExecutor, where: string, params: SqlValue[]) {
  const rows = await db.all(`SELECT * FROM proj_projects WHERE ${where} ORDER BY position`, params);
  const milestones = await milestonesOf(
    db,
    rows.map((r) => text(r.project_id)),
  );
  return rows.map((r) => toListing(r, milestones.get(text(r.project_id)) ?? []));
}

/** One project with its milestones, payments and timeline. */
export async function readProject(
  db: SqlExecutor,
  projectId: string,
): Promise<ProjectView | undefined> {
  const row = await db.get(`SELECT * FROM proj_projects WHERE project_id = ?`, [projectId]);
  if (!row) return undefined;
  const milestones = (await milestonesOf(db, [projectId])).get(projectId) ?? [];
  const payments = await db.all(
    `SELECT * FROM proj_payments WHERE project_id = ? ORDER BY position`,
    [projectId],
  );
  const timeline = await db.all(
    `SELECT * FROM proj_timeline WHERE project_id = ? ORDER BY position`,
    [projectId],
  );
  return {
    ...toListing(row, milestones),
    votes: Number(row.votes),
    ballotCount: Number(row.ballot_count),
    implementer: json<Implementer | null>(row.implementer, null),
    budgetReason: optionalText(row.budget_reason),
    decisionRef: optionalText(row.decision_ref),
    method: optionalText(row.method) as ProcurementMethod | null,
    bidders: json<Bidder[]>(row.bidders, []),
    contractor: optionalText(row.contractor),
    awardReason: optionalText(row.award_reason),
    startedOn: optionalText(row.started_on),
    completedOn: optionalText(row.completed_on),
    acceptance: json<AcceptanceView | null>(row.acceptance, null),
    settlementReason: optionalText(row.settlement_reason),
    released: optionalNumber(row.released),
    statusReason: optionalText(row.status_reason),
    survey: json<ProjectView['survey']>(row.survey, null),
    surveyResult: json<SurveyResult | null>(row.survey_result, null),
    publishedComments: json<string[] | null>(
      (
        await db.get(`SELECT comments FROM proj_published_comments WHERE project_id = ?`, [
          projectId,
        ])
      )?.comments ?? null,
      null,
    ),
    evaluationReply: optionalText(row.evaluation_reply),
    openedAt: text(row.opened_at),
    milestones,
    payments: payments.map((p) => ({
      paymentId: text(p.payment_id),
      amount: Number(p.amount),
      paidOn: text(p.paid_on),
      milestoneId: optionalText(p.milestone_id),
      note: optionalText(p.note),
    })),
    timeline: timeline.map((e) => ({
      type: text(e.type),
      at: text(e.at),
      actor: text(e.actor),
      summary: { 'zh-CN': text(e.summary_zh), en: text(e.summary_en) },
      details: json<Record<string, unknown>>(e.details, {}),
    })),
  };
}

/** The survey's answers so far (each resident's last), as counts per question and score. */
export async function countSurveyAnswers(
  db: SqlExecutor,
  projectId: string,
): Promise<Pick<SurveyResult, 'answers' | 'distribution'>> {
  const rows = await db.all(`SELECT scores FROM proj_survey_answers WHERE project_id = ?`, [
    projectId,
  ]);
  const distribution = Object.fromEntries(
    surveyQuestions.map((q) => [q, [0, 0, 0, 0, 0]]),
  ) as SurveyResult['distribution'];
  for (const row of rows) {
    const scores = JSON.parse(String(row.scores)) as Record<string, number>;
    for (const q of surveyQuestions) distribution[q][scores[q]! - 1]! += 1;
  }
  return { answers: rows.length, distribution };
}

/** The projects of a cycle neither evaluated nor cancelled, by title: the cycle closes without them. */
export async function listUnfinishedProjects(db: SqlExecutor, cycleId: string): Promise<string[]> {
  const rows = await db.all(
    `SELECT title FROM proj_projects WHERE cycle_id = ? AND status <> 'cancelled'
       AND stage <> 'evaluated' ORDER BY position`,
    [cycleId],
  );
  return rows.map((r) => String(r.title));
}

export interface PaperSheetEntry {
  by: string;
  scores: Record<SurveyQuestionName, number>;
  comment: string | null;
}
type SurveyQuestionName = (typeof surveyQuestions)[number];

export interface PaperSheet {
  residentId: string;
  /** Who entered it: the readings themselves are shown only when they differ (to a third worker). */
  firstBy: string | null;
  secondBy: string | null;
  /** Both readings, only on a sheet whose entries differ and that nobody has resolved. */
  differing: { first: PaperSheetEntry; second: PaperSheetEntry } | null;
  resolved: 'first' | 'second' | 'rejected' | null;
}

/** A project's paper survey sheets: who entered each, and the readings of those that differ. */
export async function listPaperSheets(db: SqlExecutor, projectId: string): Promise<PaperSheet[]> {
  const rows = await db.all(
    `SELECT * FROM proj_paper_sheets WHERE project_id = ? ORDER BY resident_id`,
    [projectId],
  );
  return rows.map((r) => {
    const first = json<PaperSheetEntry | null>(r.first_entry, null);
    const second = json<PaperSheetEntry | null>(r.second_entry, null);
    const resolved = optionalText(r.resolved) as PaperSheet['resolved'];
    const differ =
      first !== null &&
      second !== null &&
      (JSON.stringify(first.scores) !== JSON.stringify(second.scores) ||
        (first.comment ?? '').trim() !== (second.comment ?? '').trim());
    return {
      residentId: text(r.resident_id),
      firstBy: first?.by ?? null,
      secondBy: second?.by ?? null,
      differing: differ && resolved === null ? { first: first!, second: second! } : null,
      resolved,
    };
  });
}

/** The survey's free-text answers as given (each resident's last), without who gave them: for staff review. */
export async function listSurveyComments(db: SqlExecutor, projectId: string): Promise<string[]> {
  const rows = await db.all(
    `SELECT comment FROM proj_survey_answers WHERE project_id = ? AND comment IS NOT NULL
     ORDER BY comment`,
    [projectId],
  );
  return rows.map((r) => String(r.comment));
}
