// "Forget me" over HTTP. A resident with a name and a number registers, declares and gets a tie
// verified (with a note naming them), grants a proxy, fails a sign-in and asks for a code; then
// forgets themselves. Afterwards the raw SQLite file and its write-ahead log, or every row of
// every PostgreSQL table of events and read models, hold neither the name nor the number. Their
// past acts are still in the log, with `personal: null`, and shown as by 已注销居民.
// A worker forgetting a resident on a written request goes through the same erasure.
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

  describe('by a community worker, on a written request', () => {
    let li: Registered;

    beforeAll(async () => {
      li = await resident.register('li', { name: '李四海', phone: resident.newPhone() });
    });

    it('refuses another community’s worker (403), a missing request reference (400) and a resident of another community (404), writing nothing', async () => {
      const before = await head();
      const outOfScope = await call(
        'resident.forget',
        { communityId: 'shuyuan', residentId: li.residentId, writtenRequestRef: '书院2025-017' },
        { as: 'qinfeng' },
      );
      expect(outOfScope.status).toBe(403);
      const noRef = await call(
        'resident.forget',
        { communityId: 'shuyuan', residentId: li.residentId },
        { as: 'shuyuan', headers: { 'x-gongzhi-locale': 'en' } },
      );
      expect(noRef.status).toBe(400);
      expect(noRef.body.error?.message).toMatch(/^Written request reference \(writtenRequestRef\)/);
      const notHere = await call(
        'resident.forget',
        { communityId: 'qinfeng', residentId: li.residentId, writtenRequestRef: '琴枫2025-001' },
        { as: 'qinfeng' },
      );
      expect(notHere.status).toBe(404);
      expect(await head()).toBe(before);
    });

    it('forgets the resident, recording the worker, the request and the channel', async () => {
      const reply = await call(
        'resident.forget',
        { communityId: 'shuyuan', residentId: li.residentId, writtenRequestRef: '书院2025-017' },
        { as: 'shuyuan' },
      );
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      const [forgotten] = await api.runtime.store.readStream(`resident-${li.residentId}`, {
        direction: 'backwards',
        maxCount: 1,
      });
      expect(forgotten).toMatchObject({
        type: 'ResidentForgotten',
        data: { requestedBy: 'worker', writtenRequestRef: '书院2025-017' },
        metadata: { actor: 'demo-shuyuan', onBehalfOf: li.residentId, channel: 'offline' },
      });
      expect((await call('resident.me', undefined, { as: 'li', query: true })).status).toBe(401);
      expect(holds(await storedText(), '李四海')).toBe(false);
    });
  });
});
