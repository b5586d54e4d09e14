// The resident read model: residents as workers search for them and as login finds them, their
// ties to communities (with the verification queue per community), family proxies, and workers'
// erasures in progress (requested, confirmed, stopped, carried out).
//
// Personal data: it keeps only what pages need, a display name and the masked phone (138****1234),
// never the number, ID number or address. Login finds a resident by the phone's keyed digest.
// When a resident is forgotten, every personal column is set to NULL (pages then show
// `formerResidentName`), their ties with the workers' notes are deleted and their proxies end.
// On SQLite, see erasure.ts for what makes the purged bytes unreadable in the file as well.
//
// The runner must read events through @gongzhi/auth's withPersonalData: this projection reads
// the decrypted `personal` objects (null once forgotten), never the sealed envelopes.
import { maskPhone, parseResidentEvent, withTieDeclarer } from '@gongzhi/domain';
import type { ResidentEvent } from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../types.ts';

export const residentTables = ['res_residents', 'res_ties', 'res_proxies', 'res_erasures'] as const;

export type ResidentTable = (typeof residentTables)[number];

const projectedTypes = [
  'ResidentRegistered',
  'PhoneConfirmed',
  'PasswordChanged',
  'CommunityTieDeclared',
  'CommunityTieVerified',
  'CommunityTieRejected',
  'CommunityTieConfirmed',
  'CommunityTieDeclined',
  'ResidentErasureRequested',
  'ResidentErasureConfirmed',
  'ResidentErasureStopped',
  'ProxyGranted',
  'ProxyRevoked',
  'ResidentForgotten',
] as const satisfies readonly ResidentEvent['type'][];

/** Powers are stored as one text, e.g. 'propose vote', in the order granted. */
export const powersColumn = (powers: readonly string[]): string => powers.join(' ');

