// The project supervision read model (群众监督): who follows each project, its resident
// supervisors, their reports with the implementer's answers and deadlines, and residents'
// comments with any hiding and its reason. It keeps its own copy of each project's place and
// title (from ProjectOpened) so that overdue reports are listed per community.
//
// Residents appear by id only and pages never show them by name. A forgotten resident's follows
// go, and their comments' text is blanked (the comment's place in the history stays).
import { parseProjectEvent, parseResidentEvent, parseSupervisionEvent } from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../../types.ts';

export const supervisionTables = [
  'projs_projects',
  'projs_followers',
  'projs_supervisors',
  'projs_reports',
  'projs_comments',
] as const;
export type SupervisionTable = (typeof supervisionTables)[number];

type T = TableNames<SupervisionTable>;

export const supervisionProjection: Projection<SupervisionTable> = {
  name: 'project_supervision',
  version: 1,
  tables: supervisionTables,
  eventTypes: [
    'ProjectOpened',
    'ProjectFollowed',
    'ProjectUnfollowed',
    'ProjectSupervisorNamed',
    'SupervisionReportFiled',
    'SupervisionReportAnswered',
    'ProjectCommented',
    'ProjectCommentHidden',
    'ResidentForgotten',
  ],

  schema: (t) => [
    `CREATE TABLE ${t.projs_projects} (
       project_id TEXT PRIMARY KEY,
       cycle_id TEXT NOT NULL,
       street_id TEXT NOT NULL,
       community_id TEXT NOT NULL,
       title TEXT NOT NULL
     )`,
    `CREATE TABLE ${t.projs_followers} (
       project_id TEXT NOT NULL,
       resident_id TEXT NOT NULL,
       PRIMARY KEY (project_id, resident_id)
     )`,
    `CREATE TABLE ${t.projs_supervisors} (
       project_id TEXT NOT NULL,
       resident_id TEXT NOT NULL,
       source TEXT NOT NULL,
       named_at TEXT NOT NULL,
       PRIMARY KEY (project_id, resident_id)
     )`,
    `CREATE TABLE ${t.projs_reports} (
       report_id TEXT PRIMARY KEY,
       project_id TEXT NOT NULL,
       community_id TEXT NOT NULL,
       supervisor_id TEXT NOT NULL,
       what TEXT NOT NULL,
       where_text TEXT NOT NULL,
       photos TEXT NOT NULL,
       filed_on TEXT NOT NULL,
       answer_due_on TEXT NOT NULL,
       answer TEXT,
       answered_on TEXT,
       position BIGINT NOT NULL
     )`,
    `CREATE INDEX ${t.projs_reports}_by_project ON ${t.projs_reports} (project_id, position)`,
    `CREATE INDEX ${t.projs_reports}_waiting ON ${t.projs_reports} (community_id, answered_on, answer_due_on)`,
    `CREATE TABLE ${t.projs_comments} (
       comment_id TEXT PRIMARY KEY,
       project_id TEXT NOT NULL,
       resident_id TEXT NOT NULL,
       body TEXT,
       at TEXT NOT NULL,
       hidden_reason TEXT,
       hidden_at TEXT,
       position BIGINT NOT NULL
     )`,
    `CREATE INDEX ${t.projs_comments}_by_project ON ${t.projs_comments} (project_id, position)`,
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: T) {
    const at = recorded.metadata.occurredAt;
    if (recorded.type === 'ProjectOpened') {
      const event = parseProjectEvent(recorded.type, recorded.data);
      if (event.type !== 'ProjectOpened') return;
      const d = event.data;
      await tx.run(
        `INSERT INTO ${t.projs_projects} (project_id, cycle_id, street_id, community_id, title)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (project_id) DO NOTHING`,
        [d.projectId, d.cycleId, d.streetId, d.communityId, d.title],
      );
      return;
    }
    if (recorded.type === 'ResidentForgotten') {
      const { residentId } = parseResidentEvent(recorded.type, recorded.data).data;
      await tx.run(`DELETE FROM ${t.projs_followers} WHERE resident_id = ?`, [residentId]);
      await tx.run(`UPDATE ${t.projs_comments} SET body = NULL WHERE resident_id = ?`, [
        residentId,
      ]);
      return;
    }
    const event = parseSupervisionEvent(recorded.type, recorded.data);
    switch (event.type) {
      case 'ProjectFollowed':
        await tx.run(
          `INSERT INTO ${t.projs_followers} (project_id, resident_id) VALUES (?, ?)
           ON CONFLICT (project_id, resident_id) DO NOTHING`,
          [event.data.projectId, event.data.residentId],
        );
        return;
      case 'ProjectUnfollowed':
        await tx.run(`DELETE FROM ${t.projs_followers} WHERE project_id = ? AND resident_id = ?`, [
          event.data.projectId,
          event.data.residentId,
        ]);
        return;
      case 'ProjectSupervisorNamed':
        await tx.run(
          `INSERT INTO ${t.projs_supervisors} (project_id, resident_id, source, named_at)
           VALUES (?, ?, ?, ?) ON CONFLICT (project_id, resident_id) DO NOTHING`,
          [event.data.projectId, event.data.residentId, event.data.source, at],
        );
        return;
      case 'SupervisionReportFiled': {
        const d = event.data;
        const project = await tx.get<{ community_id: string }>(
          `SELECT community_id FROM ${t.projs_projects} WHERE project_id = ?`,
          [d.projectId],
        );
        await tx.run(
          `INSERT INTO ${t.projs_reports}
             (report_id, project_id, community_id, supervisor_id, what, where_text, photos,
              filed_on, answer_due_on, position)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (report_id) DO NOTHING`,
          [
            d.reportId,
            d.projectId,
            project?.community_id ?? '',
            d.supervisorId,
            d.what,
            d.where,
            JSON.stringify(d.photos),
            d.filedOn,
            d.answerDueOn,
            recorded.position,
          ],
        );
        return;
      }
      case 'SupervisionReportAnswered':
        await tx.run(
          `UPDATE ${t.projs_reports} SET answer = ?, answered_on = ? WHERE report_id = ?`,
          [event.data.answer, event.data.answeredOn, event.data.reportId],
        );
        return;
      case 'ProjectCommented':
        await tx.run(
          `INSERT INTO ${t.projs_comments}
             (comment_id, project_id, resident_id, body, at, position)
           VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (comment_id) DO NOTHING`,
          [
            event.data.commentId,
            event.data.projectId,
            event.data.residentId,
            event.data.text,
            at,
            recorded.position,
          ],
        );
        return;
      case 'ProjectCommentHidden':
        await tx.run(
          `UPDATE ${t.projs_comments} SET hidden_reason = ?, hidden_at = ? WHERE comment_id = ?`,
          [event.data.reason, at, event.data.commentId],
        );
        return;
    }
  },
};
