// Reads of the feedback read model (意见共商): a community's queue for its workers, a resident's
// own, and one proposal's feedback with its thread. A proposal is owed feedback when its
// community's last tally counted it and did not select it.
import type { FeedbackGiver, FeedbackSender } from '@gongzhi/domain';
import type { SqlExecutor, SqlValue } from '../../types.ts';

export interface FeedbackListing {
  proposalId: string;
  cycleId: string;
  communityId: string;
  title: string;
  votes: number;
  /** When feedback was given; null while the author is still waiting for it. */
  feedbackAt: string | null;
  /** Who wrote last in the thread: the author's message awaits the community's reply. */
  lastFrom: FeedbackSender | null;
  lastAt: string | null;
  /** The proposal it was carried into, in a later cycle. */
  carriedTo: string | null;
}

export interface FeedbackQueueEntry extends FeedbackListing {
  /** For the worker to see whom they answer; never shown publicly. */
  authorResidentId: string;
}

export interface FeedbackMessage {
  from: FeedbackSender;
  text: string;
  /** online, proxy, offline: how the message reached the system. */
  channel: string;
  at: string;
}

export interface FeedbackThread {
  proposalId: string;
  cycleId: string;
  streetId: string;
  communityId: string;
  title: string;
  authorResidentId: string;
  /** The community's last tally: votes and whether it was selected; null before any count. */
  outcome: { votes: number; selected: boolean } | null;
  feedback: {
    givenBy: FeedbackGiver;
    representatives: string[];
    reason: string;
    suggestions: string;
    at: string;
  } | null;
  messages: FeedbackMessage[];
  carriedTo: { proposalId: string; cycleId: string } | null;
  carriedFrom: string | null;
}

type Row = Record<string, unknown>;
const text = (value: unknown): string => String(value);
const optionalText = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

const LISTING = `p.proposal_id, p.cycle_id, p.community_id, p.title, p.author_resident_id,
  p.carried_to, o.votes, f.given_at, f.last_from, f.last_at
  FROM prop_outcomes o
  JOIN prop_feedback_proposals p ON p.proposal_id = o.proposal_id
  LEFT JOIN prop_feedback f ON f.proposal_id = o.proposal_id`;

/** Pool proposals the last tally did not select; withdrawn or merged ones are not owed feedback. */
const NOT_SELECTED = `o.selected = 0 AND p.in_pool = 1`;

const toListing = (r: Row): FeedbackListing => ({
  proposalId: text(r.proposal_id),
  cycleId: text(r.cycle_id),
  communityId: text(r.community_id),
  title: text(r.title),
  votes: Number(r.votes),
  feedbackAt: optionalText(r.given_at),
  lastFrom: optionalText(r.last_from) as FeedbackSender | null,
  lastAt: optionalText(r.last_at),
  carriedTo: optionalText(r.carried_to),
});

/**
 * A community's proposals not selected: those still waiting for feedback first (oldest tally
 * first), then those whose author wrote last, then the rest; of one cycle or of every cycle.
 */
export async function listFeedbackQueue(
  db: SqlExecutor,
  query: { communityId: string; cycleId?: string | undefined },
): Promise<FeedbackQueueEntry[]> {
  const params: SqlValue[] = [query.communityId];
  if (query.cycleId !== undefined) params.push(query.cycleId);
  const rows = await db.all(
    `SELECT ${LISTING}
     WHERE o.community_id = ? AND ${NOT_SELECTED}
       ${query.cycleId === undefined ? '' : 'AND o.cycle_id = ?'}
     ORDER BY CASE WHEN f.given_at IS NULL THEN 0 WHEN f.last_from = 'author' THEN 1 ELSE 2 END,
       o.tallied_at, p.submitted_position`,
    params,
  );
  return rows.map((r) => ({ ...toListing(r), authorResidentId: text(r.author_resident_id) }));
}

/** How many authors of the community wait for feedback, and for a reply in their thread. */
export async function countFeedbackWaiting(
  db: SqlExecutor,
  query: { communityId: string; cycleId?: string | undefined },
): Promise<{ awaitingFeedback: number; awaitingReply: number }> {
  const params: SqlValue[] = [query.communityId];
  if (query.cycleId !== undefined) params.push(query.cycleId);
  const row = await db.get(
    `SELECT
       SUM(CASE WHEN f.given_at IS NULL THEN 1 ELSE 0 END) AS awaiting_feedback,
       SUM(CASE WHEN f.last_from = 'author' THEN 1 ELSE 0 END) AS awaiting_reply
     FROM prop_outcomes o
     JOIN prop_feedback_proposals p ON p.proposal_id = o.proposal_id
     LEFT JOIN prop_feedback f ON f.proposal_id = o.proposal_id
     WHERE o.community_id = ? AND ${NOT_SELECTED}
       ${query.cycleId === undefined ? '' : 'AND o.cycle_id = ?'}`,
    params,
  );
  return {
    awaitingFeedback: Number(row?.awaiting_feedback ?? 0),
    awaitingReply: Number(row?.awaiting_reply ?? 0),
  };
}

