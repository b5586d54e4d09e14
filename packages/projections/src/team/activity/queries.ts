// Reads of the activity read model (projection.ts).
import type { SqlExecutor, SqlRow } from '../../types.ts';

export type ShiftPersonStatus = 'signed_up' | 'wait_listed' | 'cancelled' | 'no_show' | 'walked_in';

export interface ShiftPersonRow {
  accountId: string;
  status: ShiftPersonStatus;
  confirmed: boolean;
  checkedInAt: string | null;
  checkedOutAt: string | null;
}

export interface ShiftRow {
  shiftId: string;
  activityId: string;
  teamId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string;
  slots: number;
  closed: boolean;
  /** Holding a place now. */
  taken: number;
  waiting: number;
}

export interface ActivityRow {
  activityId: string;
  teamId: string;
  title: string;
  description: string;
  shifts: ShiftRow[];
}

const optionalText = (v: unknown) => (v === null || v === undefined ? null : String(v));

const SHIFT_COLUMNS = `s.shift_id, s.activity_id, s.team_id, a.title, s.starts_at, s.ends_at,
  s.place, s.slots, s.closed,
  (SELECT COUNT(*) FROM vol_shift_people p
    WHERE p.shift_id = s.shift_id AND p.status = 'signed_up') AS taken,
  (SELECT COUNT(*) FROM vol_shift_people p
    WHERE p.shift_id = s.shift_id AND p.status = 'wait_listed') AS waiting`;

const toShift = (r: SqlRow): ShiftRow => ({
  shiftId: String(r.shift_id),
  activityId: String(r.activity_id),
  teamId: String(r.team_id),
  title: String(r.title),
  startsAt: String(r.starts_at),
  endsAt: String(r.ends_at),
  place: String(r.place),
  slots: Number(r.slots),
  closed: Number(r.closed) === 1,
  taken: Number(r.taken),
  waiting: Number(r.waiting),
});

/** A team's activities, newest first, with their shifts in time order. */
export async function listActivities(db: SqlExecutor, teamId: string): Promise<ActivityRow[]> {
  const activities = await db.all(
    `SELECT activity_id, team_id, title, description FROM vol_activities
     WHERE team_id = ? ORDER BY position DESC LIMIT 50`,
    [teamId],
  );
  const shifts = (
    await db.all(
      `SELECT ${SHIFT_COLUMNS} FROM vol_shifts s JOIN vol_activities a ON a.activity_id = s.activity_id
       WHERE s.team_id = ? ORDER BY s.starts_at`,
      [teamId],
    )
  ).map(toShift);
  return activities.map((a) => ({
    activityId: String(a.activity_id),
    teamId: String(a.team_id),
    title: String(a.title),
    description: String(a.description),
    shifts: shifts.filter((s) => s.activityId === String(a.activity_id)),
  }));
}

export async function readShift(db: SqlExecutor, shiftId: string): Promise<ShiftRow | undefined> {
  const row = await db.get(
    `SELECT ${SHIFT_COLUMNS} FROM vol_shifts s JOIN vol_activities a ON a.activity_id = s.activity_id
     WHERE s.shift_id = ?`,
    [shiftId],
  );
  return row && toShift(row);
}

/** A shift's people in the order they signed up (the wait-list in its order). */
export async function listShiftPeople(db: SqlExecutor, shiftId: string): Promise<ShiftPersonRow[]> {
  const rows = await db.all(
    `SELECT account_id, status, confirmed, checked_in_at, checked_out_at FROM vol_shift_people
     WHERE shift_id = ? ORDER BY position`,
    [shiftId],
  );
  return rows.map((r) => ({
    accountId: String(r.account_id),
    status: String(r.status) as ShiftPersonStatus,
    confirmed: Number(r.confirmed) === 1,
    checkedInAt: optionalText(r.checked_in_at),
    checkedOutAt: optionalText(r.checked_out_at),
  }));
}

/** The shifts of `teamIds` that have not ended nor closed, with where `accountId` stands. */
export async function listOpenShifts(
  db: SqlExecutor,
  teamIds: readonly string[],
  accountId: string,
  now: string,
): Promise<(ShiftRow & { mine: ShiftPersonRow | null })[]> {
  if (teamIds.length === 0) return [];
  const rows = await db.all(
    `SELECT ${SHIFT_COLUMNS}, p.status AS my_status, p.confirmed AS my_confirmed,
       p.checked_in_at AS my_in, p.checked_out_at AS my_out
     FROM vol_shifts s JOIN vol_activities a ON a.activity_id = s.activity_id
     LEFT JOIN vol_shift_people p ON p.shift_id = s.shift_id AND p.account_id = ?
     WHERE s.team_id IN (${teamIds.map(() => '?').join(', ')}) AND s.ends_at > ? AND s.closed = 0
     ORDER BY s.starts_at LIMIT 100`,
    [accountId, ...teamIds, now],
  );
  return rows.map((r) => ({
    ...toShift(r),
    mine:
      r.my_status === null || r.my_status === undefined
        ? null
        : {
            accountId,
            status: String(r.my_status) as ShiftPersonStatus,
            confirmed: Number(r.my_confirmed) === 1,
            checkedInAt: optionalText(r.my_in),
            checkedOutAt: optionalText(r.my_out),
          },
  }));
}

/** Shifts starting between `from` and `until` with someone holding a place who has not confirmed. */
export async function listShiftsToRemind(
  db: SqlExecutor,
  from: string,
  until: string,
): Promise<{ activityId: string; shiftId: string }[]> {
  const rows = await db.all(
    `SELECT s.activity_id, s.shift_id FROM vol_shifts s
     WHERE s.starts_at > ? AND s.starts_at <= ? AND s.closed = 0
       AND EXISTS (SELECT 1 FROM vol_shift_people p WHERE p.shift_id = s.shift_id
         AND p.status = 'signed_up' AND p.confirmed = 0 AND p.reminded = 0)
     ORDER BY s.starts_at`,
    [from, until],
  );
  return rows.map((r) => ({ activityId: String(r.activity_id), shiftId: String(r.shift_id) }));
}
