// The burden-reduction ledger over HTTP: a worker inventories a community with photos, removes a
// board, the street schedules a re-inspection that finds it back (反弹, naming the department),
// the street sees the relapse until it is removed again, and anyone reads the figures without an
// account. Keeping an item outside the locality's rule is refused without a street officer;
// nobody acts outside their places. On SQLite and PostgreSQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { engines, useApiServer } from './harness.ts';

interface Written {
  position: string;
}

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);

/** Today in China, as the API judges dates. */
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

const board = (title: string, ruleBoard?: string) => ({
  communityId: 'shuyuan',
  title,
  department: '市创建办',
  details: {
    kind: 'signboard',
    text: title,
    placement: 'outside',
    ...(ruleBoard && { ruleBoard }),
  },
  weeklyMinutes: 45,
});

const act = (itemId: string, what: string, extra: object = {}) => ({
  itemId,
  act: what,
  basis: '琴减负〔2026〕1号',
  reason: '按照清理通知摘除',
  approver: '书院社区 王主任',
  actedOn: today,
  ...extra,
});

interface Figures {
  counts: { kind: string; status: string; items: number }[];
  relapsedNow: number;
  everGone: number;
  everRelapsed: number;
  minutesReturnedPerWeek: number;
  appsClosed: number;
  groupsClosed: number;
}

