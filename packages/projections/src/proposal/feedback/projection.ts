// The feedback read model (意见共商): for each proposal, the community's last tally of it (votes,
// whether selected), the feedback given to its authors when it was not selected and the thread
// that follows. It keeps its own copy of what those pages show of a proposal (title, place,
// authors, whether it is still in the pool, where it was carried), so that it reads no other
// read model's tables.
import { parseBallotEvent, parseProposalEvent } from '@gongzhi/domain';
import type { ProposalEvent, ProposalEventType } from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../../types.ts';
import { statusSetBy } from '../status.ts';

export const feedbackTables = [
  'prop_feedback_proposals',
  'prop_feedback_authors',
  'prop_outcomes',
  'prop_feedback',
  'prop_feedback_messages',
] as const;

export type FeedbackTable = (typeof feedbackTables)[number];

type T = TableNames<FeedbackTable>;

const proposalTypes = [
  'ProposalSubmitted',
  'ProposalEdited',
  'ProposalWithdrawn',
  'ProposalMerged',
  'ProposalAbsorbed',
  'ProposalMarkedInfeasible',
  'ProposalSentToSurvey',
  'ProposalAdmittedToPool',
  'ProposalRejectedAtRoundTable',
  'ProposalReturnedForRevision',
  'ProposalResubmitted',
  'ProposalFeedbackGiven',
  'ProposalFeedbackMessagePosted',
  'ProposalCarriedForward',
  'ProposalCarriedFrom',
] as const satisfies readonly ProposalEventType[];

