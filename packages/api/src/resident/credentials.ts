// A resident's password as sign-in checks it: the number's holder from its claim stream, the hash
// from the resident's own stream (not the read model, so a password changed or reset a moment ago
// is the only one that works), and counted by the sign-in throttle under the number's digest
// (never under the number itself, which would then sit in plaintext in the failures table).
import type { ResidentStreamEvent } from '@gongzhi/domain';
import type { Context } from '../context.ts';
import { readWithPasswordHash } from '../session/sign-in.ts';
import { phoneHolder, residentRecord } from './commands.ts';

export const residentThrottleKey = (phoneDigest: string) => `phone:${phoneDigest}`;

const hashSetBy = (event: ResidentStreamEvent) =>
  event.type === 'ResidentRegistered' || event.type === 'PasswordChanged'
    ? event.data.passwordHash
    : undefined;

/** An active resident's number and password hash (null until they set one), from their stream. */
async function residentLogin(ctx: Context, residentId: string) {
  const { state, passwordHash } = await readWithPasswordHash(
    ctx.services.store,
    residentRecord(residentId),
    hashSetBy,
  );
  if (state.status !== 'active') return undefined;
  return { residentId, phoneDigest: state.phoneDigest, passwordHash: passwordHash ?? null };
}

/** Who signs in with the number, for `checkPasswordThrottled`. */
export const residentByPhone = (ctx: Context, phoneDigest: string) => ({
  accountKey: residentThrottleKey(phoneDigest),
  find: async () => {
    const residentId = await phoneHolder(ctx.services.store, phoneDigest);
    return residentId === undefined ? undefined : residentLogin(ctx, residentId);
  },
});

/** The signed-in resident's own password, for `checkPasswordThrottled`. */
export async function residentById(ctx: Context, residentId: string) {
  const login = await residentLogin(ctx, residentId);
  if (!login) throw new Error(`resident ${residentId} is not active`);
  return { accountKey: residentThrottleKey(login.phoneDigest), find: async () => login };
}
