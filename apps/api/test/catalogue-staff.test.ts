// Keeping the admission catalogues over HTTP, beyond drafting and publishing: a draft's entry is
// rewritten with the reason (shown among the changes) and a published one cannot be; the chains
// of scope hold (a community worker cannot publish, a department cannot admit its own request);
// a community worker records a task pushed to it outside the catalogues (清单外事项), which its
// street sees and another street does not. On SQLite and PostgreSQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { engines, useApiServer } from './harness.ts';

const city = { type: 'city' };
const entry = (code: string, title: string, alternative = '书面承诺') => ({
  code,
  title,
  basis: '厅字〔2022〕28号',
  department: '市民政局',
  communityRole: '居民办理低保时使用',
  alternative,
});

/** Today in China, as the API judges dates. */
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe.each(engines)('keeping the catalogues over HTTP on $name', ({ make }) => {
  const api = useApiServer(make());
  const { call, signIn } = api;

  beforeAll(async () => {
    for (const login of ['admin', 'yushan', 'qinchuan', 'shuyuan', 'qinfeng', 'department']) {
      await signIn(login);
    }
  });

  const reply = async <T = { position: string }>(
    path: string,
    input: object,
    as: string,
    status = 200,
  ) => {
    const answer = await call<T>(path, input, { as });
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    return answer;
  };

  it('rewrites a draft’s entry with the reason, and refuses any change once published', async () => {
    const { catalogueId } = (
      await reply<{ catalogueId: string }>(
        'catalogue.draft',
        { place: city, kind: 'certificates', year: 2050 },
        'admin',
      )
    ).body.result!.data;
    await reply(
      'catalogue.addEntry',
      { catalogueId, entry: entry('Z-01', '低保证明'), reason: '首版' },
      'admin',
    );
    const changed = await reply(
      'catalogue.changeEntry',
      { catalogueId, entry: entry('Z-01', '低保证明', '民政部门数据核验'), reason: '改为数据核验' },
      'admin',
    );
    // The keepers see the draft among their versions; the public does not.
    const versions = await call<{ versions: { catalogueId: string; status: string }[] }>(
      'catalogue.versions',
      { place: city, minPosition: changed.body.result!.data.position },
      { as: 'admin', query: true },
    );
    expect(versions.body.result?.data.versions).toContainEqual(
      expect.objectContaining({ catalogueId, status: 'draft' }),
    );

    // A community worker cannot publish; a street officer cannot publish the city's.
    await reply('catalogue.publish', { catalogueId }, 'shuyuan', 403);
    await reply('catalogue.publish', { catalogueId }, 'yushan', 403);
    const published = await reply('catalogue.publish', { catalogueId }, 'admin');

    const version = await call<{
      entries: { code: string; alternative: string }[];
      changes: { change: string; code: string; reason: string }[];
    }>(
      'catalogue.get',
      { catalogueId, minPosition: published.body.result!.data.position },
      { query: true },
    );
    expect(version.body.result?.data.entries).toEqual([
      expect.objectContaining({ code: 'Z-01', alternative: '民政部门数据核验' }),
    ]);
    expect(version.body.result?.data.changes.map((c) => [c.change, c.code, c.reason])).toEqual([
      ['added', 'Z-01', '首版'],
      ['changed', 'Z-01', '改为数据核验'],
    ]);

    // Published: immutable, with a clear reason.
    for (const [path, input] of [
      ['catalogue.changeEntry', { catalogueId, entry: entry('Z-01', 'x'), reason: '再改' }],
      ['catalogue.addEntry', { catalogueId, entry: entry('Z-09', 'x'), reason: '再加' }],
      ['catalogue.removeEntry', { catalogueId, code: 'Z-01', reason: '删去' }],
    ] as const) {
      const refused = await reply(path, input, 'admin', 409);
      expect(refused.body.error?.data.reason).toBe('catalogue_published');
      expect(refused.body.error?.message).toContain('已发布');
    }
  });

  it('lets a department file a request but not admit it; the city decides', async () => {
    const { catalogueId } = (
      await reply<{ catalogueId: string }>(
        'catalogue.draft',
        { place: city, kind: 'work_items', year: 2051 },
        'admin',
      )
    ).body.result!.data;
    const { requestId } = (
      await reply<{ requestId: string }>(
        'catalogue.fileRequest',
        {
          place: city,
          kind: 'work_items',
          department: '市住建局',
          entry: { ...entry('W-05', '房屋安全巡查'), funding: '每年每社区 2 万元' },
          reason: '汛期房屋安全',
        },
        'department',
      )
    ).body.result!.data;
    const decision = { requestId, admit: true, reason: '有依据，经费随事转', catalogueId };
    // The department that asked, a community worker and another street's officer may not decide.
    for (const as of ['department', 'shuyuan', 'qinchuan']) {
      await reply('catalogue.decideRequest', decision, as, 403);
    }
    const admitted = await reply('catalogue.decideRequest', decision, 'admin');
    const draft = await call<{ entries: { code: string }[] }>(
      'catalogue.get',
      { catalogueId, minPosition: admitted.body.result!.data.position },
      { as: 'admin', query: true },
    );
    expect(draft.body.result?.data.entries.map((e) => e.code)).toEqual(['W-05']);
  });

  it('records tasks pushed outside the catalogues, seen by the community’s street only', async () => {
    const task = {
      communityId: 'shuyuan',
      title: '每日上报创卫照片',
      pushedBy: '区创卫办',
      pushedOn: today,
      channel: 'chat_group',
      notes: '在工作群里要求每天 8 点前上报',
    };
    const recorded = await reply('catalogue.recordOffCatalogueTask', task, 'shuyuan');
    const minPosition = recorded.body.result!.data.position;
    // A worker of another street's community, and that street's officer, may not record here.
    await reply('catalogue.recordOffCatalogueTask', task, 'qinfeng', 403);
    await reply('catalogue.recordOffCatalogueTask', task, 'qinchuan', 403);
    const future = await reply(
      'catalogue.recordOffCatalogueTask',
      { ...task, pushedOn: '2999-01-01' },
      'shuyuan',
      400,
    );
    expect(future.body.error?.data.fieldErrors?.map((e) => e.path)).toEqual(['pushedOn']);

    const street = await call<{
      tasks: { title: string; pushedBy: string; channel: string }[];
      byDepartment: { pushedBy: string; tasks: number }[];
    }>(
      'catalogue.streetOffCatalogueTasks',
      { streetId: 'yushan', minPosition },
      {
        as: 'yushan',
        query: true,
      },
    );
    expect(street.status).toBe(200);
    expect(street.body.result?.data.tasks).toContainEqual(
      expect.objectContaining({
        title: '每日上报创卫照片',
        pushedBy: '区创卫办',
        channel: 'chat_group',
      }),
    );
    expect(street.body.result?.data.byDepartment).toContainEqual({
      pushedBy: '区创卫办',
      tasks: 1,
    });
    // Another street's officer sees neither the street's list nor the community's.
    const other = await call(
      'catalogue.streetOffCatalogueTasks',
      { streetId: 'yushan' },
      { as: 'qinchuan', query: true },
    );
    expect(other.status).toBe(403);
    const otherCommunity = await call(
      'catalogue.communityOffCatalogueTasks',
      { communityId: 'shuyuan' },
      { as: 'qinchuan', query: true },
    );
    expect(otherCommunity.status).toBe(403);
  });
});