export interface FeedbackOwed {
  proposalId: string;
  cycleId: string;
  communityId: string;
  title: string;
  /** When the tally that did not select it was recorded. */
  talliedAt: string;
}

/**
 * The proposals whose authors still wait for feedback, of a cycle or of some communities, by
 * community then in order of submission: what closing a cycle waits for, and what the staff's
 * inbox lists.
 */
export async function listFeedbackOwed(
  db: SqlExecutor,
  where: { cycleId: string } | { communityIds: readonly string[] },
): Promise<FeedbackOwed[]> {
  const [place, params] =
    'cycleId' in where
      ? ['o.cycle_id = ?', [where.cycleId]]
      : [`o.community_id IN (${where.communityIds.map(() => '?').join(', ')})`, where.communityIds];
  if (params.length === 0) return [];
  const rows = await db.all(
    `SELECT p.proposal_id, p.cycle_id, p.community_id, p.title, o.tallied_at
     FROM prop_outcomes o
     JOIN prop_feedback_proposals p ON p.proposal_id = o.proposal_id
     LEFT JOIN prop_feedback f ON f.proposal_id = o.proposal_id
     WHERE ${place} AND ${NOT_SELECTED} AND f.given_at IS NULL
     ORDER BY p.community_id, p.submitted_position`,
    [...params],
  );
  return rows.map((r) => ({
    proposalId: text(r.proposal_id),
    cycleId: text(r.cycle_id),
    communityId: text(r.community_id),
    title: text(r.title),
    talliedAt: text(r.tallied_at),
  }));
}

/** The proposals a resident authored that were not selected, newest tally first. */
export async function listFeedbackOfResident(
  db: SqlExecutor,
  residentId: string,
): Promise<FeedbackListing[]> {
  const rows = await db.all(
    `SELECT ${LISTING}
     JOIN prop_feedback_authors a ON a.proposal_id = p.proposal_id
     WHERE a.resident_id = ? AND ${NOT_SELECTED}
     ORDER BY o.tallied_at DESC, p.submitted_position DESC`,
    [residentId],
  );
  return rows.map(toListing);
}

/** A proposal's outcome, feedback, thread (oldest first) and where it was carried. */
export async function readFeedbackThread(
  db: SqlExecutor,
  proposalId: string,
): Promise<FeedbackThread | undefined> {
  const row = await db.get(
    `SELECT p.proposal_id, p.cycle_id, p.street_id, p.community_id, p.title,
       p.author_resident_id, p.carried_to, p.carried_to_cycle, p.carried_from,
       o.votes, o.selected, f.given_by, f.representatives, f.reason, f.suggestions, f.given_at
     FROM prop_feedback_proposals p
     LEFT JOIN prop_outcomes o ON o.proposal_id = p.proposal_id
     LEFT JOIN prop_feedback f ON f.proposal_id = p.proposal_id
     WHERE p.proposal_id = ?`,
    [proposalId],
  );
  if (!row) return undefined;
  const messages = await db.all(
    `SELECT sender, text, channel, at FROM prop_feedback_messages
     WHERE proposal_id = ? ORDER BY position`,
    [proposalId],
  );
  const carriedTo = optionalText(row.carried_to);
  return {
    proposalId: text(row.proposal_id),
    cycleId: text(row.cycle_id),
    streetId: text(row.street_id),
    communityId: text(row.community_id),
    title: text(row.title),
    authorResidentId: text(row.author_resident_id),
    outcome:
      row.votes === null || row.votes === undefined
        ? null
        : { votes: Number(row.votes), selected: Number(row.selected) === 1 },
    feedback:
      row.given_at === null || row.given_at === undefined
        ? null
        : {
            givenBy: text(row.given_by) as FeedbackGiver,
            representatives: JSON.parse(text(row.representatives)) as string[],
            reason: text(row.reason),
            suggestions: text(row.suggestions),
            at: text(row.given_at),
          },
    messages: messages.map((m) => ({
      from: text(m.sender) as FeedbackSender,
      text: text(m.text),
      channel: text(m.channel),
      at: text(m.at),
    })),
    carriedTo:
      carriedTo === null ? null : { proposalId: carriedTo, cycleId: text(row.carried_to_cycle) },
    carriedFrom: optionalText(row.carried_from),
  };
}