export const residentProjection: Projection<ResidentTable> = {
  name: 'resident',
  // 2: who declared a tie and how the resident agreed; workers' erasures.
  version: 2,
  tables: residentTables,
  eventTypes: projectedTypes,

  schema: (t) => [
    `CREATE TABLE ${t.res_residents} (
       resident_id TEXT PRIMARY KEY,
       name TEXT,
       phone_masked TEXT,
       phone_digest TEXT,
       birth_year INTEGER,
       password_hash TEXT,
       phone_confirmed INTEGER NOT NULL,
       channel TEXT NOT NULL,
       status TEXT NOT NULL,
       revision BIGINT NOT NULL,
       registered_position BIGINT NOT NULL,
       registered_at TEXT NOT NULL,
       updated_at TEXT NOT NULL,
       forgotten_at TEXT
     )`,
    `CREATE INDEX ${t.res_residents}_by_phone ON ${t.res_residents} (phone_digest)`,
    `CREATE TABLE ${t.res_ties} (
       resident_id TEXT NOT NULL,
       tie_id TEXT NOT NULL,
       community_id TEXT NOT NULL,
       street_id TEXT NOT NULL,
       kind TEXT NOT NULL,
       status TEXT NOT NULL,
       declared_by TEXT,
       consent TEXT,
       note TEXT,
       reason TEXT,
       decided_by TEXT,
       declared_position BIGINT NOT NULL,
       declared_at TEXT NOT NULL,
       decided_at TEXT,
       PRIMARY KEY (resident_id, tie_id)
     )`,
    `CREATE INDEX ${t.res_ties}_by_community ON ${t.res_ties} (community_id, status, declared_position)`,
    `CREATE TABLE ${t.res_proxies} (
       resident_id TEXT NOT NULL,
       proxy_id TEXT NOT NULL,
       grantee_account_id TEXT NOT NULL,
       powers TEXT NOT NULL,
       until TEXT,
       granted_position BIGINT NOT NULL,
       granted_at TEXT NOT NULL,
       revoked_at TEXT,
       PRIMARY KEY (resident_id, proxy_id)
     )`,
    `CREATE INDEX ${t.res_proxies}_by_grantee ON ${t.res_proxies} (grantee_account_id, granted_position)`,
    `CREATE TABLE ${t.res_erasures} (
       erasure_id TEXT PRIMARY KEY,
       resident_id TEXT NOT NULL,
       community_id TEXT NOT NULL,
       street_id TEXT NOT NULL,
       requested_by TEXT NOT NULL,
       written_request_ref TEXT NOT NULL,
       status TEXT NOT NULL,
       confirmed_by TEXT,
       due_at TEXT,
       stopped_by TEXT,
       stop_reason TEXT,
       requested_position BIGINT NOT NULL,
       requested_at TEXT NOT NULL,
       updated_at TEXT NOT NULL
     )`,
    `CREATE INDEX ${t.res_erasures}_by_community ON ${t.res_erasures} (community_id, status, requested_position)`,
    `CREATE INDEX ${t.res_erasures}_by_resident ON ${t.res_erasures} (resident_id, status)`,
    `CREATE INDEX ${t.res_erasures}_by_due ON ${t.res_erasures} (status, due_at)`,
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: TableNames<ResidentTable>) {
    if ((recorded.data as { personalSealed?: unknown }).personalSealed !== undefined) {
      throw new Error(
        'The resident projection reads sealed personal data: run it on a store wrapped by withPersonalData (@gongzhi/auth)',
      );
    }
    const event = withTieDeclarer(
      parseResidentEvent(recorded.type, recorded.data),
      recorded.metadata,
    );
    const at = recorded.metadata.occurredAt;
    const { residentId } = event.data;
    switch (event.type) {
      case 'ResidentRegistered': {
        const { personal } = event.data;
        await tx.run(
          `INSERT INTO ${t.res_residents}
             (resident_id, name, phone_masked, phone_digest, birth_year, password_hash,
              phone_confirmed, channel, status, revision, registered_position, registered_at,
              updated_at)
           VALUES (?, ?, ?, ?, ?, ?, 0, ?, 'active', ?, ?, ?, ?)
           ON CONFLICT (resident_id) DO NOTHING`,
          [
            residentId,
            personal?.name ?? null,
            personal ? maskPhone(personal.phone) : null,
            event.data.phoneDigest,
            event.data.birthYear,
            event.data.passwordHash ?? null,
            event.data.channel,
            recorded.revision,
            recorded.position,
            at,
            at,
          ],
        );
        return;
      }
      case 'PhoneConfirmed':
        await tx.run(`UPDATE ${t.res_residents} SET phone_confirmed = 1 WHERE resident_id = ?`, [
          residentId,
        ]);
        break;
      case 'PasswordChanged':
        await tx.run(`UPDATE ${t.res_residents} SET password_hash = ? WHERE resident_id = ?`, [
          event.data.passwordHash,
          residentId,
        ]);
        break;
      case 'CommunityTieDeclared':
        await tx.run(
          `INSERT INTO ${t.res_ties}
             (resident_id, tie_id, community_id, street_id, kind, status, declared_by, consent,
              declared_position, declared_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (resident_id, tie_id) DO NOTHING`,
          [
            residentId,
            event.data.tieId,
            event.data.communityId,
            event.data.streetId,
            event.data.kind,
            event.data.consent === 'awaiting_resident' ? 'unconfirmed' : 'declared',
            event.data.declaredBy ?? null,
            event.data.consent ?? null,
            recorded.position,
            at,
          ],
        );
        break;
      case 'CommunityTieConfirmed':
      case 'CommunityTieDeclined':
        await tx.run(`UPDATE ${t.res_ties} SET status = ? WHERE resident_id = ? AND tie_id = ?`, [
          event.type === 'CommunityTieConfirmed' ? 'declared' : 'declined',
          residentId,
          event.data.tieId,
        ]);
        break;
      case 'ResidentErasureRequested': {
        const { erasureId, communityId, streetId, requestedBy, writtenRequestRef } = event.data;
        await tx.run(
          `INSERT INTO ${t.res_erasures}
             (erasure_id, resident_id, community_id, street_id, requested_by,
              written_request_ref, status, requested_position, requested_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, 'requested', ?, ?, ?)
           ON CONFLICT (erasure_id) DO NOTHING`,
          [
            erasureId,
            residentId,
            communityId,
            streetId,
            requestedBy,
            writtenRequestRef,
            recorded.position,
            at,
            at,
          ],
        );
        break;
      }
      case 'ResidentErasureConfirmed':
        await tx.run(
          `UPDATE ${t.res_erasures}
           SET status = 'confirmed', confirmed_by = ?, due_at = ?, updated_at = ?
           WHERE erasure_id = ?`,
          [event.data.confirmedBy, event.data.dueAt, at, event.data.erasureId],
        );
        break;
      case 'ResidentErasureStopped':
        await tx.run(
          `UPDATE ${t.res_erasures}
           SET status = 'stopped', stopped_by = ?, stop_reason = ?, updated_at = ?
           WHERE erasure_id = ?`,
          [event.data.stoppedBy, event.data.personal?.reason ?? null, at, event.data.erasureId],
        );
        break;
      case 'CommunityTieVerified':
        await tx.run(
          `UPDATE ${t.res_ties} SET status = 'verified', note = ?, decided_by = ?, decided_at = ?
           WHERE resident_id = ? AND tie_id = ?`,
          [
            event.data.personal?.note ?? null,
            event.data.verifiedBy,
            at,
            residentId,
            event.data.tieId,
          ],
        );
        break;
      case 'CommunityTieRejected':
        await tx.run(
          `UPDATE ${t.res_ties} SET status = 'rejected', reason = ?, decided_by = ?, decided_at = ?
           WHERE resident_id = ? AND tie_id = ?`,
          [
            event.data.personal?.reason ?? null,
            event.data.rejectedBy,
            at,
            residentId,
            event.data.tieId,
          ],
        );
        break;
      case 'ProxyGranted':
        await tx.run(
          `INSERT INTO ${t.res_proxies}
             (resident_id, proxy_id, grantee_account_id, powers, until, granted_position,
              granted_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (resident_id, proxy_id) DO NOTHING`,
          [
            residentId,
            event.data.proxyId,
            event.data.granteeAccountId,
            powersColumn(event.data.powers),
            event.data.until ?? null,
            recorded.position,
            at,
          ],
        );
        break;
      case 'ProxyRevoked':
        await tx.run(
          `UPDATE ${t.res_proxies} SET revoked_at = ? WHERE resident_id = ? AND proxy_id = ?`,
          [at, residentId, event.data.proxyId],
        );
        break;
      case 'ResidentForgotten':
        await tx.run(
          `UPDATE ${t.res_residents}
           SET name = NULL, phone_masked = NULL, phone_digest = NULL, birth_year = NULL,
               password_hash = NULL, status = 'forgotten', forgotten_at = ?
           WHERE resident_id = ?`,
          [at, residentId],
        );
        await tx.run(`DELETE FROM ${t.res_ties} WHERE resident_id = ?`, [residentId]);
        // The reasons given for stopping are about the person; the rest names no one.
        await tx.run(`UPDATE ${t.res_erasures} SET stop_reason = NULL WHERE resident_id = ?`, [
          residentId,
        ]);
        if (event.data.erasureId !== undefined) {
          await tx.run(
            `UPDATE ${t.res_erasures} SET status = 'executed', updated_at = ? WHERE erasure_id = ?`,
            [at, event.data.erasureId],
          );
        }
        await tx.run(
          `UPDATE ${t.res_proxies} SET revoked_at = ? WHERE resident_id = ? AND revoked_at IS NULL`,
          [at, residentId],
        );
        break;
      case 'PhoneClaimed':
      case 'PhoneReleased':
        // Not read: the resident row carries its phone digest.
        return;
    }
    // Every later event of the stream moves the row's revision: forms send it back as the
    // revision they showed.
    await tx.run(
      `UPDATE ${t.res_residents} SET revision = ?, updated_at = ? WHERE resident_id = ?`,
      [recorded.revision, at, residentId],
    );
  },
};
