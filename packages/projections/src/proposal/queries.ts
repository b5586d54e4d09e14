// Reads of the proposal read model, on the live tables (which carry the logical names).
//
// Public reads (listings, the pool, a proposal and its timeline, round-tables) carry no resident
// id: residents appear as `residentLabel`s. The reads for a worker (intake queue) and for a
// resident (their own proposals, whether they co-signed) carry ids, for their own pages only.
import { proposalStatusText } from '@gongzhi/domain';
import type {
  LocalizedText,
  Photo,
  ProjectCategory,
  ProposalChannel,
  ProposalDisplayStatus,
  ProposalLocation,
  ProposalModuleEvent,
} from '@gongzhi/domain';
import type { SqlExecutor, SqlValue } from '../types.ts';
import { residentLabel } from './labels.ts';
import type { TimelineActorKind } from './projection.ts';

export interface ProposalListing {
  proposalId: string;
  cycleId: string;
  communityId: string;
  title: string;
  category: ProjectCategory;
  /** The author's estimate, in fen. */
  estimatedCost: number;
  /** The last site survey's cost, in fen, until a resubmission changes the estimate. */
  revisedCost: number | null;
  /** The cost it entered the pool at, in fen. */
  poolCost: number | null;
  status: ProposalDisplayStatus;
  /** Why it is infeasible, rejected, returned or withdrawn, when a reason was given. */
  statusReason: LocalizedText | null;
  mergedInto: string | null;
  coSignCount: number;
  /** The first photo, for a thumbnail. */
  coverPhoto: Photo | null;
  submittedAt: string;
  updatedAt: string;
}

export interface ProposalView extends ProposalListing {
  streetId: string;
  description: string;
  location: ProposalLocation;
  photos: Photo[];
  channel: ProposalChannel;
  /** The round-table that decided on it last. */
  roundTableId: string | null;
  /** Authors: the submitter, and those of duplicates merged into it. */
  authorCount: number;
  /** Not selected and carried into a later cycle as this proposal; the one it continues. */
  carriedTo: string | null;
  carriedFrom: string | null;
  revision: string;
}

export type TimelineActor =
  | {
      kind: 'resident';
      /** 居民 #3f9a2c, or 已注销居民 once forgotten. */
      label: LocalizedText;
      /** How the act reached the system: online, by a proxy, or entered by a worker. */
      via: string;
    }
  | { kind: Exclude<TimelineActorKind, 'resident'>; label: LocalizedText };

export interface TimelineEntry {
  type: ProposalModuleEvent['type'];
  at: string;
  who: TimelineActor;
  summary: LocalizedText;
  /** The event's fields without resident ids (changes and previous values, reasons, survey). */
  details: unknown;
  roundTableId: string | null;
}

export interface PoolEntry {
  proposalId: string;
  title: string;
  category: ProjectCategory;
  /** In fen. */
  cost: number;
  coSignCount: number;
  roundTableId: string;
}

export interface IntakeEntry extends ProposalListing {
  /** For the worker to look the author up (resident read model); never shown publicly. */
  authorResidentId: string;
  channel: ProposalChannel;
}

export interface ResidentProposal extends ProposalListing {
  role: 'author' | 'cosigner';
}

type Row = Record<string, unknown>;
const text = (value: unknown): string => String(value);
const optionalText = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
const optionalNumber = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

const LISTING_COLUMNS = `p.proposal_id, p.cycle_id, p.community_id, p.title, p.category,
  p.estimated_cost, p.revised_cost, p.pool_cost, p.status, p.status_reason_zh, p.status_reason_en,
  p.merged_into, p.cosign_count, p.photos, p.submitted_at, p.updated_at`;

function toListing(r: Row): ProposalListing {
  const photos = JSON.parse(text(r.photos)) as Photo[];
  const reasonZh = optionalText(r.status_reason_zh);
  return {
    proposalId: text(r.proposal_id),
    cycleId: text(r.cycle_id),
    communityId: text(r.community_id),
    title: text(r.title),
    category: text(r.category) as ProjectCategory,
    estimatedCost: Number(r.estimated_cost),
    revisedCost: optionalNumber(r.revised_cost),
    poolCost: optionalNumber(r.pool_cost),
    status: text(r.status) as ProposalDisplayStatus,
    statusReason: reasonZh === null ? null : { 'zh-CN': reasonZh, en: text(r.status_reason_en) },
    mergedInto: optionalText(r.merged_into),
    coSignCount: Number(r.cosign_count),
    coverPhoto: photos[0] ?? null,
    submittedAt: text(r.submitted_at),
    updatedAt: text(r.updated_at),
  };
}

