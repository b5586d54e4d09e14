// The activity read model: a team's activities and shifts with who signed up, who waits, who
// confirmed, checked in and out, cancelled or did not come, for the leader's shift page, a
// member's own shifts and the reminders a day ahead.
import { activityEventTypes, parseActivityEvent } from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../../types.ts';

export const activityTables = ['vol_activities', 'vol_shifts', 'vol_shift_people'] as const;
export type ActivityTable = (typeof activityTables)[number];

export const activityProjection: Projection<ActivityTable> = {
  name: 'team_activity',
  version: 1,
  tables: activityTables,
  eventTypes: activityEventTypes,

  schema: (t) => [
    `CREATE TABLE ${t.vol_activities} (
       activity_id TEXT PRIMARY KEY,
       team_id TEXT NOT NULL,
       title TEXT NOT NULL,
       description TEXT NOT NULL,
       planned_at TEXT NOT NULL,
       position BIGINT NOT NULL
     )`,
    `CREATE INDEX ${t.vol_activities}_by_team ON ${t.vol_activities} (team_id, position)`,
    `CREATE TABLE ${t.vol_shifts} (
       shift_id TEXT PRIMARY KEY,
       activity_id TEXT NOT NULL,
       team_id TEXT NOT NULL,
       starts_at TEXT NOT NULL,
       ends_at TEXT NOT NULL,
       place TEXT NOT NULL,
       slots INTEGER NOT NULL,
       closed INTEGER NOT NULL
     )`,
    `CREATE INDEX ${t.vol_shifts}_by_start ON ${t.vol_shifts} (starts_at)`,
    `CREATE TABLE ${t.vol_shift_people} (
       shift_id TEXT NOT NULL,
       account_id TEXT NOT NULL,
       status TEXT NOT NULL,
       position BIGINT NOT NULL,
       confirmed INTEGER NOT NULL,
       reminded INTEGER NOT NULL DEFAULT 0,
       checked_in_at TEXT,
       checked_out_at TEXT,
       PRIMARY KEY (shift_id, account_id)
     )`,
    `CREATE INDEX ${t.vol_shift_people}_by_account ON ${t.vol_shift_people} (account_id)`,
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: TableNames<ActivityTable>) {
    const event = parseActivityEvent(recorded.type, recorded.data);
    const setStatus = (shiftId: string, accountId: string, status: string) =>
      tx.run(`UPDATE ${t.vol_shift_people} SET status = ? WHERE shift_id = ? AND account_id = ?`, [
        status,
        shiftId,
        accountId,
      ]);
    switch (event.type) {
      case 'ActivityPlanned': {
        const d = event.data;
        await tx.run(
          `INSERT INTO ${t.vol_activities}
             (activity_id, team_id, title, description, planned_at, position)
           VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (activity_id) DO NOTHING`,
          [
            d.activityId,
            d.teamId,
            d.title,
            d.description,
            recorded.metadata.occurredAt,
            recorded.position,
          ],
        );
        for (const s of d.shifts) {
          await tx.run(
            `INSERT INTO ${t.vol_shifts}
               (shift_id, activity_id, team_id, starts_at, ends_at, place, slots, closed)
             VALUES (?, ?, ?, ?, ?, ?, ?, 0) ON CONFLICT (shift_id) DO NOTHING`,
            [s.shiftId, d.activityId, d.teamId, s.startsAt, s.endsAt, s.place, s.slots],
          );
        }
        return;
      }
      case 'ShiftSignedUp': {
        const { shiftId, accountId, waitListed } = event.data;
        await tx.run(
          `INSERT INTO ${t.vol_shift_people}
             (shift_id, account_id, status, position, confirmed)
           VALUES (?, ?, ?, ?, 0)
           ON CONFLICT (shift_id, account_id) DO UPDATE
             SET status = excluded.status, position = excluded.position, confirmed = 0`,
          [shiftId, accountId, waitListed ? 'wait_listed' : 'signed_up', recorded.position],
        );
        return;
      }
      case 'ShiftSignUpCancelled':
        return void (await setStatus(event.data.shiftId, event.data.accountId, 'cancelled'));
      case 'ShiftWaitListPromoted':
        return void (await setStatus(event.data.shiftId, event.data.accountId, 'signed_up'));
      case 'ShiftAttendanceConfirmed':
        await tx.run(
          `UPDATE ${t.vol_shift_people} SET confirmed = 1 WHERE shift_id = ? AND account_id = ?`,
          [event.data.shiftId, event.data.accountId],
        );
        return;
      case 'ShiftCheckedIn': {
        const { shiftId, accountId, at } = event.data;
        // Someone a leader recorded without a sign-up joins the list here.
        await tx.run(
          `INSERT INTO ${t.vol_shift_people}
             (shift_id, account_id, status, position, confirmed, checked_in_at)
           VALUES (?, ?, 'walked_in', ?, 0, ?)
           ON CONFLICT (shift_id, account_id) DO UPDATE SET checked_in_at = excluded.checked_in_at`,
          [shiftId, accountId, recorded.position, at],
        );
        return;
      }
      case 'ShiftCheckedOut':
        await tx.run(
          `UPDATE ${t.vol_shift_people} SET checked_out_at = ? WHERE shift_id = ? AND account_id = ?`,
          [event.data.at, event.data.shiftId, event.data.accountId],
        );
        return;
      case 'ShiftReminderSent':
        for (const accountId of event.data.accountIds) {
          await tx.run(
            `UPDATE ${t.vol_shift_people} SET reminded = 1 WHERE shift_id = ? AND account_id = ?`,
            [event.data.shiftId, accountId],
          );
        }
        return;
      case 'ShiftClosed':
        await tx.run(`UPDATE ${t.vol_shifts} SET closed = 1 WHERE shift_id = ?`, [
          event.data.shiftId,
        ]);
        for (const accountId of event.data.noShows) {
          await setStatus(event.data.shiftId, accountId, 'no_show');
        }
        return;
    }
  },
};
