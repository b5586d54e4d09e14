// Reads of the staff read model, on the live tables (which carry the logical names).
import type { Scope, StaffRole } from '@gongzhi/domain';
import type { SqlExecutor } from '../../types.ts';

export type StaffAccountStatus = 'active' | 'deactivated';

export interface StaffAccountRow {
  accountId: string;
  loginName: string;
  displayName: string;
  passwordHash: string;
  status: StaffAccountStatus;
}

/** A staff account as administration pages list it: no password hash. */
export interface StaffAccountListing {
  accountId: string;
  loginName: string;
  displayName: string;
  status: StaffAccountStatus;
  createdAt: string;
  grants: GrantRow[];
}

export interface GrantRow {
  role: StaffRole;
  scope: Scope;
}

type Row = Record<string, unknown>;
const text = (value: unknown): string => String(value);

const toAccount = (r: Row): StaffAccountRow => ({
  accountId: text(r.account_id),
  loginName: text(r.login_name),
  displayName: text(r.display_name),
  passwordHash: text(r.password_hash),
  status: text(r.status) as StaffAccountStatus,
});

function toGrant(r: Row): GrantRow {
  const role = text(r.role) as StaffRole;
  switch (text(r.scope_type)) {
    case 'city':
      return { role, scope: { type: 'city' } };
    case 'street':
      return { role, scope: { type: 'street', streetId: text(r.street_id) } };
    default:
      return {
        role,
        scope: {
          type: 'community',
          communityId: text(r.community_id),
          streetId: text(r.street_id),
        },
      };
  }
}

const ACCOUNT_COLUMNS = 'account_id, login_name, display_name, password_hash, status';

export async function readStaffAccountByLoginName(
  db: SqlExecutor,
  loginName: string,
): Promise<StaffAccountRow | undefined> {
  const row = await db.get(
    `SELECT ${ACCOUNT_COLUMNS} FROM org_staff_accounts WHERE login_name = ?`,
    [loginName],
  );
  return row && toAccount(row);
}

export async function readStaffAccount(
  db: SqlExecutor,
  accountId: string,
): Promise<StaffAccountRow | undefined> {
  const row = await db.get(
    `SELECT ${ACCOUNT_COLUMNS} FROM org_staff_accounts WHERE account_id = ?`,
    [accountId],
  );
  return row && toAccount(row);
}

/**
 * Staff accounts with all their grants, in the order they were created: every account, or, with
 * `streetId`, those holding a grant in that street (the street itself or one of its communities).
 */
export async function listStaffAccounts(
  db: SqlExecutor,
  filter: { streetId?: string } = {},
): Promise<StaffAccountListing[]> {
  const inStreet = `account_id IN (SELECT account_id FROM org_role_grants WHERE street_id = ?)`;
  const params = filter.streetId === undefined ? [] : [filter.streetId];
  const accounts = await db.all(
    `SELECT account_id, login_name, display_name, status, created_at FROM org_staff_accounts
     ${filter.streetId === undefined ? '' : `WHERE ${inStreet}`}
     ORDER BY created_position`,
    params,
  );
  const grants = await db.all(
    `SELECT account_id, role, scope_type, street_id, community_id FROM org_role_grants
     ${filter.streetId === undefined ? '' : `WHERE ${inStreet}`}
     ORDER BY role, scope_key`,
    params,
  );
  const byAccount = new Map<string, GrantRow[]>();
  for (const row of grants) {
    const id = text(row.account_id);
    byAccount.set(id, [...(byAccount.get(id) ?? []), toGrant(row)]);
  }
  return accounts.map((r) => ({
    accountId: text(r.account_id),
    loginName: text(r.login_name),
    displayName: text(r.display_name),
    status: text(r.status) as StaffAccountStatus,
    createdAt: text(r.created_at),
    grants: byAccount.get(text(r.account_id)) ?? [],
  }));
}
