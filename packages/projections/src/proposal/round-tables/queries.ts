// Reads of the round-table read model: public, no resident appears in them.
import type { Attendee, LocalizedText } from '@gongzhi/domain';
import type { SqlExecutor } from '../../types.ts';

export interface RoundTableView {
  roundTableId: string;
  cycleId: string;
  communityId: string;
  date: string;
  attendees: Attendee[];
  notes: string | null;
  decisions: {
    proposalId: string;
    title: string;
    decision:
      'ProposalAdmittedToPool' | 'ProposalRejectedAtRoundTable' | 'ProposalReturnedForRevision';
    summary: LocalizedText;
  }[];
}

const text = (value: unknown): string => String(value);
const optionalText = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

/** The round-tables of a community's screening in a cycle, in the order recorded, with decisions. */
export async function listRoundTables(
  db: SqlExecutor,
  query: { cycleId: string; communityId: string },
): Promise<RoundTableView[]> {
  const meetings = await db.all(
    `SELECT round_table_id, cycle_id, community_id, date, attendees, notes FROM prop_round_tables
     WHERE cycle_id = ? AND community_id = ? ORDER BY held_position`,
    [query.cycleId, query.communityId],
  );
  const decisions = await db.all(
    `SELECT d.round_table_id, d.proposal_id, p.title, d.type, d.summary_zh, d.summary_en
     FROM prop_round_table_decisions d
     JOIN prop_round_table_titles p ON p.proposal_id = d.proposal_id
     WHERE d.round_table_id IN (SELECT round_table_id FROM prop_round_tables
                                WHERE cycle_id = ? AND community_id = ?)
     ORDER BY d.position`,
    [query.cycleId, query.communityId],
  );
  return meetings.map((m) => ({
    roundTableId: text(m.round_table_id),
    cycleId: text(m.cycle_id),
    communityId: text(m.community_id),
    date: text(m.date),
    attendees: JSON.parse(text(m.attendees)) as Attendee[],
    notes: optionalText(m.notes),
    decisions: decisions
      .filter((d) => text(d.round_table_id) === text(m.round_table_id))
      .map((d) => ({
        proposalId: text(d.proposal_id),
        title: text(d.title),
        decision: text(d.type) as RoundTableView['decisions'][number]['decision'],
        summary: { 'zh-CN': text(d.summary_zh), en: text(d.summary_en) },
      })),
  }));
}
