// Reads of the resident read model, on the live tables (which carry the logical names).
// A forgotten resident reads with `status: 'forgotten'` and null personal fields: pages show
// `formerResidentName` from @gongzhi/domain in their place.
import { checkEligibility } from '@gongzhi/domain';
import type {
  Eligibility,
  EligibilityRule,
  ProxyPower,
  TieConsent,
  TieKind,
  TieStatus,
} from '@gongzhi/domain';
import type { SqlExecutor } from '../types.ts';

export interface ResidentRow {
  residentId: string;
  /** Null once forgotten. */
  name: string | null;
  /** Like 138****1234; null once forgotten. */
  phoneMasked: string | null;
  birthYear: number | null;
  phoneConfirmed: boolean;
  hasPassword: boolean;
  channel: 'online' | 'offline';
  status: 'active' | 'forgotten';
  revision: string;
  registeredAt: string;
  forgottenAt: string | null;
}

export interface ResidentLogin {
  residentId: string;
  /** Null for a resident registered on the spot who has not set a password yet. */
  passwordHash: string | null;
  phoneConfirmed: boolean;
}

export interface TieRow {
  residentId: string;
  tieId: string;
  communityId: string;
  streetId: string;
  kind: TieKind;
  status: TieStatus;
  /** The worker who declared it for the resident; null when the resident did. */
  declaredBy: string | null;
  consent: TieConsent | null;
  /** The verifying worker's note. */
  note: string | null;
  /** Why it was rejected, as the resident sees it. */
  reason: string | null;
  decidedBy: string | null;
  declaredAt: string;
  decidedAt: string | null;
}

export interface QueuedTie extends TieRow {
  name: string | null;
  phoneMasked: string | null;
  birthYear: number | null;
}

export interface ProxyRow {
  grantorId: string;
  /** The grantor's name; null once forgotten. */
  grantorName: string | null;
  proxyId: string;
  granteeAccountId: string;
  powers: ProxyPower[];
  until: string | null;
  grantedAt: string;
  /** Set when revoked, or when the grantor was forgotten. */
  revokedAt: string | null;
}

type Row = Record<string, unknown>;
const text = (value: unknown): string => String(value);
const optionalText = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
const optionalNumber = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

const RESIDENT_COLUMNS = `resident_id, name, phone_masked, birth_year, phone_confirmed,
  password_hash IS NOT NULL AS has_password, channel, status, revision, registered_at,
  forgotten_at`;

const toResident = (r: Row): ResidentRow => ({
  residentId: text(r.resident_id),
  name: optionalText(r.name),
  phoneMasked: optionalText(r.phone_masked),
  birthYear: optionalNumber(r.birth_year),
  phoneConfirmed: Number(r.phone_confirmed) === 1,
  hasPassword: r.has_password === true || Number(r.has_password) === 1,
  channel: text(r.channel) as ResidentRow['channel'],
  status: text(r.status) as ResidentRow['status'],
  revision: text(r.revision),
  registeredAt: text(r.registered_at),
  forgottenAt: optionalText(r.forgotten_at),
});

const TIE_COLUMNS = `t.resident_id, t.tie_id, t.community_id, t.street_id, t.kind, t.status,
  t.declared_by, t.consent, t.note, t.reason, t.decided_by, t.declared_at, t.decided_at`;

const toTie = (r: Row): TieRow => ({
  residentId: text(r.resident_id),
  tieId: text(r.tie_id),
  communityId: text(r.community_id),
  streetId: text(r.street_id),
  kind: text(r.kind) as TieKind,
  status: text(r.status) as TieStatus,
  declaredBy: optionalText(r.declared_by),
  consent: optionalText(r.consent) as TieConsent | null,
  note: optionalText(r.note),
  reason: optionalText(r.reason),
  decidedBy: optionalText(r.decided_by),
  declaredAt: text(r.declared_at),
  decidedAt: optionalText(r.decided_at),
});

const PROXY_COLUMNS = `p.resident_id, r.name AS grantor_name, p.proxy_id, p.grantee_account_id,
  p.powers, p.until, p.granted_at, p.revoked_at`;

const toProxy = (r: Row): ProxyRow => ({
  grantorId: text(r.resident_id),
  grantorName: optionalText(r.grantor_name),
  proxyId: text(r.proxy_id),
  granteeAccountId: text(r.grantee_account_id),
  powers: text(r.powers).split(' ') as ProxyPower[],
  until: optionalText(r.until),
  grantedAt: text(r.granted_at),
  revokedAt: optionalText(r.revoked_at),
});

export async function readResident(
  db: SqlExecutor,
  residentId: string,
): Promise<ResidentRow | undefined> {
  const row = await db.get(`SELECT ${RESIDENT_COLUMNS} FROM res_residents WHERE resident_id = ?`, [
    residentId,
  ]);
  return row && toResident(row);
}

/** The resident a phone digest (see @gongzhi/auth createPhoneDigester) signs in as. */
export async function readResidentLogin(
  db: SqlExecutor,
  phoneDigest: string,
): Promise<ResidentLogin | undefined> {
  const row = await db.get(
    `SELECT resident_id, password_hash, phone_confirmed FROM res_residents
     WHERE phone_digest = ? AND status = 'active'`,
    [phoneDigest],
  );
  return (
    row && {
      residentId: text(row.resident_id),
      passwordHash: optionalText(row.password_hash),
      phoneConfirmed: Number(row.phone_confirmed) === 1,
    }
  );
}

