// The notification read model: what residents are told when a proposal of theirs changes status
// (issue 5), when an objection they filed is answered, when a worker declares a tie for them that
// awaits their confirmation, and at each step of an erasure a worker requested. For each proposal event it folds the
// proposal (privately, in `ntf_proposals`), asks the domain's `proposalNotice` who is told what,
// and writes one inbox row per recipient and one outbox row per message for an SMS or WeChat
// sender to drain. For objections it keeps what the answer's notice quotes (`ntf_objections`)
// and asks `objectionNotice`. Each notice carries the page it links to; a proposal's notice its
// proposal id too, an objection's none. Being a projection, the
// notices are written in the same transaction as its checkpoint: none is lost on a crash and none
// is written twice; a rebuild writes the same rows again (same positions, same ids).
//
// What people do with notices (read them, the sender delivering them) is not derived from events:
// it lives in `notification_reads` and `notification_deliveries` (queries.ts), which a rebuild
// leaves alone, so that nothing is marked unread or sent twice after one.
//
// Forgotten residents are told nothing more, and their inbox and undelivered messages go. Staff
// accounts file objections too but have no inbox: only accounts registered as residents
// (`ntf_residents`) hear of their objections.
import {
  commentHiddenNotice,
  followedProjectEventTypes,
  followerNotice,
  isSupervisionEventType,
  parseProjectEvent,
  parseSupervisionEvent,
  reportAnsweredNotice,
  objectionNotice,
  parseActivityEvent,
  shiftReminderNotice,
  outcomeEventTypes,
  parseOutcomeEvent,
  parseProposalEvent,
  parseResidentEvent,
  proposalDecider,
  proposalNotice,
  proposalStreamEventTypes,
  residentNotice,
  residentNoticeTypes,
  type NoticedResidentEvent,
} from '@gongzhi/domain';
import type { LocalizedText, ProposalEvent, ProposalState } from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../types.ts';
import {
  applyMeetingNotice,
  meetingNoticeSchema,
  meetingNoticeTables,
  meetingNoticeTypes,
} from './meeting.ts';

export const notificationTables = [
  'ntf_proposals',
  'ntf_objections',
  'ntf_residents',
  'ntf_inbox',
  'ntf_outbox',
  'ntf_forgotten_residents',
  'ntf_projects',
  'ntf_project_followers',
  ...meetingNoticeTables,
] as const;

export type NotificationTable = (typeof notificationTables)[number];

type T = TableNames<NotificationTable>;

/** The outbox row of a notice to one resident: stable across rebuilds. */
export const noticeId = (position: bigint | string, residentId: string) =>
  `${String(position)}-${residentId}`;

/** What one event tells its recipients. */
interface Told {
  /** Absent for notices that are not about a proposal (an objection's answer). */
  proposalId: string | null;
  link: string;
  cause: string;
  recipients: readonly string[];
  message: LocalizedText;
}

async function tell(tx: SqlExecutor, t: T, recorded: RecordedEvent, told: Told) {
  const at = recorded.metadata.occurredAt;
  const { proposalId, link, cause } = told;
  const message = [told.message['zh-CN'], told.message.en];
  for (const residentId of told.recipients) {
    const forgotten = await tx.get(
      `SELECT resident_id FROM ${t.ntf_forgotten_residents} WHERE resident_id = ?`,
      [residentId],
    );
    if (forgotten) continue;
    await tx.run(
      `INSERT INTO ${t.ntf_inbox}
         (resident_id, position, proposal_id, link, cause, message_zh, message_en, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (resident_id, position) DO NOTHING`,
      [residentId, recorded.position, proposalId, link, cause, ...message, at],
    );
    await tx.run(
      `INSERT INTO ${t.ntf_outbox}
         (notice_id, resident_id, position, proposal_id, link, message_zh, message_en, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (notice_id) DO NOTHING`,
      [
        noticeId(recorded.position, residentId),
        residentId,
        recorded.position,
        proposalId,
        link,
        ...message,
        at,
      ],
    );
  }
}

const outcomeTypes: readonly string[] = outcomeEventTypes;
const projectTypes: readonly string[] = [
  'ProjectOpened',
  ...followedProjectEventTypes,
  'ProjectFollowed',
  'ProjectUnfollowed',
  'SupervisionReportAnswered',
  'ProjectCommentHidden',
];

/**
 * Projects: keeps each one's title and followers, tells the followers of each stage, a
 * supervisor of the answer to their report, a comment's author of its hiding.
 */
