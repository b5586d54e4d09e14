// The certificate read model: each certificate's period, status, number, verification code and
// hours, for the volunteer's page, the team's announcements and the public verification. The
// volunteer's name, masked ID number and the handler are not copied here: pages read them from
// the certificate's stream, where they are sealed with the volunteer's key (erasure shreds them).
import { certificateEventTypes, parseCertificateEvent } from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../../types.ts';

export const certificateTables = ['vol_certificates'] as const;
export type CertificateTable = (typeof certificateTables)[number];

export const certificateProjection: Projection<CertificateTable> = {
  name: 'team_certificate',
  version: 1,
  tables: certificateTables,
  eventTypes: certificateEventTypes,

  schema: (t) => [
    `CREATE TABLE ${t.vol_certificates} (
       certificate_id TEXT PRIMARY KEY,
       team_id TEXT NOT NULL,
       volunteer_id TEXT NOT NULL,
       period_from TEXT NOT NULL,
       period_until TEXT NOT NULL,
       status TEXT NOT NULL,
       number TEXT,
       code TEXT,
       minutes INTEGER,
       content TEXT,
       issued_on TEXT,
       final_on TEXT,
       objection TEXT,
       reason TEXT,
       requested_at TEXT NOT NULL,
       position BIGINT NOT NULL
     )`,
    `CREATE INDEX ${t.vol_certificates}_by_team ON ${t.vol_certificates} (team_id, position)`,
    `CREATE INDEX ${t.vol_certificates}_by_volunteer ON ${t.vol_certificates} (volunteer_id)`,
    `CREATE UNIQUE INDEX ${t.vol_certificates}_by_code ON ${t.vol_certificates} (code)`,
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: TableNames<CertificateTable>) {
    const event = parseCertificateEvent(recorded.type, recorded.data);
    const id = event.data.certificateId;
    const set = (columns: Record<string, string | number | null>) =>
      tx.run(
        `UPDATE ${t.vol_certificates} SET ${Object.keys(columns)
          .map((c) => `${c} = ?`)
          .join(', ')} WHERE certificate_id = ?`,
        [...Object.values(columns), id],
      );
    switch (event.type) {
      case 'CertificateRequested': {
        const d = event.data;
        await tx.run(
          `INSERT INTO ${t.vol_certificates} (certificate_id, team_id, volunteer_id, period_from,
             period_until, status, requested_at, position)
           VALUES (?, ?, ?, ?, ?, 'requested', ?, ?) ON CONFLICT (certificate_id) DO NOTHING`,
          [
            id,
            d.teamId,
            d.volunteerId,
            d.from,
            d.until,
            recorded.metadata.occurredAt,
            recorded.position,
          ],
        );
        return;
      }
      case 'CertificateIssued': {
        const d = event.data;
        await set({
          status: 'announced',
          number: d.number,
          code: d.code,
          minutes: d.minutes,
          content: d.content,
          issued_on: d.issuedOn,
          final_on: d.finalOn,
        });
        return;
      }
      case 'CertificateObjected':
        await set({ status: 'on_hold', objection: event.data.reason });
        return;
      case 'CertificateObjectionResolved':
        await set({
          status: event.data.decision === 'upheld' ? 'revoked' : 'announced',
          reason: event.data.reason,
        });
        return;
      case 'CertificateRevoked':
        await set({ status: 'revoked', reason: event.data.reason });
        return;
    }
  },
};
