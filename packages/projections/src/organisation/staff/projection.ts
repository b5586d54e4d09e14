// The staff read model: staff accounts (login name, password hash, status) and their role
// grants, as sign-in, access checks and the staff administration pages need them.
import { parseOrganisationEvent, scopeKey } from '@gongzhi/domain';
import type { OrganisationEvent, Scope } from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../../types.ts';

export const staffTables = ['org_staff_accounts', 'org_role_grants'] as const;

export type StaffTable = (typeof staffTables)[number];

const projectedTypes = [
  'StaffAccountCreated',
  'StaffPasswordChanged',
  'StaffAccountDeactivated',
  'RoleGranted',
  'RoleRevoked',
] as const satisfies readonly OrganisationEvent['type'][];

export const staffProjection: Projection<StaffTable> = {
  name: 'staff',
  version: 1,
  tables: staffTables,
  eventTypes: projectedTypes,

  schema: (t) => [
    `CREATE TABLE ${t.org_staff_accounts} (
       account_id TEXT PRIMARY KEY,
       login_name TEXT NOT NULL UNIQUE,
       display_name TEXT NOT NULL,
       password_hash TEXT NOT NULL,
       status TEXT NOT NULL,
       created_position BIGINT NOT NULL,
       created_at TEXT NOT NULL,
       updated_at TEXT NOT NULL
     )`,
    `CREATE TABLE ${t.org_role_grants} (
       account_id TEXT NOT NULL,
       role TEXT NOT NULL,
       scope_key TEXT NOT NULL,
       scope_type TEXT NOT NULL,
       street_id TEXT,
       community_id TEXT,
       granted_at TEXT NOT NULL,
       PRIMARY KEY (account_id, role, scope_key)
     )`,
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: TableNames<StaffTable>) {
    const event = parseOrganisationEvent(recorded.type, recorded.data);
    const at = recorded.metadata.occurredAt;
    switch (event.type) {
      case 'StaffAccountCreated':
        await tx.run(
          `INSERT INTO ${t.org_staff_accounts}
             (account_id, login_name, display_name, password_hash, status, created_position,
              created_at, updated_at)
           VALUES (?, ?, ?, ?, 'active', ?, ?, ?)
           ON CONFLICT (account_id) DO NOTHING`,
          [
            event.data.accountId,
            event.data.loginName,
            event.data.displayName,
            event.data.passwordHash,
            recorded.position,
            at,
            at,
          ],
        );
        return;
      case 'StaffPasswordChanged':
        await tx.run(
          `UPDATE ${t.org_staff_accounts} SET password_hash = ?, updated_at = ? WHERE account_id = ?`,
          [event.data.passwordHash, at, event.data.accountId],
        );
        return;
      case 'StaffAccountDeactivated':
        await tx.run(
          `UPDATE ${t.org_staff_accounts} SET status = 'deactivated', updated_at = ?
           WHERE account_id = ?`,
          [at, event.data.accountId],
        );
        return;
      case 'RoleGranted':
        await tx.run(
          `INSERT INTO ${t.org_role_grants}
             (account_id, role, scope_key, scope_type, street_id, community_id, granted_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (account_id, role, scope_key) DO NOTHING`,
          [
            event.data.accountId,
            event.data.role,
            scopeKey(event.data.scope),
            event.data.scope.type,
            streetOf(event.data.scope),
            event.data.scope.type === 'community' ? event.data.scope.communityId : null,
            at,
          ],
        );
        return;
      case 'RoleRevoked':
        await tx.run(
          `DELETE FROM ${t.org_role_grants} WHERE account_id = ? AND role = ? AND scope_key = ?`,
          [event.data.accountId, event.data.role, scopeKey(event.data.scope)],
        );
        return;
    }
  },
};

const streetOf = (scope: Scope): string | null => (scope.type === 'city' ? null : scope.streetId);
