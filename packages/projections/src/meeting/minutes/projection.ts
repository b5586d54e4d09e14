// The minutes read model (会议纪要): each meeting's current draft (circulated or not) with the
// corrections asked for and the signatures on it, and the published versions — version 1 at
// approval with who signed it, then each correction with its reason. Residents by id only.
import { minutesEventTypes, parseMinutesEvent } from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../../types.ts';

export const minutesTables = [
  'mtg_minutes',
  'mtg_minutes_versions',
  'mtg_minutes_requests',
  'mtg_minutes_signatures',
] as const;
export type MinutesTable = (typeof minutesTables)[number];

export const minutesProjection: Projection<MinutesTable> = {
  name: 'meeting_minutes',
  // 2: community_id may be null (the meetings of a street's body).
  version: 2,
  tables: minutesTables,
  eventTypes: minutesEventTypes,

  schema: (t) => [
    `CREATE TABLE ${t.mtg_minutes} (
       meeting_id TEXT PRIMARY KEY,
       community_id TEXT,
       street_id TEXT NOT NULL,
       status TEXT NOT NULL,
       draft_no INTEGER NOT NULL,
       draft_text TEXT,
       version INTEGER NOT NULL,
       updated_at TEXT NOT NULL
     )`,
    `CREATE TABLE ${t.mtg_minutes_versions} (
       meeting_id TEXT NOT NULL,
       version INTEGER NOT NULL,
       text TEXT NOT NULL,
       reason TEXT,
       signed_by TEXT,
       published_at TEXT NOT NULL,
       PRIMARY KEY (meeting_id, version)
     )`,
    `CREATE TABLE ${t.mtg_minutes_requests} (
       meeting_id TEXT NOT NULL,
       draft_no INTEGER NOT NULL,
       resident_id TEXT NOT NULL,
       text TEXT NOT NULL,
       asked_at TEXT NOT NULL,
       PRIMARY KEY (meeting_id, draft_no, resident_id)
     )`,
    `CREATE TABLE ${t.mtg_minutes_signatures} (
       meeting_id TEXT NOT NULL,
       draft_no INTEGER NOT NULL,
       resident_id TEXT NOT NULL,
       signed_at TEXT NOT NULL,
       PRIMARY KEY (meeting_id, draft_no, resident_id)
     )`,
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: TableNames<MinutesTable>) {
    const event = parseMinutesEvent(recorded.type, recorded.data);
    const at = recorded.metadata.occurredAt;
    switch (event.type) {
      case 'MinutesDrafted': {
        const d = event.data;
        await tx.run(
          `INSERT INTO ${t.mtg_minutes}
             (meeting_id, community_id, street_id, status, draft_no, draft_text, version, updated_at)
           VALUES (?, ?, ?, 'draft', ?, ?, 0, ?)
           ON CONFLICT (meeting_id) DO UPDATE SET status = 'draft', draft_no = excluded.draft_no,
             draft_text = excluded.draft_text, updated_at = excluded.updated_at`,
          [d.meetingId, d.communityId, d.streetId, d.draftNo, d.text, at],
        );
        return;
      }
      case 'MinutesCirculated':
        await tx.run(
          `UPDATE ${t.mtg_minutes} SET status = 'circulated', updated_at = ? WHERE meeting_id = ?`,
          [at, event.data.meetingId],
        );
        return;
      case 'MinutesCorrectionRequested': {
        const { meetingId, draftNo, residentId, text } = event.data;
        await tx.run(
          `INSERT INTO ${t.mtg_minutes_requests} (meeting_id, draft_no, resident_id, text, asked_at)
           VALUES (?, ?, ?, ?, ?) ON CONFLICT (meeting_id, draft_no, resident_id) DO NOTHING`,
          [meetingId, draftNo, residentId, text, at],
        );
        return;
      }
      case 'MinutesSigned': {
        const { meetingId, draftNo, residentId } = event.data;
        await tx.run(
          `INSERT INTO ${t.mtg_minutes_signatures} (meeting_id, draft_no, resident_id, signed_at)
           VALUES (?, ?, ?, ?) ON CONFLICT (meeting_id, draft_no, resident_id) DO NOTHING`,
          [meetingId, draftNo, residentId, at],
        );
        return;
      }
      case 'MinutesApproved': {
        const { meetingId, text, signedBy } = event.data;
        await tx.run(
          `UPDATE ${t.mtg_minutes} SET status = 'approved', version = 1, updated_at = ?
           WHERE meeting_id = ?`,
          [at, meetingId],
        );
        await tx.run(
          `INSERT INTO ${t.mtg_minutes_versions}
             (meeting_id, version, text, reason, signed_by, published_at)
           VALUES (?, 1, ?, NULL, ?, ?) ON CONFLICT (meeting_id, version) DO NOTHING`,
          [meetingId, text, JSON.stringify(signedBy), at],
        );
        return;
      }
      case 'MinutesCorrected': {
        const { meetingId, version, text, reason } = event.data;
        await tx.run(
          `UPDATE ${t.mtg_minutes} SET version = ?, updated_at = ? WHERE meeting_id = ?`,
          [version, at, meetingId],
        );
        await tx.run(
          `INSERT INTO ${t.mtg_minutes_versions}
             (meeting_id, version, text, reason, signed_by, published_at)
           VALUES (?, ?, ?, ?, NULL, ?) ON CONFLICT (meeting_id, version) DO NOTHING`,
          [meetingId, version, text, reason, at],
        );
        return;
      }
    }
  },
};
