// A resident's password as sign-in checks it: found by the number's digest in the read model,
// and counted by the sign-in throttle under that digest (never under the number itself, which
// would then sit in plaintext in the failures table).
import { readResidentLogin, type ResidentLogin } from '@gongzhi/projections/resident';
import type { Context } from '../context.ts';
import { readState } from '../commands.ts';
import { residentRecord } from './commands.ts';

export const residentThrottleKey = (phoneDigest: string) => `phone:${phoneDigest}`;

/** Who signs in with the number, for `checkPasswordThrottled`. */
export const residentByPhone = (ctx: Context, phoneDigest: string) => ({
  accountKey: residentThrottleKey(phoneDigest),
  find: () => readResidentLogin(ctx.services.readModels.db, phoneDigest),
});

/** The signed-in resident's own password, for `checkPasswordThrottled`. */
export async function residentById(
  ctx: Context,
  residentId: string,
): Promise<{ accountKey: string; find: () => Promise<ResidentLogin | undefined> }> {
  const { state } = await readState(ctx.services.store, residentRecord(residentId));
  if (state.status !== 'active') throw new Error(`resident ${residentId} is not active`);
  const byPhone = residentByPhone(ctx, state.phoneDigest);
  return {
    accountKey: byPhone.accountKey,
    find: async () => {
      const login = await byPhone.find();
      return login?.residentId === residentId ? login : undefined;
    },
  };
}
