import type { RouterOutputs } from '@gongzhi/api/client';

/** The signed-in staff account as auth.me describes it. */
export type SessionUser = NonNullable<RouterOutputs['auth']['me']['account']>;
