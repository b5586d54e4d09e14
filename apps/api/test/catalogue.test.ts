// The admission catalogues over HTTP: the city drafts a version, publishes it (then it cannot
// change), drafts the next from it; a department asks to add a certificate and the city admits it
// into the next version or refuses it, each with a reason; the published next version shows what
// was added and removed and why, to anyone. On SQLite and PostgreSQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { engines, useApiServer } from './harness.ts';

interface Version {
  status: string;
  entries: { code: string }[];
  changes: { change: string; code: string; reason: string; requestId: string | null }[];
}

const city = { type: 'city' };
const entry = (code: string, title: string) => ({
  code,
  title,
  basis: '厅字〔2022〕28号',
  department: '市民政局',
  communityRole: '居民办理低保时使用',
  alternative: '书面承诺或部门间数据共享',
});

describe.each(engines)('the admission catalogues over HTTP on $name', ({ make }) => {
  const api = useApiServer(make());
  const { call, signIn } = api;

  beforeAll(async () => {
    for (const login of ['admin', 'yushan', 'department']) await signIn(login);
  });

  const ok = async <T = { position: string }>(path: string, input: object, as: string) => {
    const reply = await call<T>(path, input, { as });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };

  const publicVersion = async (catalogueId: string, minPosition: string) => {
    const reply = await call<Version>(
      'catalogue.get',
      { catalogueId, minPosition },
      { query: true },
    );
    return reply;
  };

  it('publishes a version, freezes it, and shows the next one’s changes with their reasons', async () => {
    const first = await ok<{ catalogueId: string; position: string }>(
      'catalogue.draft',
      { place: city, kind: 'certificates', year: 2040 },
      'admin',
    );
    expect(first.catalogueId).toBe('city-certificates-2040');
    // A draft is not public.
    expect((await publicVersion(first.catalogueId, first.position)).status).toBe(404);
    for (const [code, title] of [
      ['Z-01', '亲属关系证明'],
      ['Z-02', '健在证明'],
    ]) {
      await ok(
        'catalogue.addEntry',
        { catalogueId: first.catalogueId, entry: entry(code!, title!), reason: '首版' },
        'admin',
      );
    }
    const published = await ok('catalogue.publish', { catalogueId: first.catalogueId }, 'admin');
    const shown = await publicVersion(first.catalogueId, published.position);
    expect(shown.body.result?.data.entries.map((e) => e.code)).toEqual(['Z-01', 'Z-02']);

    // Published: immutable.
    const late = await call(
      'catalogue.addEntry',
      { catalogueId: first.catalogueId, entry: entry('Z-03', '无犯罪记录证明'), reason: '补充' },
      { as: 'admin' },
    );
    expect(late.status).toBe(409);

    // The next version starts from it.
    const next = await ok<{ catalogueId: string }>(
      'catalogue.draft',
      { place: city, kind: 'certificates', year: 2041 },
      'admin',
    );

    // A department asks; the city admits one request into the next version and refuses another.
    const asked = await ok<{ requestId: string }>(
      'catalogue.fileRequest',
      {
        place: city,
        kind: 'certificates',
        department: '市人社局',
        entry: entry('Z-09', '就业困难人员认定证明'),
        reason: '就业援助需要',
      },
      'department',
    );
    const refusedAsk = await ok<{ requestId: string }>(
      'catalogue.fileRequest',
      {
        place: city,
        kind: 'certificates',
        department: '市住建局',
        entry: entry('Z-10', '居住证明'),
        reason: '租房补贴需要',
      },
      'department',
    );
    // A street officer decides nothing for the city's catalogue.
    const street = await call(
      'catalogue.decideRequest',
      {
        requestId: asked.requestId,
        admit: true,
        reason: '依据充分',
        catalogueId: next.catalogueId,
      },
      { as: 'yushan' },
    );
    expect(street.status).toBe(403);
    await ok(
      'catalogue.decideRequest',
      {
        requestId: asked.requestId,
        admit: true,
        reason: '依据充分，费随事转',
        catalogueId: next.catalogueId,
      },
      'admin',
    );
    await ok(
      'catalogue.decideRequest',
      { requestId: refusedAsk.requestId, admit: false, reason: '可由部门间数据共享替代' },
      'admin',
    );
    await ok(
      'catalogue.removeEntry',
      { catalogueId: next.catalogueId, code: 'Z-02', reason: '养老金资格认证改为数据比对' },
      'admin',
    );
    const done = await ok('catalogue.publish', { catalogueId: next.catalogueId }, 'admin');

    const version = (await publicVersion(next.catalogueId, done.position)).body.result!.data;
    expect(version.entries.map((e) => e.code)).toEqual(['Z-01', 'Z-09']);
    expect(version.changes).toEqual([
      {
        change: 'added',
        code: 'Z-09',
        title: '就业困难人员认定证明',
        reason: '依据充分，费随事转',
        requestId: asked.requestId,
      },
      {
        change: 'removed',
        code: 'Z-02',
        title: '健在证明',
        reason: '养老金资格认证改为数据比对',
        requestId: null,
      },
    ]);
    const requests = await call<{
      requests: { requestId: string; status: string; decisionReason: string }[];
    }>(
      'catalogue.requests',
      { place: city, minPosition: done.position },
      { as: 'admin', query: true },
    );
    expect(requests.body.result?.data.requests).toContainEqual(
      expect.objectContaining({
        requestId: refusedAsk.requestId,
        status: 'refused',
        decisionReason: '可由部门间数据共享替代',
      }),
    );
    const list = await call<{ versions: { catalogueId: string }[] }>(
      'catalogue.list',
      { minPosition: done.position },
      { query: true },
    );
    expect(list.body.result?.data.versions.map((v) => v.catalogueId)).toEqual(
      expect.arrayContaining([first.catalogueId, next.catalogueId]),
    );
  });

  it('keeps catalogues where the locality says, and only its keepers draft them', async () => {
    const byStreet = await call(
      'catalogue.draft',
      { place: { type: 'street', streetId: 'yushan' }, kind: 'work_items', year: 2040 },
      { as: 'yushan' },
    );
    expect(byStreet.status).toBe(400);
    expect((byStreet.body.error?.data as { reason?: string }).reason).toBe('catalogue_level');
    const officer = await call(
      'catalogue.draft',
      { place: city, kind: 'work_items', year: 2040 },
      { as: 'yushan' },
    );
    expect(officer.status).toBe(403);
  });
});