export const proposalDisplayStatuses = Object.keys(proposalStatusText) as ProposalDisplayStatus[];

export interface ProposalFilter {
  cycleId: string;
  communityId?: string | undefined;
  category?: ProjectCategory | undefined;
  /** One status or several. */
  status?: ProposalDisplayStatus | readonly ProposalDisplayStatus[] | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** A cycle's proposals, of one community or all, filtered; in the order submitted. */
export async function listProposals(
  db: SqlExecutor,
  filter: ProposalFilter,
): Promise<ProposalListing[]> {
  const where = ['p.cycle_id = ?'];
  const params: SqlValue[] = [filter.cycleId];
  if (filter.communityId !== undefined) {
    where.push('p.community_id = ?');
    params.push(filter.communityId);
  }
  if (filter.category !== undefined) {
    where.push('p.category = ?');
    params.push(filter.category);
  }
  if (filter.status !== undefined) {
    const statuses = typeof filter.status === 'string' ? [filter.status] : filter.status;
    if (statuses.length === 0) return [];
    where.push(`p.status IN (${statuses.map(() => '?').join(', ')})`);
    params.push(...statuses);
  }
  const rows = await db.all(
    `SELECT ${LISTING_COLUMNS} FROM prop_proposals p WHERE ${where.join(' AND ')}
     ORDER BY p.submitted_position LIMIT ? OFFSET ?`,
    [...params, filter.limit ?? 200, filter.offset ?? 0],
  );
  return rows.map(toListing);
}

/** How many proposals of a cycle (and community) are in each status. */
export async function countProposalsByStatus(
  db: SqlExecutor,
  query: { cycleId: string; communityId?: string },
): Promise<Partial<Record<ProposalDisplayStatus, number>>> {
  const rows = await db.all(
    `SELECT status, count(*) AS n FROM prop_proposals
     WHERE cycle_id = ? ${query.communityId === undefined ? '' : 'AND community_id = ?'}
     GROUP BY status`,
    query.communityId === undefined ? [query.cycleId] : [query.cycleId, query.communityId],
  );
  return Object.fromEntries(rows.map((r) => [text(r.status), Number(r.n)]));
}

export async function readProposal(
  db: SqlExecutor,
  proposalId: string,
): Promise<ProposalView | undefined> {
  const row = await db.get(
    `SELECT ${LISTING_COLUMNS}, p.street_id, p.description, p.location, p.channel,
       p.round_table_id, p.revision, p.carried_to, p.carried_from,
       (SELECT count(*) FROM prop_participants a
        WHERE a.proposal_id = p.proposal_id AND a.role = 'author') AS author_count
     FROM prop_proposals p WHERE p.proposal_id = ?`,
    [proposalId],
  );
  if (!row) return undefined;
  return {
    ...toListing(row),
    streetId: text(row.street_id),
    description: text(row.description),
    location: JSON.parse(text(row.location)) as ProposalLocation,
    photos: JSON.parse(text(row.photos)) as Photo[],
    channel: text(row.channel) as ProposalChannel,
    roundTableId: optionalText(row.round_table_id),
    authorCount: Number(row.author_count),
    carriedTo: optionalText(row.carried_to),
    carriedFrom: optionalText(row.carried_from),
    revision: text(row.revision),
  };
}

const roleText: Record<Exclude<TimelineActorKind, 'resident'>, LocalizedText> = {
  community_worker: { 'zh-CN': '社区工作者', en: 'Community worker' },
  consultant: { 'zh-CN': '项目顾问', en: 'Project consultant' },
  department: { 'zh-CN': '职能部门', en: 'Functional department' },
  round_table: { 'zh-CN': '邻里圆桌会', en: 'Neighbourhood round-table' },
};

/** Every event of the proposal, oldest first, with who (by label or role) and when. */
export async function readProposalTimeline(
  db: SqlExecutor,
  proposalId: string,
): Promise<TimelineEntry[]> {
  const rows = await db.all(
    `SELECT t.type, t.at, t.actor_kind, t.resident_id, t.channel, t.round_table_id, t.summary_zh,
       t.summary_en, t.details, f.resident_id AS forgotten
     FROM prop_timeline t
     LEFT JOIN prop_forgotten_residents f ON f.resident_id = t.resident_id
     WHERE t.proposal_id = ? ORDER BY t.position`,
    [proposalId],
  );
  return rows.map((r) => {
    const kind = text(r.actor_kind) as TimelineActorKind;
    const who: TimelineActor =
      kind === 'resident'
        ? {
            kind,
            label: residentLabel(proposalId, text(r.resident_id), r.forgotten !== null),
            via: text(r.channel),
          }
        : { kind, label: roleText[kind] };
    return {
      type: text(r.type) as TimelineEntry['type'],
      at: text(r.at),
      who,
      summary: { 'zh-CN': text(r.summary_zh), en: text(r.summary_en) },
      details: JSON.parse(text(r.details)) as unknown,
      roundTableId: optionalText(r.round_table_id),
    };
  });
}

/** The project pool (项目库) of a community in a cycle, in the order admitted. */
export async function listProjectPool(
  db: SqlExecutor,
  query: { cycleId: string; communityId: string },
): Promise<PoolEntry[]> {
  const rows = await db.all(
    `SELECT proposal_id, title, category, pool_cost, cosign_count, round_table_id
     FROM prop_proposals
     WHERE cycle_id = ? AND community_id = ? AND status = 'pool'
     ORDER BY decided_position`,
    [query.cycleId, query.communityId],
  );
  return rows.map((r) => ({
    proposalId: text(r.proposal_id),
    title: text(r.title),
    category: text(r.category) as ProjectCategory,
    cost: Number(r.pool_cost),
    coSignCount: Number(r.cosign_count),
    roundTableId: text(r.round_table_id),
  }));
}

/**
 * A worker's intake queue: the community's proposals awaiting a screening act (submitted, under
 * screening, resubmitted), oldest first; of one cycle, or of every cycle.
 */
export async function listIntakeQueue(
  db: SqlExecutor,
  query: { communityId: string; cycleId?: string },
): Promise<IntakeEntry[]> {
  const rows = await db.all(
    `SELECT ${LISTING_COLUMNS}, p.author_resident_id, p.channel FROM prop_proposals p
     WHERE p.community_id = ? AND p.status IN ('submitted', 'under_screening', 'resubmitted')
       ${query.cycleId === undefined ? '' : 'AND p.cycle_id = ?'}
     ORDER BY p.submitted_position`,
    query.cycleId === undefined ? [query.communityId] : [query.communityId, query.cycleId],
  );
  return rows.map((r) => ({
    ...toListing(r),
    authorResidentId: text(r.author_resident_id),
    channel: text(r.channel) as ProposalChannel,
  }));
}

/** The proposals a resident authored or co-signed, newest first. */
export async function listProposalsOfResident(
  db: SqlExecutor,
  residentId: string,
): Promise<ResidentProposal[]> {
  const rows = await db.all(
    `SELECT ${LISTING_COLUMNS}, a.role FROM prop_participants a
     JOIN prop_proposals p ON p.proposal_id = a.proposal_id
     WHERE a.resident_id = ? ORDER BY a.joined_position DESC`,
    [residentId],
  );
  return rows.map((r) => ({ ...toListing(r), role: text(r.role) as ResidentProposal['role'] }));
}

/** Whether the resident is an author or co-signer of the proposal (for the co-sign button). */
export async function readParticipation(
  db: SqlExecutor,
  proposalId: string,
  residentId: string,
): Promise<'author' | 'cosigner' | undefined> {
  const row = await db.get(
    'SELECT role FROM prop_participants WHERE proposal_id = ? AND resident_id = ?',
    [proposalId, residentId],
  );
  return row && (text(row.role) as 'author' | 'cosigner');
}