/**
 * Tie statuses through which a worker's search finds a resident: every tie the resident declared
 * or agreed to. A tie a worker declared that the resident has not confirmed (or declined) does
 * not make them findable, so that declaring one does not reveal a resident of another community.
 */
export const SEARCHABLE_TIE_STATUSES: readonly TieStatus[] = ['declared', 'verified', 'rejected'];
const searchable = SEARCHABLE_TIE_STATUSES.map((status) => `'${status}'`).join(', ');

/**
 * Residents with a searchable tie to the community, for a worker's search: by part of the
 * name, or by the last digits of the phone (the full number is looked up by its digest with
 * readResidentLogin). Forgotten residents are not found. At most `limit`, in registration order.
 */
export async function searchResidents(
  db: SqlExecutor,
  query: { communityId: string; text: string; limit?: number },
): Promise<ResidentRow[]> {
  const needle = query.text.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
  if (needle === '') return [];
  const rows = await db.all(
    `SELECT ${RESIDENT_COLUMNS} FROM res_residents
     WHERE status = 'active'
       AND (name LIKE ? ESCAPE '\\' OR phone_masked LIKE ? ESCAPE '\\')
       AND resident_id IN (
         SELECT resident_id FROM res_ties WHERE community_id = ? AND status IN (${searchable}))
     ORDER BY registered_position LIMIT ?`,
    [`%${needle}%`, `%${needle}`, query.communityId, query.limit ?? 50],
  );
  return rows.map(toResident);
}

/** The resident's ties, in the order declared. */
export async function listResidentTies(db: SqlExecutor, residentId: string): Promise<TieRow[]> {
  const rows = await db.all(
    `SELECT ${TIE_COLUMNS} FROM res_ties t WHERE t.resident_id = ? ORDER BY t.declared_position`,
    [residentId],
  );
  return rows.map(toTie);
}

/** Declared ties awaiting a worker of the community, oldest first. */
export async function listVerificationQueue(
  db: SqlExecutor,
  communityId: string,
): Promise<QueuedTie[]> {
  const rows = await db.all(
    `SELECT ${TIE_COLUMNS}, r.name, r.phone_masked, r.birth_year
     FROM res_ties t JOIN res_residents r ON r.resident_id = t.resident_id
     WHERE t.community_id = ? AND t.status = 'declared'
     ORDER BY t.declared_position`,
    [communityId],
  );
  return rows.map((r) => ({
    ...toTie(r),
    name: optionalText(r.name),
    phoneMasked: optionalText(r.phone_masked),
    birthYear: optionalNumber(r.birth_year),
  }));
}

/** Proxies the resident granted, revoked ones included, in the order granted. */
export async function listProxiesGranted(db: SqlExecutor, residentId: string): Promise<ProxyRow[]> {
  const rows = await db.all(
    `SELECT ${PROXY_COLUMNS} FROM res_proxies p
     JOIN res_residents r ON r.resident_id = p.resident_id
     WHERE p.resident_id = ? ORDER BY p.granted_position`,
    [residentId],
  );
  return rows.map(toProxy);
}

/** Proxies granted to the account, revoked ones included, in the order granted. */
export async function listProxiesReceived(db: SqlExecutor, accountId: string): Promise<ProxyRow[]> {
  const rows = await db.all(
    `SELECT ${PROXY_COLUMNS} FROM res_proxies p
     JOIN res_residents r ON r.resident_id = p.resident_id
     WHERE p.grantee_account_id = ? ORDER BY p.granted_position`,
    [accountId],
  );
  return rows.map(toProxy);
}

/** Whether the resident may take part under the rule (verified tie of an allowed kind + age). */
export async function residentEligibility(
  db: SqlExecutor,
  residentId: string,
  rule: EligibilityRule,
): Promise<Eligibility> {
  const resident = await readResident(db, residentId);
  if (!resident) return checkEligibility(undefined, rule);
  const ties = await listResidentTies(db, residentId);
  return checkEligibility({ ...resident, ties }, rule);
}

/**
 * How many residents are eligible under the rule (a verified tie of an allowed kind to its
 * community, old enough on its day, not forgotten): the base of a survey's response rate.
 */
export async function countEligibleResidents(
  db: SqlExecutor,
  rule: EligibilityRule,
): Promise<number> {
  const rows = await db.all(
    `SELECT r.resident_id, r.birth_year, r.status FROM res_residents r
     WHERE r.status = 'active' AND EXISTS (
       SELECT 1 FROM res_ties t WHERE t.resident_id = r.resident_id AND t.community_id = ?
         AND t.status = 'verified')`,
    [rule.communityId],
  );
  let count = 0;
  for (const row of rows) {
    const ties = await listResidentTies(db, String(row.resident_id));
    const subject = {
      status: 'active' as const,
      birthYear: row.birth_year === null ? null : Number(row.birth_year),
      ties,
    };
    if (checkEligibility(subject, rule).eligible) count++;
  }
  return count;
}
