// The proposal read model: proposals per cycle and community with their status and co-sign
// counts, the project pool, workers' intake queues, residents' own proposals and each
// proposal's public timeline. The round-tables (round-tables/) and the feedback owed to authors
// not selected (feedback/) are read models of their own.
//
// No personal data: authors and co-signers are kept as resident ids (for "my proposals", the
// co-sign button and notices), and pages show them by `residentLabel` only. A resident who is
// forgotten is noted, so that their label becomes 已注销居民.
//
// It also follows two events of other modules: CyclePhaseAdvanced (a submitted proposal is
// "under screening" once its cycle screens) and ResidentForgotten.
import {
  describeProposalEvent,
  hasReached,
  infeasibleReasonText,
  parseCycleEvent,
  parseProposalEvent,
  parseResidentEvent,
  proposalStreamEventTypes,
} from '@gongzhi/domain';
import type {
  CycleStage,
  LocalizedText,
  ProposalChanges,
  ProposalEvent,
  ProposalModuleEvent,
} from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, SqlValue, TableNames } from '../types.ts';
import { statusSetBy } from './status.ts';

export const proposalTables = [
  'prop_proposals',
  'prop_participants',
  'prop_timeline',
  'prop_cycle_phases',
  'prop_forgotten_residents',
] as const;

export type ProposalTable = (typeof proposalTables)[number];

/** Who did what, as the timeline shows it: a resident by label, everyone else by role. */
export type TimelineActorKind =
  'resident' | 'community_worker' | 'consultant' | 'department' | 'round_table';

type T = TableNames<ProposalTable>;

