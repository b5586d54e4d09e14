// Reads of the team read model (projection.ts). Hours are sums of confirmed records' minutes on
// site; nothing here ranks people.
import type { Organiser, TeamKind } from '@gongzhi/domain';
import type { SqlExecutor, SqlRow } from '../types.ts';

export type TeamPersonStanding = 'requested' | 'member' | 'leader' | 'declined' | 'left';

export interface TeamRow {
  teamId: string;
  kind: TeamKind;
  name: string;
  description: string;
  streetId: string;
  communityId: string | null;
  organiser: Organiser;
  skills: string[];
  registeredAt: string;
  /** People serving now: members and leaders. */
  people: number;
  /** Minutes of confirmed service, all time. */
  minutesServed: number;
}

export interface TeamPersonRow {
  accountId: string;
  standing: TeamPersonStanding;
  note: string | null;
  reason: string | null;
  since: string;
}

export interface ServiceRecordRow {
  recordId: string;
  teamId: string;
  teamName: string;
  volunteerId: string;
  date: string;
  startedAt: string;
  endedAt: string;
  minutes: number;
  place: string;
  content: string;
  activityId: string | null;
  shiftId: string | null;
  status: 'recorded' | 'confirmed';
  evaluation: string | null;
  /** A correction the volunteer asked for, waiting. */
  correction: { startedAt: string; endedAt: string; reason: string; requestedAt: string } | null;
  /** The last decision on a correction. */
  decision: { decision: 'accepted' | 'declined'; reason: string; decidedAt: string } | null;
}

const json = <T>(value: unknown): T | null =>
  value === null || value === undefined ? null : (JSON.parse(String(value)) as T);
const optionalText = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

const TEAM_COLUMNS = `t.team_id, t.kind, t.name, t.description, t.street_id, t.community_id,
  t.organiser, t.skills, t.registered_at,
  (SELECT COUNT(*) FROM vol_team_people p
    WHERE p.team_id = t.team_id AND p.standing IN ('member', 'leader')) AS people,
  (SELECT COALESCE(SUM(r.minutes), 0) FROM vol_records r
    WHERE r.team_id = t.team_id AND r.status = 'confirmed') AS minutes_served`;

const toTeam = (r: SqlRow): TeamRow => ({
  teamId: String(r.team_id),
  kind: String(r.kind) as TeamKind,
  name: String(r.name),
  description: String(r.description),
  streetId: String(r.street_id),
  communityId: optionalText(r.community_id),
  organiser: json<Organiser>(r.organiser)!,
  skills: json<string[]>(r.skills)!,
  registeredAt: String(r.registered_at),
  people: Number(r.people),
  minutesServed: Number(r.minutes_served),
});

export async function readTeam(db: SqlExecutor, teamId: string): Promise<TeamRow | undefined> {
  const row = await db.get(`SELECT ${TEAM_COLUMNS} FROM vol_teams t WHERE t.team_id = ?`, [teamId]);
  return row && toTeam(row);
}

/** Teams in registration order: all, or those of a street or a community. */
export async function listTeams(
  db: SqlExecutor,
  filter: { streetId?: string; communityId?: string } = {},
): Promise<TeamRow[]> {
  const rows = filter.communityId
    ? await db.all(
        `SELECT ${TEAM_COLUMNS} FROM vol_teams t WHERE t.community_id = ? ORDER BY t.position`,
        [filter.communityId],
      )
    : filter.streetId
      ? await db.all(
          `SELECT ${TEAM_COLUMNS} FROM vol_teams t WHERE t.street_id = ? ORDER BY t.position`,
          [filter.streetId],
        )
      : await db.all(`SELECT ${TEAM_COLUMNS} FROM vol_teams t ORDER BY t.position`);
  return rows.map(toTeam);
}

const toPerson = (r: SqlRow): TeamPersonRow => ({
  accountId: String(r.account_id),
  standing: String(r.standing) as TeamPersonStanding,
  note: optionalText(r.note),
  reason: optionalText(r.reason),
  since: String(r.since),
});

/** A team's people, by standing then since when. */
export async function listTeamPeople(db: SqlExecutor, teamId: string): Promise<TeamPersonRow[]> {
  const rows = await db.all(
    `SELECT account_id, standing, note, reason, since FROM vol_team_people
     WHERE team_id = ? ORDER BY standing, since, account_id`,
    [teamId],
  );
  return rows.map(toPerson);
}

/** The teams an account stands in (any standing, including declined and left). */
export async function listTeamsOf(
  db: SqlExecutor,
  accountId: string,
): Promise<(TeamPersonRow & { teamId: string; teamName: string })[]> {
  const rows = await db.all(
    `SELECT p.team_id, t.name, p.account_id, p.standing, p.note, p.reason, p.since
     FROM vol_team_people p JOIN vol_teams t ON t.team_id = p.team_id
     WHERE p.account_id = ? ORDER BY t.position`,
    [accountId],
  );
  return rows.map((r) => ({ ...toPerson(r), teamId: String(r.team_id), teamName: String(r.name) }));
}

