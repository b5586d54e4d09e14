// The team read model: volunteer teams, their people (asked to join, members, leaders, and who
// left or was declined, with the reason), and their service records, for the team pages, a
// volunteer's own records and the hours a team has served. Names of people are not copied here:
// residents' names stay in the resident read model (erasure purges them there).
import {
  parseServiceRecordEvent,
  parseTeamEvent,
  serviceRecordEventTypes,
  teamEventTypes,
} from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../types.ts';

export const teamTables = ['vol_teams', 'vol_team_people', 'vol_records'] as const;
export type TeamTable = (typeof teamTables)[number];

export const teamProjection: Projection<TeamTable> = {
  name: 'team',
  version: 1,
  tables: teamTables,
  eventTypes: [...teamEventTypes, ...serviceRecordEventTypes],

  schema: (t) => [
    `CREATE TABLE ${t.vol_teams} (
       team_id TEXT PRIMARY KEY,
       kind TEXT NOT NULL,
       name TEXT NOT NULL,
       description TEXT NOT NULL,
       street_id TEXT NOT NULL,
       community_id TEXT,
       organiser TEXT NOT NULL,
       skills TEXT NOT NULL,
       registered_at TEXT NOT NULL,
       position BIGINT NOT NULL
     )`,
    `CREATE TABLE ${t.vol_team_people} (
       team_id TEXT NOT NULL,
       account_id TEXT NOT NULL,
       standing TEXT NOT NULL,
       note TEXT,
       reason TEXT,
       since TEXT NOT NULL,
       PRIMARY KEY (team_id, account_id)
     )`,
    `CREATE INDEX ${t.vol_team_people}_by_account ON ${t.vol_team_people} (account_id)`,
    `CREATE TABLE ${t.vol_records} (
       record_id TEXT PRIMARY KEY,
       team_id TEXT NOT NULL,
       volunteer_id TEXT NOT NULL,
       date TEXT NOT NULL,
       started_at TEXT NOT NULL,
       ended_at TEXT NOT NULL,
       minutes INTEGER NOT NULL,
       place TEXT NOT NULL,
       content TEXT NOT NULL,
       activity_id TEXT,
       shift_id TEXT,
       status TEXT NOT NULL,
       evaluation TEXT,
       confirmed_by TEXT,
       correction TEXT,
       decision TEXT,
       recorded_by TEXT NOT NULL,
       position BIGINT NOT NULL
     )`,
    `CREATE INDEX ${t.vol_records}_by_team ON ${t.vol_records} (team_id, date)`,
    `CREATE INDEX ${t.vol_records}_by_volunteer ON ${t.vol_records} (volunteer_id, date)`,
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: TableNames<TeamTable>) {
    const at = recorded.metadata.occurredAt;
    const person = (
      teamId: string,
      accountId: string,
      standing: string,
      extra: { note?: string; reason?: string } = {},
    ) =>
      tx.run(
        `INSERT INTO ${t.vol_team_people} (team_id, account_id, standing, note, reason, since)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (team_id, account_id) DO UPDATE
           SET standing = excluded.standing, note = excluded.note, reason = excluded.reason,
               since = excluded.since`,
        [teamId, accountId, standing, extra.note ?? null, extra.reason ?? null, at],
      );
    if (teamEventTypes.includes(recorded.type as never)) {
      const event = parseTeamEvent(recorded.type, recorded.data);
      switch (event.type) {
        case 'TeamRegistered': {
          const d = event.data;
          await tx.run(
            `INSERT INTO ${t.vol_teams}
               (team_id, kind, name, description, street_id, community_id, organiser, skills,
                registered_at, position)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (team_id) DO NOTHING`,
            [
              d.teamId,
              d.kind,
              d.name,
              d.description,
              d.streetId,
              d.communityId,
              JSON.stringify(d.organiser),
              JSON.stringify(d.skills),
              at,
              recorded.position,
            ],
          );
          for (const leader of d.leaders) await person(d.teamId, leader, 'leader');
          return;
        }
        case 'TeamJoinRequested':
          return void (await person(event.data.teamId, event.data.accountId, 'requested', {
            ...(event.data.note ? { note: event.data.note } : {}),
          }));
        case 'TeamJoinAccepted':
          return void (await person(event.data.teamId, event.data.accountId, 'member'));
        case 'TeamJoinDeclined':
          return void (await person(event.data.teamId, event.data.accountId, 'declined', {
            reason: event.data.reason,
          }));
        case 'TeamMemberLeft':
          return void (await person(event.data.teamId, event.data.accountId, 'left'));
        case 'TeamLeadershipHandedOver':
          await person(event.data.teamId, event.data.from, 'member');
          await person(event.data.teamId, event.data.to, 'leader');
          return;
        case 'TeamSkillsChanged':
          await tx.run(`UPDATE ${t.vol_teams} SET skills = ? WHERE team_id = ?`, [
            JSON.stringify(event.data.skills),
            event.data.teamId,
          ]);
          return;
      }
    }
    const event = parseServiceRecordEvent(recorded.type, recorded.data);
    switch (event.type) {
      case 'ServiceRecorded': {
        const d = event.data;
        await tx.run(
          `INSERT INTO ${t.vol_records}
             (record_id, team_id, volunteer_id, date, started_at, ended_at, minutes, place,
              content, activity_id, shift_id, status, recorded_by, position)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'recorded', ?, ?)
           ON CONFLICT (record_id) DO NOTHING`,
          [
            d.recordId,
            d.teamId,
            d.volunteerId,
            d.date,
            d.startedAt,
            d.endedAt,
            d.minutes,
            d.place,
            d.content,
            d.source.kind === 'shift' ? d.source.activityId : null,
            d.source.kind === 'shift' ? d.source.shiftId : null,
            d.recordedBy,
            recorded.position,
          ],
        );
        return;
      }
      case 'ServiceRecordConfirmed':
        await tx.run(
          `UPDATE ${t.vol_records} SET status = 'confirmed', evaluation = ?, confirmed_by = ?
           WHERE record_id = ?`,
          [event.data.evaluation, event.data.confirmedBy, event.data.recordId],
        );
        return;
      case 'ServiceRecordCorrectionRequested': {
        const { startedAt, endedAt, reason } = event.data;
        await tx.run(`UPDATE ${t.vol_records} SET correction = ? WHERE record_id = ?`, [
          JSON.stringify({ startedAt, endedAt, reason, requestedAt: at }),
          event.data.recordId,
        ]);
        return;
      }
      case 'ServiceRecordCorrectionDecided': {
        const row = await tx.get<{
          correction: string | null;
          started_at: string;
          ended_at: string;
        }>(`SELECT correction, started_at, ended_at FROM ${t.vol_records} WHERE record_id = ?`, [
          event.data.recordId,
        ]);
        if (!row) return;
        const asked = row.correction
          ? (JSON.parse(row.correction) as { startedAt: string; endedAt: string })
          : null;
        const times =
          event.data.decision === 'accepted' && asked
            ? asked
            : { startedAt: row.started_at, endedAt: row.ended_at };
        await tx.run(
          `UPDATE ${t.vol_records}
             SET minutes = ?, correction = NULL, decision = ?, started_at = ?, ended_at = ?
           WHERE record_id = ?`,
          [
            event.data.minutes,
            JSON.stringify({
              decision: event.data.decision,
              reason: event.data.reason,
              decidedAt: at,
            }),
            times.startedAt,
            times.endedAt,
            event.data.recordId,
          ],
        );
        return;
      }
    }
  },
};
