// actingFor, which modules where residents take part (proposing, voting) will call: asked with
// the context of a real request, it says whether the caller acts as the resident (online), as
// their proxy, or as a community worker recording what the resident asked in person (offline).
import { beforeAll, describe, expect, it } from 'vitest';
import { actingFor, createContext, type ApiServices, type Context } from '@gongzhi/api';
import { engines } from './harness.ts';
import { RESIDENT_PASSWORD, useResidentServer, type Registered } from './resident-harness.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const beijingDay = (at: number) => new Date(at + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);

const sqlite = engines.find((engine) => engine.name === 'sqlite')!;

describe('acting for a resident', () => {
  const { api, resident } = useResidentServer(sqlite.make());
  const { call, signIn, head } = api;
  let grandma: Registered;
  let son: Registered;
  let proxyId: string;

  /** The context a request signed in as `as` gets; `services` may move the clock. */
  function contextOf(as: string, services: Partial<ApiServices> = {}): Promise<Context> {
    return createContext(
      { ...api.runtime.services, ...services },
      {
        req: new Request(`${api.url}/trpc/any`, {
          headers: { cookie: `gongzhi_session=${api.tokens.get(as)}` },
        }),
        resHeaders: new Headers(),
      },
    );
  }

  const refusal = { code: 'FORBIDDEN', reason: 'not_acting_for' };

  beforeAll(async () => {
    for (const staff of ['shuyuan', 'shuyuan2', 'qinfeng', 'committee']) await signIn(staff);
    grandma = await resident.register('grandma', {
      name: '周阿婆',
      phone: resident.newPhone(),
      birthYear: 1938,
    });
    const sonPhone = resident.newPhone();
    son = await resident.register('son', { name: '周建华', phone: sonPhone, birthYear: 1965 });
    await resident.register('neighbour', { name: '吴邻居', phone: resident.newPhone() });
    const granted = await call<{ proxyId: string }>(
      'resident.grantProxy',
      { granteePhone: sonPhone, powers: ['vote'], until: beijingDay(Date.now()) },
      { as: 'grandma' },
    );
    expect(granted.status).toBe(200);
    proxyId = granted.body.result!.data.proxyId;
    // actingFor reads proxies from the read model.
    await call('resident.me', { minPosition: await head() }, { as: 'grandma', query: true });
  });

  it('lets the resident act for themselves, online', async () => {
    expect(await actingFor(await contextOf('grandma'), grandma.residentId, 'vote')).toEqual({
      actor: grandma.residentId,
      onBehalfOf: undefined,
      channel: 'online',
    });
  });

  it('lets a relative holding an active proxy act with its power, and no other', async () => {
    const ctx = await contextOf('son');
    expect(await actingFor(ctx, grandma.residentId, 'vote')).toEqual({
      actor: son.residentId,
      onBehalfOf: grandma.residentId,
      channel: 'proxy',
    });
    await expect(actingFor(ctx, grandma.residentId, 'propose')).rejects.toMatchObject(refusal);
  });

  it('refuses a proxy after its last day, and anyone holding none', async () => {
    const tomorrow = await contextOf('son', { now: () => new Date(Date.now() + DAY_MS) });
    await expect(actingFor(tomorrow, grandma.residentId, 'vote')).rejects.toMatchObject(refusal);
    const neighbour = await contextOf('neighbour');
    await expect(actingFor(neighbour, grandma.residentId, 'vote')).rejects.toThrow(
      /您不能代该居民投票/,
    );
  });

  it('lets a community worker of the resident’s community act offline once the tie is verified, and no one else on staff', async () => {
    const worker = await contextOf('shuyuan');
    // A declared tie is not enough: a worker reaches a resident through a verified one.
    await expect(actingFor(worker, grandma.residentId, 'propose')).rejects.toMatchObject(refusal);
    const [tie] = (
      await call<{ ties: { tieId: string }[] }>('resident.me', undefined, {
        as: 'grandma',
        query: true,
      })
    ).body.result!.data.ties;
    const verified = await call(
      'resident.verifyTie',
      { communityId: 'shuyuan', residentId: grandma.residentId, tieId: tie!.tieId, note: '已核对' },
      { as: 'shuyuan2' },
    );
    expect(verified.status).toBe(200);
    expect(await actingFor(worker, grandma.residentId, 'propose')).toEqual({
      actor: 'demo-shuyuan',
      onBehalfOf: grandma.residentId,
      channel: 'offline',
    });
    expect(
      await actingFor(worker, grandma.residentId, 'vote', { communityId: 'shuyuan' }),
    ).toMatchObject({ channel: 'offline' });
    // The act is about another community: the worker of 书院社区 may not.
    await expect(
      actingFor(worker, grandma.residentId, 'vote', { communityId: 'qinfeng' }),
    ).rejects.toMatchObject(refusal);
    for (const as of ['qinfeng', 'committee']) {
      await expect(
        actingFor(await contextOf(as), grandma.residentId, 'vote'),
      ).rejects.toMatchObject(refusal);
    }
  });

  it('ends a proxy when it is revoked, and every act for a forgotten resident', async () => {
    const revoked = await call('resident.revokeProxy', { proxyId }, { as: 'grandma' });
    expect(revoked.status).toBe(200);
    await call('resident.me', { minPosition: await head() }, { as: 'grandma', query: true });
    await expect(
      actingFor(await contextOf('son'), grandma.residentId, 'vote'),
    ).rejects.toMatchObject(refusal);

    const forgotten = await call(
      'resident.forgetMe',
      { password: RESIDENT_PASSWORD },
      { as: 'grandma' },
    );
    expect(forgotten.status).toBe(200);
    await expect(
      actingFor(await contextOf('shuyuan'), grandma.residentId, 'propose'),
    ).rejects.toMatchObject(refusal);
  });
});

describe('acting through a proxy the read models do not know yet', () => {
  const { api, resident } = useResidentServer(sqlite.make());

  it('takes the grantor’s stream as the judge, so a proxy works the moment it is granted', async () => {
    const grandpa = await resident.register('grandpa', {
      name: '钱阿公',
      phone: resident.newPhone(),
      birthYear: 1940,
    });
    const daughterPhone = resident.newPhone();
    const daughter = await resident.register('daughter', {
      name: '钱小梅',
      phone: daughterPhone,
      birthYear: 1968,
    });
    // From here on the read models stand still: only the event store knows what follows.
    await api.runtime.runner.stop();
    const contextOf = (as: string) =>
      createContext(api.runtime.services, {
        req: new Request(`${api.url}/trpc/any`, {
          headers: { cookie: `gongzhi_session=${api.tokens.get(as)}` },
        }),
        resHeaders: new Headers(),
      });
    await expect(
      actingFor(await contextOf('daughter'), grandpa.residentId, 'vote'),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', reason: 'not_acting_for' });
    const granted = await api.call<{ proxyId: string }>(
      'resident.grantProxy',
      { granteePhone: daughterPhone, powers: ['vote'], until: beijingDay(Date.now()) },
      { as: 'grandpa' },
    );
    expect(granted.status).toBe(200);
    expect(await actingFor(await contextOf('daughter'), grandpa.residentId, 'vote')).toEqual({
      actor: daughter.residentId,
      onBehalfOf: grandpa.residentId,
      channel: 'proxy',
    });
    await expect(
      actingFor(await contextOf('daughter'), grandpa.residentId, 'propose'),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', reason: 'not_acting_for' });
  });
});