async function tellOfProject(tx: SqlExecutor, t: T, recorded: RecordedEvent) {
  const titleOf = async (projectId: string) =>
    (
      await tx.get<{ title: string }>(`SELECT title FROM ${t.ntf_projects} WHERE project_id = ?`, [
        projectId,
      ])
    )?.title ?? '';
  const residents = async (ids: readonly string[]) => {
    const known = [];
    for (const id of ids) {
      const row = await tx.get(`SELECT resident_id FROM ${t.ntf_residents} WHERE resident_id = ?`, [
        id,
      ]);
      if (row) known.push(id);
    }
    return known;
  };
  const told = (projectId: string) => ({
    proposalId: null,
    link: `/projects/${projectId}`,
    cause: recorded.type,
  });
  if (!isSupervisionEventType(recorded.type)) {
    const event = parseProjectEvent(recorded.type, recorded.data);
    const { projectId } = event.data;
    if (event.type === 'ProjectOpened') {
      await tx.run(
        `INSERT INTO ${t.ntf_projects} (project_id, title) VALUES (?, ?)
         ON CONFLICT (project_id) DO NOTHING`,
        [projectId, event.data.title],
      );
      return;
    }
    const message = followerNotice(event, await titleOf(projectId));
    if (!message) return;
    const followers = await tx.all<{ resident_id: string }>(
      `SELECT resident_id FROM ${t.ntf_project_followers} WHERE project_id = ? ORDER BY resident_id`,
      [projectId],
    );
    await tell(tx, t, recorded, {
      ...told(projectId),
      recipients: followers.map((f) => f.resident_id),
      message,
    });
    return;
  }
  const event = parseSupervisionEvent(recorded.type, recorded.data);
  const { projectId } = event.data;
  switch (event.type) {
    case 'ProjectFollowed':
      await tx.run(
        `INSERT INTO ${t.ntf_project_followers} (project_id, resident_id) VALUES (?, ?)
         ON CONFLICT (project_id, resident_id) DO NOTHING`,
        [projectId, event.data.residentId],
      );
      return;
    case 'ProjectUnfollowed':
      await tx.run(
        `DELETE FROM ${t.ntf_project_followers} WHERE project_id = ? AND resident_id = ?`,
        [projectId, event.data.residentId],
      );
      return;
    case 'SupervisionReportAnswered':
      await tell(tx, t, recorded, {
        ...told(projectId),
        recipients: await residents([event.data.supervisorId]),
        message: reportAnsweredNotice(await titleOf(projectId)),
      });
      return;
    case 'ProjectCommentHidden':
      await tell(tx, t, recorded, {
        ...told(projectId),
        recipients: await residents([event.data.authorId]),
        message: commentHiddenNotice(event, await titleOf(projectId)),
      });
      return;
    default:
      return;
  }
}
const residentTypes: readonly string[] = residentNoticeTypes;

