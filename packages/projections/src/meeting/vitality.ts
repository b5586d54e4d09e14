// What the vitality index (docs/vitality-index.md) reads off the meeting read model for a
// community or a street over a span of time: each meeting's public facts (notice, roster size,
// members present, motions tabled and voted on), and each body's roster spells for the meetings
// planned. Three queries whatever the number of meetings, so a street's year stays cheap.
import type { BodyRules, QuorumRule, RosterLine } from '@gongzhi/domain';
import type { SqlExecutor } from '../types.ts';

export type VitalityPlace =
  { type: 'community'; communityId: string } | { type: 'street'; streetId: string };

export interface MeetingFactsRow {
  meetingId: string;
  bodyId: string;
  communityId: string | null;
  title: string;
  startsAt: string;
  status: 'convened' | 'closed';
  lateNotice: boolean;
  quorumRule: QuorumRule;
  /** Voting members on the roster (the recorder does not vote). */
  entitled: number;
  /** Voting members on the roster present now (at the close, for a closed meeting). */
  membersPresent: number;
  motions: number;
  voted: number;
}

export interface BodySpellsRow {
  bodyId: string;
  communityId: string | null;
  /** Spells of voting members (chair and members): from, until (exclusive, null while open). */
  spells: { from: string; until: string | null }[];
}

const where = (place: VitalityPlace, alias: string) =>
  place.type === 'community'
    ? { sql: `${alias}.community_id = ?`, arg: place.communityId }
    : { sql: `${alias}.street_id = ?`, arg: place.streetId };

/** The meetings of a place starting in [from, to) (ISO-8601 UTC), with their public facts. */
export async function listMeetingFacts(
  db: SqlExecutor,
  place: VitalityPlace,
  from: string,
  to: string,
): Promise<MeetingFactsRow[]> {
  const m = where(place, 'm');
  const range = [m.arg, from, to];
  const [meetings, present, motions] = await Promise.all([
    db.all(
      `SELECT m.meeting_id, m.body_id, m.community_id, m.title, m.starts_at, m.status,
              m.late_notice, m.rules, m.roster
       FROM mtg_meetings m WHERE ${m.sql} AND m.starts_at >= ? AND m.starts_at < ?
       ORDER BY m.starts_at, m.meeting_id`,
      range,
    ),
    db.all(
      `SELECT a.meeting_id, a.resident_id FROM mtg_attendance a
       JOIN mtg_meetings m ON m.meeting_id = a.meeting_id
       WHERE ${m.sql} AND m.starts_at >= ? AND m.starts_at < ?
         AND a.present = 1 AND a.attends_as = 'member'`,
      range,
    ),
    db.all(
      `SELECT o.meeting_id, COUNT(*) AS tabled, COUNT(o.vote) AS voted FROM mtg_motions o
       JOIN mtg_meetings m ON m.meeting_id = o.meeting_id
       WHERE ${m.sql} AND m.starts_at >= ? AND m.starts_at < ?
       GROUP BY o.meeting_id`,
      range,
    ),
  ]);
  const presentBy = new Map<string, Set<string>>();
  for (const row of present) {
    const id = String(row.meeting_id);
    const set = presentBy.get(id) ?? new Set<string>();
    set.add(String(row.resident_id));
    presentBy.set(id, set);
  }
  const motionsBy = new Map(
    motions.map((row) => [
      String(row.meeting_id),
      { tabled: Number(row.tabled), voted: Number(row.voted) },
    ]),
  );
  return meetings.map((row) => {
    const meetingId = String(row.meeting_id);
    const voting = (JSON.parse(String(row.roster)) as RosterLine[]).filter(
      (line) => line.role !== 'recorder',
    );
    const here = presentBy.get(meetingId);
    const counts = motionsBy.get(meetingId);
    return {
      meetingId,
      bodyId: String(row.body_id),
      communityId: row.community_id === null ? null : String(row.community_id),
      title: String(row.title),
      startsAt: String(row.starts_at),
      status: String(row.status) as MeetingFactsRow['status'],
      lateNotice: Number(row.late_notice) === 1,
      quorumRule: (JSON.parse(String(row.rules)) as BodyRules).quorum,
      entitled: voting.length,
      membersPresent: here ? voting.filter((line) => here.has(line.residentId)).length : 0,
      motions: counts?.tabled ?? 0,
      voted: counts?.voted ?? 0,
    };
  });
}

/** The bodies of a place with their voting members' spells (for the meetings planned). */
export async function listBodySpells(
  db: SqlExecutor,
  place: VitalityPlace,
): Promise<BodySpellsRow[]> {
  const b = where(place, 'b');
  const rows = await db.all(
    `SELECT b.body_id, b.community_id, s.from_day, s.until_day FROM mtg_bodies b
     LEFT JOIN mtg_spells s ON s.body_id = b.body_id AND s.role <> 'recorder'
     WHERE ${b.sql} ORDER BY b.position`,
    [b.arg],
  );
  const bodies = new Map<string, BodySpellsRow>();
  for (const row of rows) {
    const bodyId = String(row.body_id);
    let body = bodies.get(bodyId);
    if (!body) {
      body = {
        bodyId,
        communityId: row.community_id === null ? null : String(row.community_id),
        spells: [],
      };
      bodies.set(bodyId, body);
    }
    if (row.from_day !== null) {
      body.spells.push({
        from: String(row.from_day),
        until: row.until_day === null ? null : String(row.until_day),
      });
    }
  }
  return [...bodies.values()];
}