export const proposalProjection: Projection<ProposalTable> = {
  name: 'proposal',
  // 3: the round-tables and the feedback went to read models of their own.
  version: 3,
  tables: proposalTables,
  eventTypes: [...proposalStreamEventTypes, 'CyclePhaseAdvanced', 'ResidentForgotten'],

  schema: (t) => [
    `CREATE TABLE ${t.prop_proposals} (
       proposal_id TEXT PRIMARY KEY,
       cycle_id TEXT NOT NULL,
       street_id TEXT NOT NULL,
       community_id TEXT NOT NULL,
       author_resident_id TEXT NOT NULL,
       channel TEXT NOT NULL,
       title TEXT NOT NULL,
       description TEXT NOT NULL,
       category TEXT NOT NULL,
       estimated_cost BIGINT NOT NULL,
       revised_cost BIGINT,
       pool_cost BIGINT,
       location TEXT NOT NULL,
       photos TEXT NOT NULL,
       status TEXT NOT NULL,
       status_reason_zh TEXT,
       status_reason_en TEXT,
       merged_into TEXT,
       round_table_id TEXT,
       cosign_count INTEGER NOT NULL,
       revision BIGINT NOT NULL,
       submitted_position BIGINT NOT NULL,
       submitted_at TEXT NOT NULL,
       decided_position BIGINT,
       carried_to TEXT,
       carried_to_cycle TEXT,
       carried_from TEXT,
       updated_at TEXT NOT NULL
     )`,
    `CREATE INDEX ${t.prop_proposals}_by_cycle ON ${t.prop_proposals} (cycle_id, community_id, submitted_position)`,
    `CREATE INDEX ${t.prop_proposals}_by_status ON ${t.prop_proposals} (community_id, status, submitted_position)`,
    `CREATE TABLE ${t.prop_participants} (
       proposal_id TEXT NOT NULL,
       resident_id TEXT NOT NULL,
       role TEXT NOT NULL,
       joined_position BIGINT NOT NULL,
       PRIMARY KEY (proposal_id, resident_id)
     )`,
    `CREATE INDEX ${t.prop_participants}_by_resident ON ${t.prop_participants} (resident_id, joined_position)`,
    `CREATE TABLE ${t.prop_timeline} (
       proposal_id TEXT NOT NULL,
       position BIGINT NOT NULL,
       type TEXT NOT NULL,
       at TEXT NOT NULL,
       actor_kind TEXT NOT NULL,
       resident_id TEXT,
       channel TEXT NOT NULL,
       round_table_id TEXT,
       summary_zh TEXT NOT NULL,
       summary_en TEXT NOT NULL,
       details TEXT NOT NULL,
       PRIMARY KEY (proposal_id, position)
     )`,
    `CREATE TABLE ${t.prop_cycle_phases} (cycle_id TEXT PRIMARY KEY, phase TEXT NOT NULL)`,
    `CREATE TABLE ${t.prop_forgotten_residents} (
       resident_id TEXT PRIMARY KEY,
       forgotten_at TEXT NOT NULL
     )`,
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: T) {
    const at = recorded.metadata.occurredAt;
    if (recorded.type === 'CyclePhaseAdvanced') {
      const cycleEvent = parseCycleEvent(recorded.type, recorded.data);
      if (cycleEvent.type !== 'CyclePhaseAdvanced') return;
      const { cycleId, to } = cycleEvent.data;
      await tx.run(
        `INSERT INTO ${t.prop_cycle_phases} (cycle_id, phase) VALUES (?, ?)
         ON CONFLICT (cycle_id) DO UPDATE SET phase = excluded.phase`,
        [cycleId, to],
      );
      if (to === 'screening') {
        await tx.run(
          `UPDATE ${t.prop_proposals} SET status = 'under_screening'
           WHERE cycle_id = ? AND status = 'submitted'`,
          [cycleId],
        );
      }
      return;
    }
    if (recorded.type === 'ResidentForgotten') {
      const { residentId } = parseResidentEvent(recorded.type, recorded.data).data;
      await tx.run(
        `INSERT INTO ${t.prop_forgotten_residents} (resident_id, forgotten_at) VALUES (?, ?)
         ON CONFLICT (resident_id) DO NOTHING`,
        [residentId, at],
      );
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
  const setStatus = (reason?: LocalizedText, extra = '', params: SqlValue[] = []) =>
    tx.run(
      `UPDATE ${t.prop_proposals}
       SET status = ?, status_reason_zh = ?, status_reason_en = ?${extra}
       WHERE proposal_id = ?`,
      [
        statusSetBy(event) ?? null,
        reason?.['zh-CN'] ?? null,
        reason?.en ?? null,
        ...params,
        proposalId,
      ],
    );
  const sameText = (value: string): LocalizedText => ({ 'zh-CN': value, en: value });
  let actor: Actor = { kind: 'community_worker' };

  switch (event.type) {
    case 'ProposalSubmitted': {
      const d = event.data;
      const cycle = await tx.get<{ phase: string }>(
        `SELECT phase FROM ${t.prop_cycle_phases} WHERE cycle_id = ?`,
        [d.cycleId],
      );
      // Decided while proposing, it may land just after the cycle moved on to screening.
      const screening = cycle !== undefined && hasReached(cycle.phase as CycleStage, 'screening');
      await tx.run(
        `INSERT INTO ${t.prop_proposals}
           (proposal_id, cycle_id, street_id, community_id, author_resident_id, channel, title,
            description, category, estimated_cost, location, photos, status, cosign_count,
            revision, submitted_position, submitted_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)
         ON CONFLICT (proposal_id) DO NOTHING`,
        [
          proposalId,
          d.cycleId,
          d.streetId,
          d.communityId,
          d.authorResidentId,
          d.channel,
          d.title,
          d.description,
          d.category,
          d.estimatedCost,
          JSON.stringify(d.location),
          JSON.stringify(d.photos),
          screening ? 'under_screening' : 'submitted',
          recorded.revision,
          recorded.position,
          at,
          at,
        ],
      );
      await addParticipant(tx, t, proposalId, d.authorResidentId, 'author', recorded);
      actor = { kind: 'resident', residentId: d.authorResidentId };
      break;
    }
    case 'ProposalEdited':
      await applyChanges(tx, t, proposalId, event.data.changes);
      actor = await authorOf(tx, t, proposalId);
      break;
    case 'ProposalWithdrawn':
      await setStatus(event.data.reason === undefined ? undefined : sameText(event.data.reason));
      actor = await authorOf(tx, t, proposalId);
      break;
    case 'ProposalCoSigned':
      await addParticipant(tx, t, proposalId, event.data.residentId, 'cosigner', recorded);
      await countCoSigners(tx, t, proposalId);
      actor = { kind: 'resident', residentId: event.data.residentId };
      break;
    case 'ProposalMerged':
      await setStatus(undefined, ', merged_into = ?', [event.data.intoProposalId]);
      break;
    case 'ProposalAbsorbed':
      for (const residentId of event.data.authors) {
        await tx.run(
          `INSERT INTO ${t.prop_participants} (proposal_id, resident_id, role, joined_position)
           VALUES (?, ?, 'author', ?)
           ON CONFLICT (proposal_id, resident_id) DO UPDATE SET role = 'author'`,
          [proposalId, residentId, recorded.position],
        );
      }
      for (const residentId of event.data.coSigners) {
        await addParticipant(tx, t, proposalId, residentId, 'cosigner', recorded);
      }
      await countCoSigners(tx, t, proposalId);
      break;
    case 'ProposalMarkedInfeasible':
      await setStatus(infeasibleReasonText(event.data));
      break;
    case 'ProposalSentToSurvey':
      await setStatus();
      break;
    case 'SiteSurveyRecorded':
      if (event.data.revisedCost !== undefined) {
        await tx.run(`UPDATE ${t.prop_proposals} SET revised_cost = ? WHERE proposal_id = ?`, [
          event.data.revisedCost,
          proposalId,
        ]);
      }
      actor = { kind: event.data.surveyor };
      break;
    case 'ProposalAdmittedToPool':
      await setStatus(undefined, ', pool_cost = ?, round_table_id = ?, decided_position = ?', [
        event.data.cost,
        event.data.roundTableId,
        recorded.position,
      ]);
      actor = { kind: 'round_table', roundTableId: event.data.roundTableId };
      break;
    case 'ProposalRejectedAtRoundTable':
      await setStatus(sameText(event.data.reason), ', round_table_id = ?', [
        event.data.roundTableId,
      ]);
      actor = { kind: 'round_table', roundTableId: event.data.roundTableId };
      break;
    case 'ProposalReturnedForRevision':
      await setStatus(sameText(event.data.changesRequested), ', round_table_id = ?', [
        event.data.roundTableId,
      ]);
      actor = { kind: 'round_table', roundTableId: event.data.roundTableId };
      break;
    case 'ProposalResubmitted':
      await setStatus();
      await applyChanges(tx, t, proposalId, event.data.changes);
      actor = await authorOf(tx, t, proposalId);
      break;
    case 'ProposalFeedbackMessagePosted':
      if (event.data.from === 'author') actor = await authorOf(tx, t, proposalId);
      break;
    case 'ProposalCarriedForward':
      await tx.run(
        `UPDATE ${t.prop_proposals} SET carried_to = ?, carried_to_cycle = ? WHERE proposal_id = ?`,
        [event.data.toProposalId, event.data.toCycleId, proposalId],
      );
      actor = await authorOf(tx, t, proposalId);
      break;
    case 'ProposalCarriedFrom':
      await tx.run(`UPDATE ${t.prop_proposals} SET carried_from = ? WHERE proposal_id = ?`, [
        event.data.fromProposalId,
        proposalId,
      ]);
      actor = await authorOf(tx, t, proposalId);
      break;
  }

  await tx.run(
    `UPDATE ${t.prop_proposals} SET revision = ?, updated_at = ? WHERE proposal_id = ?`,
    [recorded.revision, at, proposalId],
  );
  const summary = describeProposalEvent(event);
  await tx.run(
    `INSERT INTO ${t.prop_timeline}
       (proposal_id, position, type, at, actor_kind, resident_id, channel, round_table_id,
        summary_zh, summary_en, details)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (proposal_id, position) DO NOTHING`,
    [
      proposalId,
      recorded.position,
      event.type,
      at,
      actor.kind,
      actor.kind === 'resident' ? actor.residentId : null,
      recorded.metadata.channel,
      actor.kind === 'round_table' ? actor.roundTableId : null,
      summary['zh-CN'],
      summary.en,
      JSON.stringify(publicDetails(event)),
    ],
  );
}

type Actor =
  | { kind: 'resident'; residentId: string }
  | { kind: 'round_table'; roundTableId: string }
  | { kind: Exclude<TimelineActorKind, 'resident' | 'round_table'> };

async function authorOf(tx: SqlExecutor, t: T, proposalId: string): Promise<Actor> {
  const row = await tx.get<{ author_resident_id: string }>(
    `SELECT author_resident_id FROM ${t.prop_proposals} WHERE proposal_id = ?`,
    [proposalId],
  );
  if (!row) throw new Error(`Proposal ${proposalId} has events before its submission`);
  return { kind: 'resident', residentId: row.author_resident_id };
}

async function addParticipant(
  tx: SqlExecutor,
  t: T,
  proposalId: string,
  residentId: string,
  role: 'author' | 'cosigner',
  recorded: RecordedEvent,
) {
  await tx.run(
    `INSERT INTO ${t.prop_participants} (proposal_id, resident_id, role, joined_position)
     VALUES (?, ?, ?, ?)
     ON CONFLICT (proposal_id, resident_id) DO NOTHING`,
    [proposalId, residentId, role, recorded.position],
  );
}

async function countCoSigners(tx: SqlExecutor, t: T, proposalId: string) {
  await tx.run(
    `UPDATE ${t.prop_proposals}
     SET cosign_count = (SELECT count(*) FROM ${t.prop_participants}
                         WHERE proposal_id = ? AND role = 'cosigner')
     WHERE proposal_id = ?`,
    [proposalId, proposalId],
  );
}

const columnOf: Record<keyof ProposalChanges, string> = {
  title: 'title',
  description: 'description',
  category: 'category',
  estimatedCost: 'estimated_cost',
  location: 'location',
  photos: 'photos',
};

async function applyChanges(tx: SqlExecutor, t: T, proposalId: string, changes: ProposalChanges) {
  const keys = Object.keys(changes) as (keyof ProposalChanges)[];
  if (keys.length === 0) return;
  const values = keys.map((key): SqlValue => {
    const value = changes[key]!;
    return typeof value === 'object' ? JSON.stringify(value) : value;
  });
  // A new estimate replaces the surveyed cost until the proposal is surveyed again (as the
  // domain's effectiveCost).
  const clearRevised = keys.includes('estimatedCost') ? ', revised_cost = NULL' : '';
  await tx.run(
    `UPDATE ${t.prop_proposals} SET ${keys.map((k) => `${columnOf[k]} = ?`).join(', ')}${clearRevised}
     WHERE proposal_id = ?`,
    [...values, proposalId],
  );
}

/** The event's fields as the public timeline may show them: no resident ids. */
function publicDetails(event: ProposalModuleEvent): unknown {
  switch (event.type) {
    case 'ProposalSubmitted': {
      const { authorResidentId: _author, ...rest } = event.data;
      return rest;
    }
    case 'ProposalCoSigned':
      return { proposalId: event.data.proposalId };
    // The thread is between the author and the community: the timeline says who wrote, not what.
    case 'ProposalFeedbackMessagePosted':
      return { proposalId: event.data.proposalId, from: event.data.from };
    case 'ProposalAbsorbed': {
      const { authors, coSigners, ...rest } = event.data;
      return { ...rest, authorCount: authors.length, coSignerCount: coSigners.length };
    }
    default:
      return event.data;
  }
}
