// The meeting read model (议事协商): the deliberative bodies of each community and street with their roster
// spells, the meetings with their notice, who signed in to each and is present now, and the
// motions with their votes. Names of members are not copied here: pages read them from the
// resident read model, so erasing a resident needs nothing of this one.
import { meetingEventTypes, parseMeetingEvent } from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../types.ts';

export const meetingTables = [
  'mtg_bodies',
  'mtg_spells',
  'mtg_meetings',
  'mtg_attendance',
  'mtg_motions',
] as const;
export type MeetingTable = (typeof meetingTables)[number];

export const meetingProjection: Projection<MeetingTable> = {
  name: 'meeting',
  // 2: community_id may be null (a street's body and its meetings).
  version: 2,
  tables: meetingTables,
  eventTypes: meetingEventTypes,

  schema: (t) => [
    `CREATE TABLE ${t.mtg_bodies} (
       body_id TEXT PRIMARY KEY,
       community_id TEXT,
       street_id TEXT NOT NULL,
       kind TEXT NOT NULL,
       name TEXT NOT NULL,
       rules TEXT NOT NULL,
       position BIGINT NOT NULL
     )`,
    `CREATE INDEX ${t.mtg_bodies}_by_community ON ${t.mtg_bodies} (community_id, position)`,
    `CREATE INDEX ${t.mtg_bodies}_by_street ON ${t.mtg_bodies} (street_id, position)`,
    `CREATE TABLE ${t.mtg_spells} (
       body_id TEXT NOT NULL,
       resident_id TEXT NOT NULL,
       kind TEXT NOT NULL,
       role TEXT NOT NULL,
       from_day TEXT NOT NULL,
       until_day TEXT,
       position BIGINT NOT NULL,
       PRIMARY KEY (body_id, resident_id, from_day)
     )`,
    `CREATE TABLE ${t.mtg_meetings} (
       meeting_id TEXT PRIMARY KEY,
       body_id TEXT NOT NULL,
       community_id TEXT,
       street_id TEXT NOT NULL,
       body_kind TEXT NOT NULL,
       title TEXT NOT NULL,
       agenda TEXT NOT NULL,
       starts_at TEXT NOT NULL,
       place TEXT NOT NULL,
       noticed_at TEXT NOT NULL,
       rules TEXT NOT NULL,
       late_notice INTEGER NOT NULL,
       roster TEXT NOT NULL,
       status TEXT NOT NULL,
       closed_at TEXT
     )`,
    `CREATE INDEX ${t.mtg_meetings}_by_community ON ${t.mtg_meetings} (community_id, starts_at)`,
    `CREATE INDEX ${t.mtg_meetings}_by_street ON ${t.mtg_meetings} (street_id, starts_at)`,
    `CREATE TABLE ${t.mtg_attendance} (
       meeting_id TEXT NOT NULL,
       resident_id TEXT NOT NULL,
       attends_as TEXT NOT NULL,
       via TEXT NOT NULL,
       present INTEGER NOT NULL,
       signed_in_at TEXT NOT NULL,
       left_at TEXT,
       PRIMARY KEY (meeting_id, resident_id)
     )`,
    `CREATE TABLE ${t.mtg_motions} (
       motion_id TEXT PRIMARY KEY,
       meeting_id TEXT NOT NULL,
       item_id TEXT NOT NULL,
       text TEXT NOT NULL,
       tabled_at TEXT NOT NULL,
       position BIGINT NOT NULL,
       vote TEXT,
       voted_at TEXT
     )`,
    `CREATE INDEX ${t.mtg_motions}_by_meeting ON ${t.mtg_motions} (meeting_id, position)`,
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: TableNames<MeetingTable>) {
    const event = parseMeetingEvent(recorded.type, recorded.data);
    const at = recorded.metadata.occurredAt;
    switch (event.type) {
      case 'MeetingBodyEstablished': {
        const { bodyId, communityId, streetId, kind, name, rules } = event.data;
        await tx.run(
          `INSERT INTO ${t.mtg_bodies} (body_id, community_id, street_id, kind, name, rules, position)
           VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (body_id) DO NOTHING`,
          [bodyId, communityId, streetId, kind, name, JSON.stringify(rules), recorded.position],
        );
        return;
      }
      case 'BodyMemberJoined': {
        const { bodyId, residentId, kind, role, from } = event.data;
        await tx.run(
          `INSERT INTO ${t.mtg_spells} (body_id, resident_id, kind, role, from_day, position)
           VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (body_id, resident_id, from_day) DO NOTHING`,
          [bodyId, residentId, kind, role, from, recorded.position],
        );
        return;
      }
      case 'BodyMemberLeft': {
        const { bodyId, residentId, from } = event.data;
        await tx.run(
          `UPDATE ${t.mtg_spells} SET until_day = ?
           WHERE body_id = ? AND resident_id = ? AND until_day IS NULL`,
          [from, bodyId, residentId],
        );
        return;
      }
      case 'MeetingConvened': {
        const d = event.data;
        await tx.run(
          `INSERT INTO ${t.mtg_meetings}
             (meeting_id, body_id, community_id, street_id, body_kind, title, agenda, starts_at,
              place, noticed_at, rules, late_notice, roster, status)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'convened')
           ON CONFLICT (meeting_id) DO NOTHING`,
          [
            d.meetingId,
            d.bodyId,
            d.communityId,
            d.streetId,
            d.bodyKind,
            d.title,
            JSON.stringify(d.agenda),
            d.startsAt,
            d.place,
            d.noticedAt,
            JSON.stringify(d.rules),
            d.lateNotice ? 1 : 0,
            JSON.stringify(d.roster),
          ],
        );
        return;
      }
      case 'MotionTabled': {
        const { meetingId, motionId, itemId, text } = event.data;
        await tx.run(
          `INSERT INTO ${t.mtg_motions} (motion_id, meeting_id, item_id, text, tabled_at, position)
           VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (motion_id) DO NOTHING`,
          [motionId, meetingId, itemId, text, at, recorded.position],
        );
        return;
      }
      case 'MotionVoted':
        await tx.run(`UPDATE ${t.mtg_motions} SET vote = ?, voted_at = ? WHERE motion_id = ?`, [
          JSON.stringify(event.data),
          at,
          event.data.motionId,
        ]);
        return;
      case 'MeetingClosed':
        await tx.run(
          `UPDATE ${t.mtg_meetings} SET status = 'closed', closed_at = ? WHERE meeting_id = ?`,
          [at, event.data.meetingId],
        );
        return;
      case 'AttendeeSignedIn': {
        const { meetingId, residentId, as, via } = event.data;
        await tx.run(
          `INSERT INTO ${t.mtg_attendance}
             (meeting_id, resident_id, attends_as, via, present, signed_in_at)
           VALUES (?, ?, ?, ?, 1, ?)
           ON CONFLICT (meeting_id, resident_id)
           DO UPDATE SET present = 1, via = excluded.via, signed_in_at = excluded.signed_in_at,
             left_at = NULL`,
          [meetingId, residentId, as, via, at],
        );
        return;
      }
      case 'AttendeeLeft':
        await tx.run(
          `UPDATE ${t.mtg_attendance} SET present = 0, left_at = ?
           WHERE meeting_id = ? AND resident_id = ?`,
          [at, event.data.meetingId, event.data.residentId],
        );
        return;
    }
  },
};
