// Reads of the certificate read model (projection.ts).
import type { SqlExecutor, SqlRow } from '../../types.ts';

export interface CertificateRow {
  certificateId: string;
  teamId: string;
  volunteerId: string;
  from: string;
  until: string;
  status: 'requested' | 'announced' | 'on_hold' | 'revoked';
  number: string | null;
  code: string | null;
  minutes: number | null;
  content: string | null;
  issuedOn: string | null;
  finalOn: string | null;
  /** The objection holding it, while on hold. */
  objection: string | null;
  /** Why it was revoked, or how the objection was resolved. */
  reason: string | null;
  requestedAt: string;
}

const optionalText = (v: unknown) => (v === null || v === undefined ? null : String(v));

const toCertificate = (r: SqlRow): CertificateRow => ({
  certificateId: String(r.certificate_id),
  teamId: String(r.team_id),
  volunteerId: String(r.volunteer_id),
  from: String(r.period_from),
  until: String(r.period_until),
  status: String(r.status) as CertificateRow['status'],
  number: optionalText(r.number),
  code: optionalText(r.code),
  minutes: r.minutes === null || r.minutes === undefined ? null : Number(r.minutes),
  content: optionalText(r.content),
  issuedOn: optionalText(r.issued_on),
  finalOn: optionalText(r.final_on),
  objection: optionalText(r.objection),
  reason: optionalText(r.reason),
  requestedAt: String(r.requested_at),
});

export async function readCertificate(
  db: SqlExecutor,
  certificateId: string,
): Promise<CertificateRow | undefined> {
  const row = await db.get(`SELECT * FROM vol_certificates WHERE certificate_id = ?`, [
    certificateId,
  ]);
  return row && toCertificate(row);
}

/** The certificate a verification code belongs to, if any. */
export async function readCertificateByCode(
  db: SqlExecutor,
  code: string,
): Promise<CertificateRow | undefined> {
  const row = await db.get(`SELECT * FROM vol_certificates WHERE code = ?`, [code]);
  return row && toCertificate(row);
}

/** A team's certificates, newest first. */
export async function listTeamCertificates(
  db: SqlExecutor,
  teamId: string,
): Promise<CertificateRow[]> {
  const rows = await db.all(
    `SELECT * FROM vol_certificates WHERE team_id = ? ORDER BY position DESC LIMIT 200`,
    [teamId],
  );
  return rows.map(toCertificate);
}

/** A volunteer's own certificates, newest first. */
export async function listCertificatesOf(
  db: SqlExecutor,
  volunteerId: string,
): Promise<CertificateRow[]> {
  const rows = await db.all(
    `SELECT * FROM vol_certificates WHERE volunteer_id = ? ORDER BY position DESC LIMIT 100`,
    [volunteerId],
  );
  return rows.map(toCertificate);
}