export const feedbackProjection: Projection<FeedbackTable> = {
  name: 'proposal_feedback',
  version: 1,
  tables: feedbackTables,
  eventTypes: [...proposalTypes, 'BallotsTallied'],

  schema: (t) => [
    `CREATE TABLE ${t.prop_feedback_proposals} (
       proposal_id TEXT PRIMARY KEY,
       cycle_id TEXT NOT NULL,
       street_id TEXT NOT NULL,
       community_id TEXT NOT NULL,
       title TEXT NOT NULL,
       author_resident_id TEXT NOT NULL,
       in_pool INTEGER NOT NULL,
       submitted_position BIGINT NOT NULL,
       carried_to TEXT,
       carried_to_cycle TEXT,
       carried_from TEXT
     )`,
    `CREATE TABLE ${t.prop_feedback_authors} (
       proposal_id TEXT NOT NULL,
       resident_id TEXT NOT NULL,
       PRIMARY KEY (proposal_id, resident_id)
     )`,
    `CREATE INDEX ${t.prop_feedback_authors}_by_resident ON ${t.prop_feedback_authors} (resident_id)`,
    `CREATE TABLE ${t.prop_outcomes} (
       proposal_id TEXT PRIMARY KEY,
       cycle_id TEXT NOT NULL,
       community_id TEXT NOT NULL,
       votes INTEGER NOT NULL,
       selected INTEGER NOT NULL,
       tallied_at TEXT NOT NULL
     )`,
    `CREATE INDEX ${t.prop_outcomes}_by_community ON ${t.prop_outcomes} (community_id, selected)`,
    `CREATE TABLE ${t.prop_feedback} (
       proposal_id TEXT PRIMARY KEY,
       given_by TEXT NOT NULL,
       representatives TEXT NOT NULL,
       reason TEXT NOT NULL,
       suggestions TEXT NOT NULL,
       given_at TEXT NOT NULL,
       last_from TEXT NOT NULL,
       last_at TEXT NOT NULL
     )`,
    `CREATE TABLE ${t.prop_feedback_messages} (
       proposal_id TEXT NOT NULL,
       position BIGINT NOT NULL,
       sender TEXT NOT NULL,
       text TEXT NOT NULL,
       channel TEXT NOT NULL,
       at TEXT NOT NULL,
       PRIMARY KEY (proposal_id, position)
     )`,
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: T) {
    if (recorded.type === 'BallotsTallied') {
      const ballotEvent = parseBallotEvent(recorded.type, recorded.data);
      if (ballotEvent.type !== 'BallotsTallied') return;
      const { data } = ballotEvent;
      // The last count stands: a recount replaces the community's outcomes.
      await tx.run(`DELETE FROM ${t.prop_outcomes} WHERE cycle_id = ? AND community_id = ?`, [
        data.cycleId,
        data.communityId,
      ]);
      for (const project of data.projects) {
        await tx.run(
          `INSERT INTO ${t.prop_outcomes}
             (proposal_id, cycle_id, community_id, votes, selected, tallied_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
          [
            project.proposalId,
            data.cycleId,
            data.communityId,
            project.votes,
            data.winners.includes(project.proposalId) ? 1 : 0,
            recorded.metadata.occurredAt,
          ],
        );
      }
      return;
    }
    const event = parseProposalEvent(recorded.type, recorded.data) as ProposalEvent;
    await applyToProposal(tx, recorded, event, t);
  },
};

async function applyToProposal(
  tx: SqlExecutor,
  recorded: RecordedEvent,
  event: ProposalEvent,
  t: T,
): Promise<void> {
  const at = recorded.metadata.occurredAt;
  const { proposalId } = event.data;
  const status = statusSetBy(event);
  if (status !== undefined) {
    await tx.run(`UPDATE ${t.prop_feedback_proposals} SET in_pool = ? WHERE proposal_id = ?`, [
      status === 'pool' ? 1 : 0,
      proposalId,
    ]);
  }
  switch (event.type) {
    case 'ProposalSubmitted': {
      const d = event.data;
      await tx.run(
        `INSERT INTO ${t.prop_feedback_proposals}
           (proposal_id, cycle_id, street_id, community_id, title, author_resident_id, in_pool,
            submitted_position)
         VALUES (?, ?, ?, ?, ?, ?, 0, ?)
         ON CONFLICT (proposal_id) DO NOTHING`,
        [
          proposalId,
          d.cycleId,
          d.streetId,
          d.communityId,
          d.title,
          d.authorResidentId,
          recorded.position,
        ],
      );
      await addAuthors(tx, t, proposalId, [d.authorResidentId]);
      return;
    }
    case 'ProposalEdited':
    case 'ProposalResubmitted':
      if (event.data.changes.title === undefined) return;
      await tx.run(`UPDATE ${t.prop_feedback_proposals} SET title = ? WHERE proposal_id = ?`, [
        event.data.changes.title,
        proposalId,
      ]);
      return;
    case 'ProposalAbsorbed':
      await addAuthors(tx, t, proposalId, event.data.authors);
      return;
    case 'ProposalFeedbackGiven': {
      const d = event.data;
      await tx.run(
        `INSERT INTO ${t.prop_feedback}
           (proposal_id, given_by, representatives, reason, suggestions, given_at, last_from,
            last_at)
         VALUES (?, ?, ?, ?, ?, ?, 'community', ?)
         ON CONFLICT (proposal_id) DO NOTHING`,
        [
          proposalId,
          d.givenBy,
          JSON.stringify(d.representatives ?? []),
          d.reason,
          d.suggestions,
          at,
          at,
        ],
      );
      return;
    }
    case 'ProposalFeedbackMessagePosted':
      await tx.run(
        `INSERT INTO ${t.prop_feedback_messages}
           (proposal_id, position, sender, text, channel, at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (proposal_id, position) DO NOTHING`,
        [
          proposalId,
          recorded.position,
          event.data.from,
          event.data.text,
          recorded.metadata.channel,
          at,
        ],
      );
      await tx.run(
        `UPDATE ${t.prop_feedback} SET last_from = ?, last_at = ? WHERE proposal_id = ?`,
        [event.data.from, at, proposalId],
      );
      return;
    case 'ProposalCarriedForward':
      await tx.run(
        `UPDATE ${t.prop_feedback_proposals} SET carried_to = ?, carried_to_cycle = ?
         WHERE proposal_id = ?`,
        [event.data.toProposalId, event.data.toCycleId, proposalId],
      );
      return;
    case 'ProposalCarriedFrom':
      await tx.run(
        `UPDATE ${t.prop_feedback_proposals} SET carried_from = ? WHERE proposal_id = ?`,
        [event.data.fromProposalId, proposalId],
      );
      return;
  }
}

async function addAuthors(
  tx: SqlExecutor,
  t: T,
  proposalId: string,
  residentIds: readonly string[],
) {
  for (const residentId of residentIds) {
    await tx.run(
      `INSERT INTO ${t.prop_feedback_authors} (proposal_id, resident_id) VALUES (?, ?)
       ON CONFLICT (proposal_id, resident_id) DO NOTHING`,
      [proposalId, residentId],
    );
  }
}