describe.each(engines)('the ledger over HTTP on $name', ({ make }) => {
  const api = useApiServer(make());
  const { call, signIn } = api;

  beforeAll(async () => {
    for (const login of ['shuyuan', 'yushan', 'qinfeng', 'qinchuan', 'admin']) await signIn(login);
  });

  const upload = async (as: string) => {
    const form = new FormData();
    form.append('file', new File([JPEG], 'board.jpg', { type: 'image/jpeg' }));
    const response = await fetch(`${api.url}/api/photos`, {
      method: 'POST',
      body: form,
      headers: { cookie: `gongzhi_session=${api.tokens.get(as)}` },
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { photoId: string }).photoId;
  };

  const record = async (as: string, input: object) => {
    const reply = await call<Written & { itemId: string }>('ledger.record', input, { as });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };

  const mutate = async (path: string, input: object, as: string, status = 200) => {
    const reply = await call<Written>(path, input, { as });
    expect(reply.status, JSON.stringify(reply.body)).toBe(status);
    return reply;
  };

  const figures = async (input: object, minPosition?: string) => {
    const reply = await call<Figures>('ledger.figures', { ...input, minPosition }, { query: true });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };

  it('removes a board, finds it back on re-inspection, and shows the relapse to the street', async () => {
    const photo = await upload('shuyuan');
    const before = await figures({ communityId: 'shuyuan' });
    const { itemId, position } = await record('shuyuan', {
      ...board('平安创建示范点'),
      photoIds: [photo],
    });

    const item = await call<{ kind: string; status: string; photos: { fileId: string }[] }>(
      'ledger.item',
      { itemId, minPosition: position },
      { as: 'shuyuan', query: true },
    );
    expect(item.body.result?.data).toMatchObject({ kind: 'signboard', status: 'active' });
    expect(item.body.result?.data.photos.map((p) => p.fileId)).toEqual([photo]);

    const after = await upload('shuyuan');
    await mutate(
      'ledger.act',
      act(itemId, 'remove', { beforePhotoIds: [photo], afterPhotoIds: [after] }),
      'shuyuan',
    );
    // Once gone, it cannot be removed again.
    const again = await mutate('ledger.act', act(itemId, 'remove'), 'shuyuan', 409);
    expect(again.body.error?.data.reason).toBe('ledger_item_gone');

    // The street schedules a re-inspection; a community worker may not.
    await mutate('ledger.scheduleReinspection', { itemId, dueOn: today }, 'shuyuan', 403);
    await mutate('ledger.scheduleReinspection', { itemId, dueOn: today }, 'yushan');

    // Back on the wall: a relapse needs the department that put it back.
    const inspection = { itemId, inspectedOn: today, present: true, photoIds: [photo] };
    const unnamed = await mutate('ledger.recordReinspection', inspection, 'shuyuan', 400);
    expect(unnamed.body.error?.data.fieldErrors?.map((e) => e.path)).toEqual(['department']);
    const relapsed = await mutate(
      'ledger.recordReinspection',
      { ...inspection, department: '区综治办' },
      'shuyuan',
    );

    const streetRelapses = await call<{ items: { itemId: string; relapseDepartment: string }[] }>(
      'ledger.streetItems',
      { streetId: 'yushan', status: 'relapsed', minPosition: relapsed.body.result!.data.position },
      { as: 'yushan', query: true },
    );
    expect(streetRelapses.body.result?.data.items).toContainEqual(
      expect.objectContaining({ itemId, relapseDepartment: '区综治办' }),
    );
    // Only the street's own officers see the street's list.
    const other = await call(
      'ledger.streetItems',
      { streetId: 'yushan' },
      { as: 'qinchuan', query: true },
    );
    expect(other.status).toBe(403);

    // The public reads the figures without an account.
    const now = await figures({ streetId: 'yushan' }, relapsed.body.result!.data.position);
    expect(now.relapsedNow).toBeGreaterThanOrEqual(1);
    const community = await figures({ communityId: 'shuyuan' });
    expect(community.everRelapsed).toBe(before.everRelapsed + 1);

    // Removed again: off the street's relapse list, and its minutes count as returned.
    const removed = await mutate('ledger.act', act(itemId, 'remove'), 'shuyuan');
    const later = await figures({ communityId: 'shuyuan' }, removed.body.result!.data.position);
    expect(later.relapsedNow).toBe(before.relapsedNow);
    expect(later.minutesReturnedPerWeek).toBe(before.minutesReturnedPerWeek + 45);
    const history = await call<{ history: { entry: string }[] }>(
      'ledger.item',
      { itemId, minPosition: removed.body.result!.data.position },
      { as: 'yushan', query: true },
    );
    expect(history.body.result?.data.history.map((h) => h.entry)).toEqual([
      'removed',
      'scheduled',
      'reinspected',
      'relapsed',
      'removed',
    ]);
  });

  it('refuses to keep an item outside the locality’s rule without a street officer', async () => {
    const { itemId } = await record('shuyuan', board('文明实践示范岗'));
    const refused = await mutate('ledger.act', act(itemId, 'keep'), 'shuyuan', 403);
    expect(refused.body.error?.data.reason).toBe('keep_outside_rule');
    expect(refused.body.error?.message).toMatch(/街道审批/);
    // The street officer's keep is the street's approval.
    const keptBy = await mutate('ledger.act', act(itemId, 'keep'), 'yushan');
    const kept = await call<{ history: { data: { streetApproval: boolean } }[] }>(
      'ledger.item',
      { itemId, minPosition: keptBy.body.result!.data.position },
      { as: 'shuyuan', query: true },
    );
    expect(kept.body.result?.data.history[0]?.data.streetApproval).toBe(true);

    // A board the rule allows (the party organisation's) the community keeps itself.
    const party = await record('shuyuan', board('中共书院社区委员会', 'party'));
    await mutate('ledger.act', act(party.itemId, 'keep'), 'shuyuan');
  });

  it('keeps the locality’s rule as configuration', async () => {
    const settings = await call<{ keepBoards: { code: string }[] }>('ledger.settings', undefined, {
      query: true,
    });
    expect(settings.body.result?.data.keepBoards.map((b) => b.code)).toEqual([
      'party',
      'committee',
      'oversight',
      'cooperative',
    ]);
    const rule = {
      keepBoards: [
        { code: 'party', name: '党组织' },
        { code: 'service', name: '党群服务中心' },
      ],
      catalogueLevel: 'city',
    };
    await mutate('ledger.changeSettings', rule, 'yushan', 403);
    await mutate('ledger.changeSettings', rule, 'admin');
    const { itemId } = await record('shuyuan', board('党群服务中心', 'service'));
    await mutate('ledger.act', act(itemId, 'keep'), 'shuyuan');
  });

  it('lets each act only in its own places', async () => {
    // A worker of another street's community may not record here; the street officer may.
    const refused = await call('ledger.record', board('某某工作站'), { as: 'qinfeng' });
    expect(refused.status).toBe(403);
    const hongqiao = await record('yushan', { ...board('某某工作站'), communityId: 'hongqiao' });
    // 书院社区's worker may not act on 虹桥社区's item, nor may 琴川街道's officer.
    await mutate('ledger.act', act(hongqiao.itemId, 'remove'), 'shuyuan', 403);
    await mutate('ledger.act', act(hongqiao.itemId, 'remove'), 'qinchuan', 403);
    await mutate('ledger.act', act(hongqiao.itemId, 'retire'), 'yushan');
    // A merge names the item it goes into.
    const merge = await mutate('ledger.act', act(hongqiao.itemId, 'merge'), 'yushan', 400);
    expect(merge.body.error?.data.fieldErrors?.[0]?.path).toBe('intoItemId');
    // City figures are the city administrator's.
    expect((await call('ledger.cityFigures', {}, { as: 'yushan', query: true })).status).toBe(403);
    expect((await call('ledger.cityFigures', {}, { as: 'admin', query: true })).status).toBe(200);
  });

  it('records an app with what it forces, and a work group with its owner', async () => {
    const app = await record('shuyuan', {
      communityId: 'shuyuan',
      title: '某某打卡 APP',
      department: '区网格中心',
      details: {
        kind: 'app',
        appType: 'app',
        purpose: '巡查打卡',
        forces: ['check_in', 'ranking'],
      },
      weeklyMinutes: 120,
    });
    const group = await record('shuyuan', {
      communityId: 'shuyuan',
      title: '书院社区创建工作群',
      department: '市创建办',
      details: { kind: 'chat_group', owner: '李科长', purpose: '报送照片', members: 86 },
      weeklyMinutes: 90,
    });
    const before = await figures({ communityId: 'shuyuan' });
    await mutate('ledger.act', act(app.itemId, 'retire'), 'shuyuan');
    const done = await mutate('ledger.act', act(group.itemId, 'retire'), 'shuyuan');
    const after = await figures({ communityId: 'shuyuan' }, done.body.result!.data.position);
    expect(after.appsClosed).toBe(before.appsClosed + 1);
    expect(after.groupsClosed).toBe(before.groupsClosed + 1);
    // A kind's fields are checked: a group without its owner is refused beside the field.
    const bad = await call(
      'ledger.record',
      {
        communityId: 'shuyuan',
        title: '群',
        department: '市创建办',
        details: { kind: 'chat_group', purpose: '报送', members: 3 },
        weeklyMinutes: 10,
      },
      { as: 'shuyuan' },
    );
    expect(bad.status).toBe(400);
  });
});
