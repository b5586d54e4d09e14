// A database out of reach for a moment (a failover) answers a typed 503 "try again" in the
// caller's language, not a 500. The error here is real: a PostgreSQL client that finds nobody
// listening, as an API instance does while the cluster elects a new primary.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openPostgresEventStore } from '@gongzhi/eventstore/postgres';
import type { Context } from '../src/index.ts';
import { createCallerFactory, procedure, router } from '../src/trpc.ts';

const probe = router({
  read: procedure('public', z.object({})).query(() =>
    openPostgresEventStore({ url: 'postgres://postgres@127.0.0.1:1/test', maxConnections: 1 }),
  ),
  fail: procedure('public', z.object({})).query(() => {
    throw new Error('a defect');
  }),
});

const callerIn = (locale: 'zh-CN' | 'en') =>
  createCallerFactory(probe)({ locale, account: null, asOf: null } as unknown as Context);

describe('a store out of reach', () => {
  it('is a 503 with a reason and a message people understand', async () => {
    const refusal = await callerIn('zh-CN')
      .read({})
      .catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'store_unavailable' });
    expect((refusal as Error).message).toMatch(/请几秒后再试/);
    const english = await callerIn('en')
      .read({})
      .catch((e: unknown) => e);
    expect((english as Error).message).toMatch(/try again in a few seconds/);
  });

  it('leaves any other failure a server error', async () => {
    const error = await callerIn('en')
      .fail({})
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
  });
});