export const notificationProjection: Projection<NotificationTable> = {
  name: 'notification',
  // 2: notices link to a page (`link`), and objections' filers hear the answers.
  // 3: residents hear of ties declared for them and of erasures requested.
  // 4: members who signed up for a volunteer shift are asked to confirm a day ahead.
  // 5: followers of a project hear of each stage; a supervisor of the answer to their report;
  //    a comment's author of its hiding and why; meetings' rosters hear of notices, topics'
  //    authors and supporters of what became of them.
  // 6: a deliberative body's followers hear of each meeting it convenes.
  version: 6,
  tables: notificationTables,
  eventTypes: [
    ...proposalStreamEventTypes,
    ...outcomeEventTypes,
    'ResidentRegistered',
    'ResidentForgotten',
    ...residentNoticeTypes,
    'ShiftReminderSent',
    'ProjectOpened',
    ...followedProjectEventTypes,
    'ProjectFollowed',
    'ProjectUnfollowed',
    'SupervisionReportAnswered',
    'ProjectCommentHidden',
    ...meetingNoticeTypes,
  ],

  schema: (t) => [
    `CREATE TABLE ${t.ntf_proposals} (proposal_id TEXT PRIMARY KEY, state TEXT NOT NULL)`,
    `CREATE TABLE ${t.ntf_objections} (
       objection_id TEXT PRIMARY KEY,
       filed_by TEXT NOT NULL,
       text TEXT NOT NULL
     )`,
    `CREATE INDEX ${t.ntf_objections}_by_filer ON ${t.ntf_objections} (filed_by)`,
    `CREATE TABLE ${t.ntf_residents} (resident_id TEXT PRIMARY KEY)`,
    `CREATE TABLE ${t.ntf_inbox} (
       resident_id TEXT NOT NULL,
       position BIGINT NOT NULL,
       proposal_id TEXT,
       link TEXT NOT NULL,
       cause TEXT NOT NULL,
       message_zh TEXT NOT NULL,
       message_en TEXT NOT NULL,
       at TEXT NOT NULL,
       PRIMARY KEY (resident_id, position)
     )`,
    `CREATE TABLE ${t.ntf_outbox} (
       notice_id TEXT PRIMARY KEY,
       resident_id TEXT NOT NULL,
       position BIGINT NOT NULL,
       proposal_id TEXT,
       link TEXT NOT NULL,
       message_zh TEXT NOT NULL,
       message_en TEXT NOT NULL,
       created_at TEXT NOT NULL
     )`,
    `CREATE INDEX ${t.ntf_outbox}_by_position ON ${t.ntf_outbox} (position)`,
    `CREATE TABLE ${t.ntf_forgotten_residents} (resident_id TEXT PRIMARY KEY)`,
    `CREATE TABLE ${t.ntf_projects} (project_id TEXT PRIMARY KEY, title TEXT NOT NULL)`,
    `CREATE TABLE ${t.ntf_project_followers} (
       project_id TEXT NOT NULL,
       resident_id TEXT NOT NULL,
       PRIMARY KEY (project_id, resident_id)
     )`,
    ...meetingNoticeSchema(t),
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: T) {
    if (projectTypes.includes(recorded.type)) return tellOfProject(tx, t, recorded);
    if (recorded.type === 'ResidentRegistered') {
      // Only the id is read: the personal data may be sealed in this store.
      const { residentId } = recorded.data as { residentId: string };
      await tx.run(
        `INSERT INTO ${t.ntf_residents} (resident_id) VALUES (?)
         ON CONFLICT (resident_id) DO NOTHING`,
        [residentId],
      );
      return;
    }
    if (residentTypes.includes(recorded.type)) {
      const event = parseResidentEvent(recorded.type, recorded.data) as NoticedResidentEvent;
      const notice = residentNotice(event);
      if (notice) await tell(tx, t, recorded, { proposalId: null, ...notice });
      return;
    }
    if (outcomeTypes.includes(recorded.type)) {
      const event = parseOutcomeEvent(recorded.type, recorded.data);
      if (event.type === 'ObjectionFiled') {
        const { objectionId, filedBy, text } = event.data;
        const resident = await tx.get(
          `SELECT resident_id FROM ${t.ntf_residents} WHERE resident_id = ?`,
          [filedBy],
        );
        if (!resident) return;
        await tx.run(
          `INSERT INTO ${t.ntf_objections} (objection_id, filed_by, text) VALUES (?, ?, ?)
           ON CONFLICT (objection_id) DO NOTHING`,
          [objectionId, filedBy, text],
        );
        return;
      }
      const objection = await tx.get<{ filed_by: string; text: string }>(
        `SELECT filed_by, text FROM ${t.ntf_objections} WHERE objection_id = ?`,
        [event.data.objectionId],
      );
      if (!objection) return;
      const notice = objectionNotice(event, { filedBy: objection.filed_by, text: objection.text });
      await tell(tx, t, recorded, { proposalId: null, ...notice });
      return;
    }
    if ((meetingNoticeTypes as readonly string[]).includes(recorded.type)) {
      await applyMeetingNotice(tx, t, recorded, (notice) =>
        tell(tx, t, recorded, { proposalId: null, ...notice }),
      );
      return;
    }
    if (recorded.type === 'ShiftReminderSent') {
      const event = parseActivityEvent(recorded.type, recorded.data);
      if (event.type !== 'ShiftReminderSent') return;
      const notice = shiftReminderNotice(event);
      const residents = [];
      for (const id of notice.recipients) {
        const known = await tx.get(
          `SELECT resident_id FROM ${t.ntf_residents} WHERE resident_id = ?`,
          [id],
        );
        if (known) residents.push(id);
      }
      await tell(tx, t, recorded, {
        proposalId: null,
        cause: event.type,
        ...notice,
        recipients: residents,
      });
      return;
    }
    if (recorded.type === 'ResidentForgotten') {
      const { residentId } = parseResidentEvent(recorded.type, recorded.data).data;
      await tx.run(
        `INSERT INTO ${t.ntf_forgotten_residents} (resident_id) VALUES (?)
         ON CONFLICT (resident_id) DO NOTHING`,
        [residentId],
      );
      await tx.run(`DELETE FROM ${t.ntf_inbox} WHERE resident_id = ?`, [residentId]);
      await tx.run(`DELETE FROM ${t.ntf_outbox} WHERE resident_id = ?`, [residentId]);
      await tx.run(`DELETE FROM ${t.ntf_objections} WHERE filed_by = ?`, [residentId]);
      await tx.run(`DELETE FROM ${t.ntf_project_followers} WHERE resident_id = ?`, [residentId]);
      await tx.run(`DELETE FROM ${t.ntf_meeting_followers} WHERE resident_id = ?`, [residentId]);
      return;
    }
    const event = parseProposalEvent(recorded.type, recorded.data) as ProposalEvent;
    const { proposalId } = event.data;
    const row = await tx.get<{ state: string }>(
      `SELECT state FROM ${t.ntf_proposals} WHERE proposal_id = ?`,
      [proposalId],
    );
    const before = row ? (JSON.parse(row.state) as ProposalState) : proposalDecider.initialState();
    const after = proposalDecider.evolve(before, event);
    await tx.run(
      `INSERT INTO ${t.ntf_proposals} (proposal_id, state) VALUES (?, ?)
       ON CONFLICT (proposal_id) DO UPDATE SET state = excluded.state`,
      [proposalId, JSON.stringify(after)],
    );
    if (after.status === 'none') return;
    const notice = proposalNotice(event, after);
    if (!notice) return;
    await tell(tx, t, recorded, { ...notice, link: `/proposals/${proposalId}` });
  },
};
