// A staff account's password as sign-in checks it: the account found by its login name (which
// never passes to another account, so the read model may say whose it is), its hash, status and
// grants from the account's own stream, and counted by the sign-in throttle under the login name.
import type { AccountEvent } from '@gongzhi/domain';
import { readStaffAccountByLoginName } from '@gongzhi/projections/organisation';
import type { Context, SignedInAccount } from '../context.ts';
import { readWithPasswordHash } from '../session/sign-in.ts';
import { accountRecord } from './commands.ts';

const hashSetBy = (event: AccountEvent) =>
  event.type === 'StaffAccountCreated' || event.type === 'StaffPasswordChanged'
    ? event.data.passwordHash
    : undefined;

/** The account as its stream has it now (deactivated or not), with its password's hash. */
async function staffCredentials(ctx: Context, accountId: string) {
  const { state, passwordHash } = await readWithPasswordHash(
    ctx.services.store,
    accountRecord(accountId),
    hashSetBy,
  );
  return state.status === 'none' ? undefined : { ...state, passwordHash: passwordHash ?? null };
}

/** Who signs in with the login name, for `checkPasswordThrottled`. */
export const staffByLoginName = (ctx: Context, loginName: string) => ({
  accountKey: loginName,
  find: async () => {
    const row = await readStaffAccountByLoginName(ctx.services.readModels.db, loginName);
    return row && staffCredentials(ctx, row.accountId);
  },
});

/** The signed-in staff member's own password, for `checkPasswordThrottled`. */
export const staffById = (
  ctx: Context,
  { accountId, loginName }: Pick<SignedInAccount, 'accountId' | 'loginName'>,
) => ({ accountKey: loginName, find: () => staffCredentials(ctx, accountId) });
