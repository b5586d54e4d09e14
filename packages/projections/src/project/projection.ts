// The project read model (家园共建): each selected project with its stage, money and milestones,
// its payments, and one timeline entry per event, for the public implementation board, the
// project page and the staff who record each stage.
import {
  describeProjectEvent,
  parseProjectEvent,
  paperSurveyEventTypes,
  parsePaperSurveyEvent,
  parseSurveyAnswerEvent,
  parseSurveyCommentEvent,
  projectEventTypes,
  surveyCommentEventTypes,
  surveyAnswerEventTypes,
} from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../types.ts';

export const projectTables = [
  'proj_projects',
  'proj_milestones',
  'proj_payments',
  'proj_timeline',
  'proj_survey_answers',
  'proj_paper_sheets',
  'proj_published_comments',
] as const;
export type ProjectTable = (typeof projectTables)[number];

type T = TableNames<ProjectTable>;

/** Sets columns of one project's row. */
async function update(
  tx: SqlExecutor,
  t: T,
  projectId: string,
  columns: Record<string, string | number | null>,
) {
  const names = Object.keys(columns);
  await tx.run(
    `UPDATE ${t.proj_projects} SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE project_id = ?`,
    [...Object.values(columns), projectId],
  );
}

export const projectProjection: Projection<ProjectTable> = {
  name: 'project',
  // 2: paper survey sheets and their two entries (proj_paper_sheets), for the third worker; the
  //    survey's published free-text answers (proj_published_comments).
  // 3: a survey closed with 1–4 answers is summarised in the timeline without their number.
  version: 3,
  tables: projectTables,
  eventTypes: [
    ...projectEventTypes,
    ...surveyAnswerEventTypes,
    ...paperSurveyEventTypes,
    ...surveyCommentEventTypes,
  ],

  schema: (t) => [
    `CREATE TABLE ${t.proj_projects} (
       project_id TEXT PRIMARY KEY,
       cycle_id TEXT NOT NULL,
       proposal_id TEXT NOT NULL,
       street_id TEXT NOT NULL,
       community_id TEXT NOT NULL,
       title TEXT NOT NULL,
       category TEXT NOT NULL,
       selected_cost BIGINT NOT NULL,
       votes INTEGER NOT NULL,
       ballot_count INTEGER NOT NULL,
       status TEXT NOT NULL,
       stage TEXT NOT NULL,
       implementer TEXT,
       approved_budget BIGINT,
       budget_reason TEXT,
       decision_ref TEXT,
       method TEXT,
       bidders TEXT,
       contractor TEXT,
       contract_value BIGINT,
       award_reason TEXT,
       started_on TEXT,
       completed_on TEXT,
       acceptance TEXT,
       final_amount BIGINT,
       settlement_reason TEXT,
       spent BIGINT NOT NULL,
       released BIGINT,
       status_reason TEXT,
       survey TEXT,
       survey_result TEXT,
       evaluation_reply TEXT,
       opened_at TEXT NOT NULL,
       position BIGINT NOT NULL
     )`,
    `CREATE INDEX ${t.proj_projects}_by_cycle ON ${t.proj_projects} (cycle_id, community_id, position)`,
    `CREATE TABLE ${t.proj_milestones} (
       project_id TEXT NOT NULL,
       milestone_id TEXT NOT NULL,
       ordinal INTEGER NOT NULL,
       title TEXT NOT NULL,
       weight INTEGER NOT NULL,
       planned_on TEXT NOT NULL,
       reached_on TEXT,
       note TEXT,
       photos TEXT NOT NULL,
       PRIMARY KEY (project_id, milestone_id)
     )`,
    `CREATE TABLE ${t.proj_payments} (
       project_id TEXT NOT NULL,
       payment_id TEXT NOT NULL,
       amount BIGINT NOT NULL,
       paid_on TEXT NOT NULL,
       milestone_id TEXT,
       note TEXT,
       position BIGINT NOT NULL,
       PRIMARY KEY (project_id, payment_id)
     )`,
    `CREATE TABLE ${t.proj_survey_answers} (
       project_id TEXT NOT NULL,
       resident_id TEXT NOT NULL,
       scores TEXT NOT NULL,
       comment TEXT,
       PRIMARY KEY (project_id, resident_id)
     )`,
    `CREATE TABLE ${t.proj_paper_sheets} (
       project_id TEXT NOT NULL,
       resident_id TEXT NOT NULL,
       first_entry TEXT,
       second_entry TEXT,
       resolved TEXT,
       PRIMARY KEY (project_id, resident_id)
     )`,
    `CREATE TABLE ${t.proj_published_comments} (
       project_id TEXT PRIMARY KEY,
       comments TEXT NOT NULL
     )`,
    `CREATE TABLE ${t.proj_timeline} (
       project_id TEXT NOT NULL,
       position BIGINT NOT NULL,
       type TEXT NOT NULL,
       at TEXT NOT NULL,
       actor TEXT NOT NULL,
       summary_zh TEXT NOT NULL,
       summary_en TEXT NOT NULL,
       details TEXT NOT NULL,
       PRIMARY KEY (project_id, position)
     )`,
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: T) {
    if (recorded.type === 'SurveyCommentsPublished') {
      const { projectId, comments } = parseSurveyCommentEvent(recorded.type, recorded.data).data;
      await tx.run(
        `INSERT INTO ${t.proj_published_comments} (project_id, comments) VALUES (?, ?)
         ON CONFLICT (project_id) DO UPDATE SET comments = excluded.comments`,
        [projectId, JSON.stringify(comments)],
      );
      return;
    }
    if (recorded.type === 'PaperSurveyEntered' || recorded.type === 'PaperSurveyResolved') {
      const event = parsePaperSurveyEvent(recorded.type, recorded.data);
      const { projectId, residentId } = event.data;
      await tx.run(
        `INSERT INTO ${t.proj_paper_sheets} (project_id, resident_id) VALUES (?, ?)
         ON CONFLICT (project_id, resident_id) DO NOTHING`,
        [projectId, residentId],
      );
      const column =
        event.type === 'PaperSurveyResolved'
          ? 'resolved'
          : event.data.entry === 1
            ? 'first_entry'
            : 'second_entry';
      const value =
        event.type === 'PaperSurveyResolved'
          ? event.data.pick
          : JSON.stringify({
              by: event.data.by,
              scores: event.data.scores,
              comment: event.data.comment ?? null,
            });
      await tx.run(
        `UPDATE ${t.proj_paper_sheets} SET ${column} = ? WHERE project_id = ? AND resident_id = ?`,
        [value, projectId, residentId],
      );
      return;
    }
    if (recorded.type === 'SurveyAnswered') {
      // The last answer of each resident counts; none is shown with who gave it.
      const { projectId, residentId, scores, comment } = parseSurveyAnswerEvent(
        recorded.type,
        recorded.data,
      ).data;
      await tx.run(
        `INSERT INTO ${t.proj_survey_answers} (project_id, resident_id, scores, comment)
         VALUES (?, ?, ?, ?)
         ON CONFLICT (project_id, resident_id) DO UPDATE SET scores = excluded.scores,
           comment = excluded.comment`,
        [projectId, residentId, JSON.stringify(scores), comment ?? null],
      );
      return;
    }
    const event = parseProjectEvent(recorded.type, recorded.data);
    const { projectId } = event.data;
    const at = recorded.metadata.occurredAt;
    const summary = describeProjectEvent(event);
    const { projectId: _id, ...details } = event.data;
    await tx.run(
      `INSERT INTO ${t.proj_timeline}
         (project_id, position, type, at, actor, summary_zh, summary_en, details)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (project_id, position) DO NOTHING`,
      [
        projectId,
        recorded.position,
        event.type,
        at,
        recorded.metadata.actor,
        summary['zh-CN'],
        summary.en,
        JSON.stringify(details),
      ],
    );
    switch (event.type) {
      case 'ProjectOpened': {
        const d = event.data;
        await tx.run(
          `INSERT INTO ${t.proj_projects}
             (project_id, cycle_id, proposal_id, street_id, community_id, title, category,
              selected_cost, votes, ballot_count, status, stage, spent, opened_at, position)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', 'opened', 0, ?, ?)
           ON CONFLICT (project_id) DO NOTHING`,
          [
            projectId,
            d.cycleId,
            d.proposalId,
            d.streetId,
            d.communityId,
            d.title,
            d.category,
            d.selectedCost,
            d.votes,
            d.ballotCount,
            at,
            recorded.position,
          ],
        );
        return;
      }
      case 'ProjectApproved':
        return update(tx, t, projectId, {
          stage: 'approved',
          implementer: JSON.stringify(event.data.implementer),
        });
      case 'ProjectBudgetReviewed':
        return update(tx, t, projectId, {
          stage: 'budget_reviewed',
          approved_budget: event.data.approvedBudget,
          budget_reason: event.data.reason ?? null,
          decision_ref: event.data.decisionRef ?? null,
        });
      case 'ProjectContractAwarded':
        return update(tx, t, projectId, {
          stage: 'contracted',
          method: event.data.method,
          bidders: JSON.stringify(event.data.bidders),
          contractor: event.data.contractor,
          contract_value: event.data.contractValue,
          award_reason: event.data.reason,
        });
      case 'ProjectWorksStarted': {
        await update(tx, t, projectId, { stage: 'started', started_on: event.data.startedOn });
        for (const [ordinal, m] of event.data.milestones.entries()) {
          await tx.run(
            `INSERT INTO ${t.proj_milestones}
               (project_id, milestone_id, ordinal, title, weight, planned_on, photos)
             VALUES (?, ?, ?, ?, ?, ?, '[]') ON CONFLICT (project_id, milestone_id) DO NOTHING`,
            [projectId, m.milestoneId, ordinal, m.title, m.weight, m.plannedOn],
          );
        }
        return;
      }
      case 'ProjectMilestoneReached':
        await tx.run(
          `UPDATE ${t.proj_milestones} SET reached_on = ?, note = ?, photos = ?
           WHERE project_id = ? AND milestone_id = ?`,
          [
            event.data.reachedOn,
            event.data.note ?? null,
            JSON.stringify(event.data.photos),
            projectId,
            event.data.milestoneId,
          ],
        );
        return;
      case 'ProjectPaymentMade': {
        const inserted = await tx.run(
          `INSERT INTO ${t.proj_payments}
             (project_id, payment_id, amount, paid_on, milestone_id, note, position)
           VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (project_id, payment_id) DO NOTHING`,
          [
            projectId,
            event.data.paymentId,
            event.data.amount,
            event.data.paidOn,
            event.data.milestoneId ?? null,
            event.data.note ?? null,
            recorded.position,
          ],
        );
        if (inserted.changes > 0) {
          await tx.run(`UPDATE ${t.proj_projects} SET spent = spent + ? WHERE project_id = ?`, [
            event.data.amount,
            projectId,
          ]);
        }
        return;
      }
      case 'ProjectWorksCompleted':
        return update(tx, t, projectId, {
          stage: 'completed',
          completed_on: event.data.completedOn,
        });
      case 'ProjectAcceptanceRecorded': {
        const { projectId: _p, by: _by, ...acceptance } = event.data;
        return update(tx, t, projectId, {
          ...(event.data.verdict === 'passed' ? { stage: 'accepted' } : {}),
          acceptance: JSON.stringify(acceptance),
        });
      }
      case 'ProjectSettled':
        return update(tx, t, projectId, {
          stage: 'settled',
          final_amount: event.data.finalAmount,
          settlement_reason: event.data.reason ?? null,
        });
      case 'ProjectSurveyOpened': {
        const { opensOn, closesOn, voters, minimum, eligible } = event.data;
        return update(tx, t, projectId, {
          survey: JSON.stringify({
            opensOn,
            closesOn,
            voters,
            minimum,
            eligible: eligible ?? null,
          }),
        });
      }
      case 'ProjectSurveyClosed':
        return update(tx, t, projectId, { survey_result: JSON.stringify(event.data.result) });
      case 'ProjectEvaluated':
        return update(tx, t, projectId, { stage: 'evaluated', evaluation_reply: event.data.reply });
      case 'ProjectSuspended':
        return update(tx, t, projectId, { status: 'suspended', status_reason: event.data.reason });
      case 'ProjectResumed':
        return update(tx, t, projectId, { status: 'open', status_reason: null });
      case 'ProjectCancelled':
        return update(tx, t, projectId, {
          status: 'cancelled',
          status_reason: event.data.reason,
          released: event.data.released,
        });
      case 'ProjectHandedToTeam':
        return update(tx, t, projectId, {
          implementer: JSON.stringify({ kind: 'team', teamId: event.data.teamId }),
        });
    }
  },
};
