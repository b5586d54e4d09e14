// The API over real HTTP: a server on a random port with a fresh store, on SQLite and on
// PostgreSQL. Demo data is seeded as on a first `npm start`.
import { describe, expect, it, beforeAll } from 'vitest';
import { createApiClient, fieldErrorsOf } from '@gongzhi/api/client';
import { demoPassword as password, engines, useApiServer } from './harness.ts';

describe.each(engines)('API over HTTP on $name', ({ make }) => {
  const engine = make();
  const api = useApiServer(engine);
  const { call, signIn, head, tokens: sessions } = api;

  beforeAll(async () => {
    await signIn('admin');
    await signIn('yushan');
  });

  it('serves the public overview of the seeded city through the typed client', async () => {
    const client = createApiClient({ url: `${api.url}/trpc` });
    const overview = await client.organisation.overview.query();
    expect(overview.city?.name).toBe('琴湖市');
    expect(overview.streets.map((s) => s.name)).toEqual(['虞山街道', '琴川街道']);
    const communities = overview.streets.flatMap((s) => s.communities);
    expect(communities.length).toBeGreaterThanOrEqual(6);
    expect(new Set(communities.map((c) => c.kind))).toEqual(new Set(['urban', 'village']));
  });

  it('lists the streets alone, without their communities, for the first step of a place picker', async () => {
    const client = createApiClient({ url: `${api.url}/trpc` });
    const { streets } = await client.organisation.streets.query();
    expect(streets.map((s) => [s.streetId, s.name, s.nameEn, s.status])).toEqual([
      ['yushan', '虞山街道', 'Yushan Subdistrict', 'open'],
      ['qinchuan', '琴川街道', 'Qinchuan Subdistrict', 'open'],
    ]);
    expect(streets.some((s) => 'communities' in s)).toBe(false);
  });

  it('lets a typed client sign in, pass the session cookie on, and read field errors', async () => {
    const setCookies: string[] = [];
    const signingIn = createApiClient({
      url: `${api.url}/trpc`,
      onResponseHeaders: (headers) => setCookies.push(...headers.getSetCookie()),
    });
    await signingIn.auth.login.mutate({ loginName: 'admin', password: password('admin') });
    const cookie = setCookies.find((c) => c.startsWith('gongzhi_session='))!.split(';')[0]!;

    const signedIn = createApiClient({
      url: `${api.url}/trpc`,
      headers: { cookie, 'x-gongzhi-locale': 'en' },
    });
    expect((await signedIn.auth.me.query()).account?.loginName).toBe('admin');
    const error = await signedIn.organisation.registerStreet.mutate({ name: '' }).catch((e) => e);
    expect(fieldErrorsOf(error)).toEqual([
      { path: 'name', message: expect.stringMatching(/at least 2 characters/) },
    ]);
  });

  it('answers GET /healthz with the store kind and positions', async () => {
    const response = await fetch(`${api.url}/healthz`);
    const health = (await response.json()) as { store: string; headPosition: string };
    expect(response.status).toBe(200);
    expect(health.store).toBe(engine.name);
    expect(health.headPosition).toBe(await head());
  });

  it('says 404 for a street that does not exist', async () => {
    const reply = await call('organisation.street', { streetId: 'nowhere' }, { query: true });
    expect(reply.status).toBe(404);
    expect(reply.body.error?.message).toContain('nowhere');
  });

  it('signs in with an HttpOnly, SameSite=Lax session cookie and knows who is signed in', async () => {
    const cookie = await signIn('qinchuan');
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await call('auth.me', undefined, { as: 'qinchuan', query: true });
    expect(me.body.result?.data).toMatchObject({
      account: {
        loginName: 'qinchuan',
        grants: [{ role: 'street_officer', scope: { type: 'street', streetId: 'qinchuan' } }],
      },
    });
  });

  it('accepts the session token as a Bearer token too', async () => {
    const me = await call('auth.me', undefined, {
      query: true,
      headers: { authorization: `Bearer ${sessions.get('admin')}` },
    });
    expect(me.body.result?.data).toMatchObject({ account: { loginName: 'admin' } });
  });

  it('refuses a wrong password with 401 in the caller’s language, then throttles', async () => {
    const wrong = { loginName: 'no-such-person', password: 'not-the-password' };
    const first = await call('auth.login', wrong, {
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(first.status).toBe(401);
    expect(first.body.error?.message).toBe('The login name or password is incorrect.');
    let last = first;
    for (let attempt = 2; attempt <= 6 && last.status === 401; attempt++) {
      last = await call('auth.login', wrong);
    }
    expect(last.status).toBe(429);
    expect(last.body.error?.message).toMatch(/登录失败次数过多/);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('registers a community, and a query with minPosition reads it back at once', async () => {
    const reply = await call(
      'organisation.registerCommunity',
      { streetId: 'yushan', kind: 'urban', name: '新城社区', nameEn: 'Xincheng Community' },
      { as: 'admin' },
    );
    expect(reply.status).toBe(200);
    const { position, communityId } = reply.body.result!.data as {
      position: string;
      communityId: string;
    };
    expect(position).toBe(await head());
    const street = await call(
      'organisation.street',
      { streetId: 'yushan', minPosition: position },
      { query: true },
    );
    expect(street.body.result?.data).toMatchObject({
      communities: expect.arrayContaining([
        expect.objectContaining({ communityId, name: '新城社区', kind: 'urban', revision: '0' }),
      ]),
    });
  });

  it('refuses malformed input with 400 naming the field, in zh-CN by default and in English by header, writing nothing', async () => {
    const before = await head();
    const malformed = { streetId: 'yushan', kind: 'town', name: '新' };

    const zh = await call('organisation.registerCommunity', malformed, { as: 'admin' });
    expect(zh.status).toBe(400);
    expect(zh.body.error?.message).toContain('名称（name）：至少需要 2 个字');
    expect(zh.body.error?.message).toContain('类型（kind）');
    expect(zh.body.error?.data.fieldErrors?.map((e) => e.path).sort()).toEqual(['kind', 'name']);
    expect(zh.body.error?.data.fieldErrors?.find((e) => e.path === 'name')?.message).toMatch(
      /\p{Script=Han}/u,
    );

    const en = await call('organisation.registerCommunity', malformed, {
      as: 'admin',
      headers: { 'x-gongzhi-locale': 'en' },
    });
    expect(en.status).toBe(400);
    expect(en.body.error?.message).toMatch(/Name \(name\): must be at least 2 characters/);
    expect(en.body.error?.message).toMatch(/Kind \(kind\): must be one of the given options/);

    expect(await head()).toBe(before);
  });

  it('refuses a second of two concurrent renames made on the same revision with 409 saying what changed', async () => {
    const { community } = (
      await call('organisation.community', { communityId: 'hongqiao' }, { query: true })
    ).body.result!.data as { community: { revision: string } };
    const rename = (name: string) =>
      call(
        'organisation.renameCommunity',
        { communityId: 'hongqiao', name, expectedRevision: community.revision },
        { as: 'admin' },
      );
    const replies = await Promise.all([rename('虹桥东社区'), rename('虹桥西社区')]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    const refused = replies.find((r) => r.status === 409)!;
    const won = replies.find((r) => r.status === 200)!;
    const winner = won === replies[0] ? '虹桥东社区' : '虹桥西社区';
    expect(refused.body.error?.data.reason).toBe('changed_meanwhile');
    expect(refused.body.error?.message).toContain(`更名为「${winner}」`);
  });

  it('refuses an unauthenticated mutation with 401, writing nothing', async () => {
    const before = await head();
    const reply = await call('organisation.registerStreet', { name: '莫城街道' });
    expect(reply.status).toBe(401);
    expect(reply.body.error?.message).toBe('请先登录。');
    expect(await head()).toBe(before);
  });

  it('lets a street officer act in their street and refuses another street with 403 and a reason, writing nothing', async () => {
    const inScope = await call(
      'organisation.registerCommunity',
      { streetId: 'yushan', kind: 'village', name: '湖圩村' },
      { as: 'yushan' },
    );
    expect(inScope.status).toBe(200);

    const before = await head();
    const outOfScope = await call(
      'organisation.registerCommunity',
      { streetId: 'qinchuan', kind: 'village', name: '湖圩村' },
      { as: 'yushan' },
    );
    expect(outOfScope.status).toBe(403);
    expect(outOfScope.body.error?.data.reason).toBe('out_of_scope');
    expect(outOfScope.body.error?.message).toContain('琴川街道');
    const renameOther = await call(
      'organisation.renameCommunity',
      { communityId: 'qinfeng', name: '琴枫新社区' },
      { as: 'yushan', headers: { 'x-gongzhi-locale': 'en' } },
    );
    expect(renameOther.status).toBe(403);
    expect(renameOther.body.error?.message).toMatch(/You may not rename a community/);
    const cityLevel = await call(
      'organisation.registerStreet',
      { name: '莫城街道' },
      { as: 'yushan' },
    );
    expect(cityLevel.status).toBe(403);
    expect(await head()).toBe(before);
  });

  it('refuses a state-changing request from another site with 403, writing nothing', async () => {
    const before = await head();
    const byOrigin = await call(
      'organisation.registerStreet',
      { name: '莫城街道' },
      { as: 'admin', headers: { origin: 'https://evil.example' } },
    );
    expect(byOrigin.status).toBe(403);
    expect(byOrigin.body.error?.data.reason).toBe('cross_site_request');
    const byFetchMetadata = await call(
      'organisation.registerStreet',
      { name: '莫城街道' },
      { as: 'admin', headers: { 'sec-fetch-site': 'cross-site', 'x-gongzhi-locale': 'en' } },
    );
    expect(byFetchMetadata.status).toBe(403);
    expect(byFetchMetadata.body.error?.message).toMatch(/another site/);
    expect(await head()).toBe(before);
  });

  it('maps domain refusals: renaming a closed community is a 409 with the domain’s text', async () => {
    const closed = await call(
      'organisation.closeCommunity',
      { communityId: 'xiaoyi' },
      { as: 'admin' },
    );
    expect(closed.status).toBe(200);
    const rename = await call(
      'organisation.renameCommunity',
      { communityId: 'xiaoyi', name: '小义新村' },
      { as: 'admin', headers: { 'x-gongzhi-locale': 'en' } },
    );
    expect(rename.status).toBe(409);
    expect(rename.body.error?.data.reason).toBe('community_closed');
    expect(rename.body.error?.message).toBe(
      '“小义村” has been closed and can no longer be renamed.',
    );
  });

  it('signs out: the session no longer works', async () => {
    await signIn('qinchuan');
    const out = await call('auth.logout', undefined, { as: 'qinchuan' });
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie().join()).toMatch(/gongzhi_session=;/);
    const me = await call('auth.me', undefined, { as: 'qinchuan', query: true });
    expect(me.body.result?.data).toEqual({ account: null });
  });
});
