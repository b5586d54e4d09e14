// "Forget me" over HTTP. A resident with a name and a number registers, declares and gets a tie
// verified (with a note naming them), grants a proxy, fails a sign-in and asks for a code; then
// forgets themselves. Afterwards the raw SQLite file and its write-ahead log, or every row of
// every PostgreSQL table of events and read models, hold neither the name nor the number. Their
// past acts are still in the log, with `personal: null`, and shown as by 已注销居民.
// A worker's erasure on a written request is requested, confirmed by a second person and carried
// out by the server once due, through the same erasure.
import { readFileSync, existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { engines } from './harness.ts';
import { RESIDENT_PASSWORD, useResidentServer, type Registered } from './resident-harness.ts';

const NAME = '测试张三丰';

describe.each(engines)('forgetting a resident on $name', ({ make }) => {
  const engine = make();
  const { api, resident } = useResidentServer(engine);
  const { call, signIn, head } = api;
  const phone = resident.newPhone();
  const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`;
  let zhang: Registered;

  /** Every place the engine keeps data, as text the test can search. */
  async function storedText(): Promise<string> {
    const options = engine.options();
    if (options.store === 'sqlite') {
      const file = api.runtime.location;
      return [file, `${file}-wal`]
        .filter((path) => existsSync(path))
        .map((path) => readFileSync(path).toString('latin1'))
        .join('\n');
    }
    if (options.store !== 'postgres') throw new Error(`not run on ${options.store}`);
    const tables = await api.runtime.readModelDb.all<{ table_schema: string; table_name: string }>(
      `SELECT table_schema, table_name FROM information_schema.tables
       WHERE table_schema IN (?, ?) AND table_type = 'BASE TABLE'`,
      [options.eventSchema, options.readModelSchema],
    );
    expect(tables.length).toBeGreaterThan(5);
    const rows: string[] = [];
    for (const { table_schema, table_name } of tables) {
      const all = await api.runtime.readModelDb.all<{ row: string }>(
        `SELECT t::text AS row FROM "${table_schema}"."${table_name}" t`,
      );
      rows.push(...all.map((r) => r.row));
    }
    return rows.join('\n');
  }

  /** Whether the stored data holds `needle`: for a file, its UTF-8 bytes. */
  const holds = (text: string, needle: string) =>
    text.includes(
      engine.name === 'sqlite' ? Buffer.from(needle, 'utf8').toString('latin1') : needle,
    );

  beforeAll(async () => {
    await signIn('shuyuan');
    await signIn('qinfeng');
    zhang = await resident.register('zhang', { name: NAME, phone, birthYear: 1970 });
    await resident.register('relative', { name: '张小宝', phone: resident.newPhone() });
    const relative = (
      await call<{ resident: { residentId: string } }>('resident.me', undefined, {
        as: 'relative',
        query: true,
      })
    ).body.result!.data.resident.residentId;
    const tie = (
      await call<{ ties: { tieId: string }[] }>('resident.me', undefined, {
        as: 'zhang',
        query: true,
      })
    ).body.result!.data.ties[0]!;
    const steps = [
      await call(
        'resident.verifyTie',
        {
          communityId: 'shuyuan',
          residentId: zhang.residentId,
          tieId: tie.tieId,
          note: `已核对${NAME}的户口簿`,
        },
        { as: 'shuyuan' },
      ),
      await call(
        'resident.grantProxy',
        { granteeAccountId: relative, powers: ['vote', 'propose'] },
        { as: 'zhang' },
      ),
      await call('resident.login', { phone, password: 'wrong-password-1' }),
    ];
    expect(steps.map((s) => s.status)).toEqual([200, 200, 401]);
    // A code outstanding when the resident is forgotten.
    expect(await resident.codeFor(phone)).toMatch(/^\d{6}$/);
  });

  it('finds the name and the number in the stored data before (so that the scan can fail)', async () => {
    // Let the read models take in everything, then look.
    await call('resident.me', { minPosition: await head() }, { as: 'zhang', query: true });
    const text = await storedText();
    expect(holds(text, NAME)).toBe(true);
    // The read models keep the number masked only; the whole number is never stored in clear.
    expect(holds(text, masked)).toBe(true);
    expect(holds(text, phone)).toBe(false);
  });

  it('refuses forgetting with a wrong password (400) or by staff (403), writing nothing', async () => {
    const before = await head();
    const wrong = await call('resident.forgetMe', { password: 'not-my-password' }, { as: 'zhang' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error?.data.fieldErrors?.map((e) => e.path)).toEqual(['password']);
    const empty = await call('resident.forgetMe', { password: '' }, { as: 'zhang' });
    expect(empty.status).toBe(400);
    expect(empty.body.error?.message).toContain('密码（password）');
    const staff = await call('resident.forgetMe', { password: 'x' }, { as: 'shuyuan' });
    expect(staff.status).toBe(403);
    expect(await head()).toBe(before);
  });

  it('forgets the resident at their request: signed out, and no trace of name or number is left', async () => {
    const reply = await call('resident.forgetMe', { password: RESIDENT_PASSWORD }, { as: 'zhang' });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.headers.getSetCookie().join()).toMatch(/gongzhi_session=;/);
    expect((await call('resident.me', undefined, { as: 'zhang', query: true })).status).toBe(401);
    const login = await call('resident.login', { phone, password: RESIDENT_PASSWORD });
    expect(login.status).toBe(401);

    const text = await storedText();
    expect(holds(text, NAME)).toBe(false);
    expect(holds(text, masked)).toBe(false);
    expect(holds(text, phone)).toBe(false);
  });

  it('keeps their past acts, shown as by 已注销居民', async () => {
    const events = await api.runtime.store.readStream(`resident-${zhang.residentId}`);
    expect(events.map((e) => e.type)).toEqual([
      'ResidentRegistered',
      'CommunityTieDeclared',
      'PhoneConfirmed',
      'CommunityTieVerified',
      'ProxyGranted',
      'ResidentForgotten',
    ]);
    expect(events[0]!.data).toMatchObject({ personal: null, personalForgotten: true });
    expect(events[3]!.data).toMatchObject({ personal: null, personalForgotten: true });

    const relative = await call<{
      proxiesReceived: { grantor: { name: string }; active: boolean }[];
    }>('resident.me', undefined, { as: 'relative', query: true });
    expect(relative.body.result?.data.proxiesReceived).toEqual([
      expect.objectContaining({
        grantor: expect.objectContaining({ name: '已注销居民' }),
        active: false,
      }),
    ]);
  });

  it('releases the number: it can be registered again', async () => {
    const again = await resident.register('zhang-again', { name: '张新', phone });
    expect(again.residentId).not.toBe(zhang.residentId);
  });

  describe('by community workers, on a written request: requested, confirmed by a second person, carried out when due', () => {
    const HOUR_MS = 60 * 60 * 1000;
    let li: Registered;
    let liTie: string;
    let erasureId: string;
    const request = (as: string, communityId = 'shuyuan', residentId = li.residentId) =>
      call<{ erasureId: string }>(
        'resident.requestErasure',
        { communityId, residentId, writtenRequestRef: '书院2025-017' },
        { as },
      );
    const confirm = (as: string, id = erasureId) =>
      call<{ dueAt: string }>(
        'resident.confirmErasure',
        { communityId: 'shuyuan', residentId: li.residentId, erasureId: id },
        { as },
      );

    beforeAll(async () => {
      await signIn('shuyuan2');
      await signIn('yushan');
      li = await resident.register('li', { name: '李四海', phone: resident.newPhone() });
      const me = await call<{ ties: { tieId: string }[] }>('resident.me', undefined, {
        as: 'li',
        query: true,
      });
      liTie = me.body.result!.data.ties[0]!.tieId;
    });

    it('refuses another community’s worker (403), a missing request reference (400), and a resident without a verified tie to the community (404), writing nothing', async () => {
      const before = await head();
      expect((await request('qinfeng')).status).toBe(403);
      const noRef = await call(
        'resident.requestErasure',
        { communityId: 'shuyuan', residentId: li.residentId },
        { as: 'shuyuan', headers: { 'x-gongzhi-locale': 'en' } },
      );
      expect(noRef.status).toBe(400);
      expect(noRef.body.error?.message).toMatch(/^Written request reference \(writtenRequestRef\)/);
      const notHere = await request('qinfeng', 'qinfeng');
      expect(notHere.status).toBe(404);
      expect(notHere.body.error?.data.reason).toBe('resident_not_in_community');
      // The tie li declared is not verified yet.
      const unverified = await request('shuyuan');
      expect(unverified.status).toBe(404);
      expect(unverified.body.error?.data.reason).toBe('resident_not_in_community');
      expect(await head()).toBe(before);
    });

    it('is requested through a verified tie; the resident is told and sees it on their profile', async () => {
      const verified = await call(
        'resident.verifyTie',
        { communityId: 'shuyuan', residentId: li.residentId, tieId: liTie, note: '已核对' },
        { as: 'shuyuan2' },
      );
      expect(verified.status).toBe(200);
      const requested = await request('shuyuan');
      expect(requested.status, JSON.stringify(requested.body)).toBe(200);
      erasureId = requested.body.result!.data.erasureId;
      expect((await request('shuyuan2')).status).toBe(409);
      const profile = await call<{ pendingErasure: { erasureId: string; confirmed: boolean } }>(
        'resident.me',
        { minPosition: await head() },
        { as: 'li', query: true },
      );
      expect(profile.body.result?.data.pendingErasure).toMatchObject({
        erasureId,
        confirmed: false,
      });
      const inbox = await call<{ notices: { cause: string; message: string }[] }>(
        'notification.inbox',
        {},
        { as: 'li', query: true },
      );
      expect(inbox.body.result?.data.notices.map((n) => n.cause)).toContain(
        'ResidentErasureRequested',
      );
    });

    it('is not confirmed by the requester (403) nor out of scope (403), writing nothing', async () => {
      const before = await head();
      const same = await confirm('shuyuan');
      expect(same.status).toBe(403);
      expect(same.body.error?.data.reason).toBe('erasure_same_person');
      expect((await confirm('qinfeng')).status).toBe(403);
      expect(await head()).toBe(before);
    });

    it('is confirmed by the street officer, due a day later; the sweep leaves it until then', async () => {
      const confirmed = await confirm('yushan');
      expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
      const due = Date.parse(confirmed.body.result!.data.dueAt);
      expect(due - Date.now()).toBeGreaterThan(23 * HOUR_MS);
      await call('resident.me', { minPosition: await head() }, { as: 'li', query: true });
      expect(await api.runtime.carryOutErasures()).toBe(0);
      expect((await call('resident.me', undefined, { as: 'li', query: true })).status).toBe(200);
    });

    it('is carried out by the server once due, recording the request; again changes nothing', async () => {
      const { services } = api.runtime;
      services.now = () => new Date(Date.now() + 25 * HOUR_MS);
      try {
        expect(await api.runtime.carryOutErasures()).toBe(1);
        const [forgotten] = await api.runtime.store.readStream(`resident-${li.residentId}`, {
          direction: 'backwards',
          maxCount: 1,
        });
        expect(forgotten).toMatchObject({
          type: 'ResidentForgotten',
          data: { requestedBy: 'worker', writtenRequestRef: '书院2025-017', erasureId },
          metadata: { actor: 'system', onBehalfOf: li.residentId, channel: 'system' },
        });
        expect((await call('resident.me', undefined, { as: 'li', query: true })).status).toBe(401);
        expect(holds(await storedText(), '李四海')).toBe(false);
        // A crash after the event and before the rest: the next sweep finishes it, writing nothing.
        const before = await head();
        await api.runtime.readModelDb.run('DELETE FROM resident_erasures_done');
        expect(await api.runtime.carryOutErasures()).toBe(1);
        expect(await api.runtime.carryOutErasures()).toBe(0);
        expect(await head()).toBe(before);
      } finally {
        delete services.now;
      }
    });

    it('is stopped by the resident before it is due, and then never carried out', async () => {
      const wu = await resident.register('wu', { name: '吴小梅', phone: resident.newPhone() });
      const tieId = (
        await call<{ ties: { tieId: string }[] }>('resident.me', undefined, {
          as: 'wu',
          query: true,
        })
      ).body.result!.data.ties[0]!.tieId;
      await call(
        'resident.verifyTie',
        { communityId: 'shuyuan', residentId: wu.residentId, tieId, note: '已核对' },
        { as: 'shuyuan' },
      );
      const requested = await request('shuyuan2', 'shuyuan', wu.residentId);
      const id = requested.body.result!.data.erasureId;
      const confirmed = await call(
        'resident.confirmErasure',
        { communityId: 'shuyuan', residentId: wu.residentId, erasureId: id },
        { as: 'shuyuan' },
      );
      expect(confirmed.status).toBe(200);
      const stopped = await call(
        'resident.stopMyErasure',
        { erasureId: id, reason: '我没有申请注销' },
        { as: 'wu' },
      );
      expect(stopped.status, JSON.stringify(stopped.body)).toBe(200);
      const { services } = api.runtime;
      services.now = () => new Date(Date.now() + 25 * HOUR_MS);
      try {
        await call('resident.me', { minPosition: await head() }, { as: 'wu', query: true });
        expect(await api.runtime.carryOutErasures()).toBe(0);
      } finally {
        delete services.now;
      }
      expect((await call('resident.me', undefined, { as: 'wu', query: true })).status).toBe(200);
      const again = await call(
        'resident.stopErasure',
        { communityId: 'shuyuan', residentId: wu.residentId, erasureId: id, reason: '已停止' },
        { as: 'yushan' },
      );
      expect(again.status).toBe(404);
    });
  });
});
