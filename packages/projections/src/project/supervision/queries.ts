// Reads of the project supervision read model: one project's supervision as its page shows it
// (with whether the viewer follows or supervises it; how many follow is never shown), and the reports waiting for an answer in
// some communities (overdue ones flagged) for the staff's dashboards.
import type { ProjectPhoto, SupervisorSource } from '@gongzhi/domain';
import type { SqlExecutor, SqlValue } from '../../types.ts';

type Row = Record<string, unknown>;
const text = (value: unknown) => String(value);
const optionalText = (value: unknown) =>
  value === null || value === undefined ? null : String(value);

export interface SupervisionReportView {
  reportId: string;
  /** Whether the viewer filed it. */
  mine: boolean;
  what: string;
  where: string;
  photos: ProjectPhoto[];
  filedOn: string;
  answerDueOn: string;
  answer: string | null;
  answeredOn: string | null;
  /** Not answered, and its day to be answered by has passed. */
  overdue: boolean;
}

export interface CommentView {
  commentId: string;
  /** Null once hidden (the reason shows instead) or once its author was forgotten. */
  text: string | null;
  mine: boolean;
  at: string;
  hiddenReason: string | null;
}

export interface SupervisionView {
  supervisors: { source: SupervisorSource }[];
  reports: SupervisionReportView[];
  comments: CommentView[];
  following: boolean;
  supervising: boolean;
}

const toReport = (r: Row, viewer: string | undefined, today: string): SupervisionReportView => ({
  reportId: text(r.report_id),
  mine: viewer !== undefined && r.supervisor_id === viewer,
  what: text(r.what),
  where: text(r.where_text),
  photos: JSON.parse(text(r.photos)) as ProjectPhoto[],
  filedOn: text(r.filed_on),
  answerDueOn: text(r.answer_due_on),
  answer: optionalText(r.answer),
  answeredOn: optionalText(r.answered_on),
  overdue: r.answered_on === null && text(r.answer_due_on) < today,
});

/**
 * A project's supervision. A hidden comment's text is left out for everyone but its author;
 * `viewer` is the signed-in resident, if any; `today` (China) flags overdue reports.
 */
export async function readSupervision(
  db: SqlExecutor,
  projectId: string,
  viewer: string | undefined,
  today: string,
): Promise<SupervisionView> {
  const [supervisors, reports, comments] = await Promise.all([
    db.all(
      `SELECT resident_id, source FROM projs_supervisors WHERE project_id = ? ORDER BY named_at`,
      [projectId],
    ),
    db.all(`SELECT * FROM projs_reports WHERE project_id = ? ORDER BY position`, [projectId]),
    db.all(`SELECT * FROM projs_comments WHERE project_id = ? ORDER BY position`, [projectId]),
  ]);
  const following =
    viewer !== undefined &&
    (await db.get(`SELECT 1 AS y FROM projs_followers WHERE project_id = ? AND resident_id = ?`, [
      projectId,
      viewer,
    ])) !== undefined;
  return {
    supervisors: supervisors.map((s) => ({ source: text(s.source) as SupervisorSource })),
    reports: reports.map((r) => toReport(r, viewer, today)),
    comments: comments.map((c) => {
      const mine = viewer !== undefined && c.resident_id === viewer;
      const hiddenReason = optionalText(c.hidden_reason);
      return {
        commentId: text(c.comment_id),
        text: hiddenReason !== null && !mine ? null : optionalText(c.body),
        mine,
        at: text(c.at),
        hiddenReason,
      };
    }),
    following,
    supervising: viewer !== undefined && supervisors.some((s) => s.resident_id === viewer),
  };
}

export interface WaitingReport {
  reportId: string;
  projectId: string;
  title: string;
  communityId: string;
  filedOn: string;
  answerDueOn: string;
  overdue: boolean;
}

/** Reports not answered yet in the communities named, oldest deadline first; `today` flags the overdue. */
export async function listWaitingReports(
  db: SqlExecutor,
  communityIds: readonly string[],
  today: string,
  options: { overdueOnly?: boolean } = {},
): Promise<WaitingReport[]> {
  if (communityIds.length === 0) return [];
  const params: SqlValue[] = [...communityIds];
  let overdue = '';
  if (options.overdueOnly) {
    overdue = 'AND r.answer_due_on < ?';
    params.push(today);
  }
  const rows = await db.all(
    `SELECT r.report_id, r.project_id, p.title, r.community_id, r.filed_on, r.answer_due_on
     FROM projs_reports r JOIN projs_projects p ON p.project_id = r.project_id
     WHERE r.answered_on IS NULL AND r.community_id IN (${communityIds.map(() => '?').join(', ')})
       ${overdue}
     ORDER BY r.answer_due_on, r.position`,
    params,
  );
  return rows.map((r) => ({
    reportId: text(r.report_id),
    projectId: text(r.project_id),
    title: text(r.title),
    communityId: text(r.community_id),
    filedOn: text(r.filed_on),
    answerDueOn: text(r.answer_due_on),
    overdue: text(r.answer_due_on) < today,
  }));
}