const RECORD_COLUMNS = `r.record_id, r.team_id, t.name AS team_name, r.volunteer_id, r.date,
  r.started_at, r.ended_at, r.minutes, r.place, r.content, r.activity_id, r.shift_id, r.status,
  r.evaluation, r.correction, r.decision`;

const toRecord = (r: SqlRow): ServiceRecordRow => ({
  recordId: String(r.record_id),
  teamId: String(r.team_id),
  teamName: String(r.team_name),
  volunteerId: String(r.volunteer_id),
  date: String(r.date),
  startedAt: String(r.started_at),
  endedAt: String(r.ended_at),
  minutes: Number(r.minutes),
  place: String(r.place),
  content: String(r.content),
  activityId: optionalText(r.activity_id),
  shiftId: optionalText(r.shift_id),
  status: String(r.status) as ServiceRecordRow['status'],
  evaluation: optionalText(r.evaluation),
  correction: json(r.correction),
  decision: json(r.decision),
});

/** A volunteer’s records, newest first. */
export async function listRecordsOf(
  db: SqlExecutor,
  volunteerId: string,
): Promise<ServiceRecordRow[]> {
  const rows = await db.all(
    `SELECT ${RECORD_COLUMNS} FROM vol_records r JOIN vol_teams t ON t.team_id = r.team_id
     WHERE r.volunteer_id = ? ORDER BY r.date DESC, r.started_at DESC`,
    [volunteerId],
  );
  return rows.map(toRecord);
}

/** A team's records, newest first, up to `limit`. */
export async function listTeamRecords(
  db: SqlExecutor,
  teamId: string,
  limit = 200,
): Promise<ServiceRecordRow[]> {
  const rows = await db.all(
    `SELECT ${RECORD_COLUMNS} FROM vol_records r JOIN vol_teams t ON t.team_id = r.team_id
     WHERE r.team_id = ? ORDER BY r.date DESC, r.started_at DESC LIMIT ?`,
    [teamId, limit],
  );
  return rows.map(toRecord);
}

export async function readServiceRecord(
  db: SqlExecutor,
  recordId: string,
): Promise<ServiceRecordRow | undefined> {
  const row = await db.get(
    `SELECT ${RECORD_COLUMNS} FROM vol_records r JOIN vol_teams t ON t.team_id = r.team_id
     WHERE r.record_id = ?`,
    [recordId],
  );
  return row && toRecord(row);
}

/**
 * The confirmed records of a street's teams (or one community's) with service days from `from` to
 * `until` (inclusive), in day order: what hour reports and exports sum (never ranked).
 */
export async function listConfirmedRecords(
  db: SqlExecutor,
  place: { streetId: string; communityId?: string | undefined },
  from: string,
  until: string,
): Promise<ServiceRecordRow[]> {
  const rows = await db.all(
    `SELECT ${RECORD_COLUMNS} FROM vol_records r JOIN vol_teams t ON t.team_id = r.team_id
     WHERE t.street_id = ? AND (? = '' OR t.community_id = ?) AND r.status = 'confirmed'
       AND r.date >= ? AND r.date <= ?
     ORDER BY r.date, r.started_at, r.record_id LIMIT 20000`,
    [place.streetId, place.communityId ?? '', place.communityId ?? '', from, until],
  );
  return rows.map(toRecord);
}

/** Confirmed service summed over a month (and a team, when asked per team). */
export interface ServiceMonth {
  month: string;
  /** Null unless summed per team. */
  teamId: string | null;
  volunteers: number;
  teams: number;
  minutes: number;
  records: number;
}

/**
 * Confirmed service of a street's teams with days from `from` to `until`, summed per month in
 * month order (per team and month with `perTeam`), in the database: the one summary the open
 * data's files and the outcome report both publish, so that they cannot disagree. Volunteers are
 * counted once per month however often they served; callers withhold small counts.
 */
export async function sumServiceByMonth(
  db: SqlExecutor,
  streetId: string,
  from: string,
  until: string,
  perTeam = false,
): Promise<ServiceMonth[]> {
  const team = perTeam ? 'r.team_id' : 'NULL';
  const rows = await db.all(
    `SELECT substr(r.date, 1, 7) AS month, ${team} AS team_id,
            count(DISTINCT r.volunteer_id) AS volunteers, count(DISTINCT r.team_id) AS teams,
            sum(r.minutes) AS minutes, count(*) AS records
     FROM vol_records r JOIN vol_teams t ON t.team_id = r.team_id
     WHERE t.street_id = ? AND r.status = 'confirmed' AND r.date >= ? AND r.date <= ?
     GROUP BY substr(r.date, 1, 7)${perTeam ? ', r.team_id' : ''}
     ORDER BY ${perTeam ? 'r.team_id, ' : ''}substr(r.date, 1, 7)`,
    [streetId, from, until],
  );
  return rows.map((r) => ({
    month: String(r.month),
    teamId: optionalText(r.team_id),
    volunteers: Number(r.volunteers),
    teams: Number(r.teams),
    minutes: Number(r.minutes),
    records: Number(r.records),
  }));
}
