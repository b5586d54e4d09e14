// Queries on the meeting read model (projection.ts).
import type {
  AgendaItem,
  BodyKind,
  BodyRules,
  MeetingEventData,
  MemberKind,
  MemberRole,
  RosterLine,
} from '@gongzhi/domain';
import type { SqlExecutor, SqlRow } from '../types.ts';

export interface BodyView {
  bodyId: string;
  communityId: string | null;
  streetId: string;
  kind: BodyKind;
  name: string;
  rules: BodyRules;
}

export interface SpellView {
  residentId: string;
  kind: MemberKind;
  role: MemberRole;
  from: string;
  until: string | null;
}

export interface MeetingView {
  meetingId: string;
  bodyId: string;
  communityId: string | null;
  streetId: string;
  bodyKind: BodyKind;
  title: string;
  agenda: AgendaItem[];
  startsAt: string;
  place: string;
  noticedAt: string;
  rules: BodyRules;
  lateNotice: boolean;
  roster: RosterLine[];
  status: 'convened' | 'closed';
  closedAt: string | null;
}

export interface AttendanceView {
  residentId: string;
  as: 'member' | 'attendee';
  via: 'code' | 'worker';
  present: boolean;
  signedInAt: string;
  leftAt: string | null;
}

export interface MotionView {
  motionId: string;
  itemId: string;
  text: string;
  tabledAt: string;
  vote: MeetingEventData<'MotionVoted'> | null;
  votedAt: string | null;
}

const json = <T>(value: unknown): T => JSON.parse(String(value)) as T;

const toBody = (row: SqlRow): BodyView => ({
  bodyId: String(row.body_id),
  communityId: row.community_id === null ? null : String(row.community_id),
  streetId: String(row.street_id),
  kind: String(row.kind) as BodyKind,
  name: String(row.name),
  rules: json<BodyRules>(row.rules),
});

const toMeeting = (row: SqlRow): MeetingView => ({
  meetingId: String(row.meeting_id),
  bodyId: String(row.body_id),
  communityId: row.community_id === null ? null : String(row.community_id),
  streetId: String(row.street_id),
  bodyKind: String(row.body_kind) as BodyKind,
  title: String(row.title),
  agenda: json<AgendaItem[]>(row.agenda),
  startsAt: String(row.starts_at),
  place: String(row.place),
  noticedAt: String(row.noticed_at),
  rules: json<BodyRules>(row.rules),
  lateNotice: Number(row.late_notice) === 1,
  roster: json<RosterLine[]>(row.roster),
  status: String(row.status) as MeetingView['status'],
  closedAt: row.closed_at === null ? null : String(row.closed_at),
});

/** Where bodies sit: a community, or a street's own level (not its communities' bodies). */
export type BodyLevel = { communityId: string } | { streetId: string };

const atLevel = (level: BodyLevel) =>
  'communityId' in level
    ? { sql: 'community_id = ?', arg: level.communityId }
    : { sql: 'community_id IS NULL AND street_id = ?', arg: level.streetId };

/** The bodies of a community, or a street's own bodies, oldest first. */
export async function listBodies(db: SqlExecutor, level: BodyLevel): Promise<BodyView[]> {
  const at = atLevel(level);
  const rows = await db.all(`SELECT * FROM mtg_bodies WHERE ${at.sql} ORDER BY position`, [at.arg]);
  return rows.map(toBody);
}

export async function readBody(db: SqlExecutor, bodyId: string): Promise<BodyView | undefined> {
  const row = await db.get(`SELECT * FROM mtg_bodies WHERE body_id = ?`, [bodyId]);
  return row && toBody(row);
}

/** Every spell on a body's roster, in the order they began. */
export async function listSpells(db: SqlExecutor, bodyId: string): Promise<SpellView[]> {
  const rows = await db.all(`SELECT * FROM mtg_spells WHERE body_id = ? ORDER BY position`, [
    bodyId,
  ]);
  return rows.map((row) => ({
    residentId: String(row.resident_id),
    kind: String(row.kind) as MemberKind,
    role: String(row.role) as MemberRole,
    from: String(row.from_day),
    until: row.until_day === null ? null : String(row.until_day),
  }));
}

/** The meetings of a community's or a street's own bodies (or of one body), latest first. */
export async function listMeetings(
  db: SqlExecutor,
  query: BodyLevel & { bodyId?: string },
): Promise<MeetingView[]> {
  const at = atLevel(query);
  const rows =
    query.bodyId === undefined
      ? await db.all(
          `SELECT * FROM mtg_meetings WHERE ${at.sql} ORDER BY starts_at DESC, meeting_id`,
          [at.arg],
        )
      : await db.all(
          `SELECT * FROM mtg_meetings WHERE ${at.sql} AND body_id = ?
           ORDER BY starts_at DESC, meeting_id`,
          [at.arg, query.bodyId],
        );
  return rows.map(toMeeting);
}

export async function readMeeting(
  db: SqlExecutor,
  meetingId: string,
): Promise<MeetingView | undefined> {
  const row = await db.get(`SELECT * FROM mtg_meetings WHERE meeting_id = ?`, [meetingId]);
  return row && toMeeting(row);
}

/** Everyone who signed in to the meeting, present or gone, in the order they first came. */
export async function listAttendance(
  db: SqlExecutor,
  meetingId: string,
): Promise<AttendanceView[]> {
  const rows = await db.all(
    `SELECT * FROM mtg_attendance WHERE meeting_id = ? ORDER BY signed_in_at, resident_id`,
    [meetingId],
  );
  return rows.map((row) => ({
    residentId: String(row.resident_id),
    as: String(row.attends_as) as AttendanceView['as'],
    via: String(row.via) as AttendanceView['via'],
    present: Number(row.present) === 1,
    signedInAt: String(row.signed_in_at),
    leftAt: row.left_at === null ? null : String(row.left_at),
  }));
}

/** Who is present at the meeting now. */
export async function listPresent(db: SqlExecutor, meetingId: string): Promise<string[]> {
  const rows = await db.all<{ resident_id: string }>(
    `SELECT resident_id FROM mtg_attendance WHERE meeting_id = ? AND present = 1`,
    [meetingId],
  );
  return rows.map((row) => String(row.resident_id));
}

export async function listMotions(db: SqlExecutor, meetingId: string): Promise<MotionView[]> {
  const rows = await db.all(`SELECT * FROM mtg_motions WHERE meeting_id = ? ORDER BY position`, [
    meetingId,
  ]);
  return rows.map((row) => ({
    motionId: String(row.motion_id),
    itemId: String(row.item_id),
    text: String(row.text),
    tabledAt: String(row.tabled_at),
    vote: row.vote === null ? null : json<MeetingEventData<'MotionVoted'>>(row.vote),
    votedAt: row.voted_at === null ? null : String(row.voted_at),
  }));
}
