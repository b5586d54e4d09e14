// Residents over HTTP: one-time codes, registration, sign-in, my profile, ties and their
// verification by community workers, family proxies, registration on the spot, eligibility.
// Every procedure: the happy path, a malformed input (400 naming the field, zh-CN by default and
// English by header), and a caller out of scope (403), each refusal writing nothing.
// ("Forget me" has its own file: resident-erasure.test.ts.)
import { beforeAll, describe, expect, it } from 'vitest';
import { newEvent } from '@gongzhi/eventstore';
import { engines, type Reply } from './harness.ts';
import { RESIDENT_PASSWORD, useResidentServer, type Registered } from './resident-harness.ts';

interface Profile {
  resident: {
    residentId: string;
    name: string;
    phoneMasked: string;
    phoneConfirmed: boolean;
    hasPassword: boolean;
    channel: string;
  };
  ties: {
    tieId: string;
    communityId: string;
    communityName: string;
    communityNameEn: string | null;
    kind: string;
    status: string;
    note: string | null;
    reason: string | null;
  }[];
  proxiesGranted: {
    proxyId: string;
    powers: string[];
    active: boolean;
    grantee: { accountId: string; name: string | null; phoneMasked: string | null };
  }[];
  proxiesReceived: {
    proxyId: string;
    powers: string[];
    active: boolean;
    grantor: { accountId: string; name: string | null };
  }[];
  actsOnMyBehalf: {
    type: string;
    what: string;
    by: { accountId: string; kind: string; name: string | null };
    channel: string;
  }[];
}

const EN = { 'x-gongzhi-locale': 'en' };

describe.each(engines)('residents over HTTP on $name', ({ make }) => {
  const { api, resident } = useResidentServer(make());
  const { call, signIn, head } = api;

  const me = async (as: string, headers: Record<string, string> = {}) =>
    call<Profile>('resident.me', undefined, { as, query: true, headers });
  /** My profile once the read models have everything written so far. */
  const profile = async (as: string) => {
    const reply = await call<Profile>(
      'resident.me',
      { minPosition: (await head()) ?? undefined },
      { as, query: true },
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };

  /** Wang registers online in 书院社区 and is signed in as 'wang'. */
  const wangPhone = resident.newPhone();
  let wang: Registered;
  /** Wang's son registers later, for proxies. */
  const sonPhone = resident.newPhone();

  beforeAll(async () => {
    for (const staff of ['shuyuan', 'shuyuan2', 'committee', 'qinfeng', 'yushan'])
      await signIn(staff);
    wang = await resident.register('wang', {
      name: '王秀英',
      phone: wangPhone,
      birthYear: 1956,
      ties: [
        { communityId: 'shuyuan', kind: 'lives' },
        { communityId: 'hongqiao', kind: 'works' },
      ],
    });
  });

  describe('resident.requestPhoneCode', () => {
    it('sends a six-digit code, then refuses another within a minute with 429', async () => {
      const phone = resident.newPhone();
      const first = await call<{ expiresAt: string; resendAfterSeconds: number }>(
        'resident.requestPhoneCode',
        { phone: `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` },
      );
      expect(first.status).toBe(200);
      expect(first.body.result?.data.resendAfterSeconds).toBe(60);
      expect(resident.sender.lastCodeFor(phone)).toMatch(/^\d{6}$/);

      const again = await call('resident.requestPhoneCode', { phone }, { headers: EN });
      expect(again.status).toBe(429);
      expect(again.body.error?.data.reason).toBe('code_resend_too_soon');
      expect(again.body.error?.message).toMatch(/another in \d+ seconds/);
      expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('refuses a number that is not a mainland mobile number with 400, sending nothing', async () => {
      const sent = resident.sender.sent.length;
      const zh = await call('resident.requestPhoneCode', { phone: '12345' });
      expect(zh.status).toBe(400);
      expect(zh.body.error?.message).toBe('手机号（phone）：请输入 11 位中国大陆手机号码');
      const en = await call('resident.requestPhoneCode', { phone: '12345' }, { headers: EN });
      expect(en.body.error?.message).toBe(
        'Mobile number (phone): Enter an 11-digit mainland China mobile number',
      );
      expect(resident.sender.sent.length).toBe(sent);
    });
  });

  describe('resident.register', () => {
    it('registers with the code, confirms the number and signs in with an HttpOnly cookie', async () => {
      const reply = await me('wang');
      expect(reply.status).toBe(200);
      const { resident: record, ties } = reply.body.result!.data;
      expect(record).toMatchObject({
        residentId: wang.residentId,
        name: '王秀英',
        phoneMasked: `${wangPhone.slice(0, 3)}****${wangPhone.slice(7)}`,
        phoneConfirmed: true,
        hasPassword: true,
        channel: 'online',
      });
      expect(ties.map((t) => [t.communityName, t.communityNameEn, t.kind, t.status])).toEqual([
        ['书院社区', 'Shuyuan Community', 'lives', 'declared'],
        ['虹桥社区', 'Hongqiao Community', 'works', 'declared'],
      ]);
      expect(JSON.stringify(reply.body)).not.toContain(wangPhone);
      const account = await call('auth.me', undefined, { as: 'wang', query: true });
      expect(account.body.result?.data).toMatchObject({
        account: {
          accountId: wang.residentId,
          kind: 'resident',
          displayName: '王秀英',
          grants: [],
        },
      });
    });

    it('refuses a wrong code with 400 on the code field, writing nothing', async () => {
      const phone = resident.newPhone();
      const code = await resident.codeFor(phone);
      const before = await head();
      const reply = await call(
        'resident.register',
        {
          name: '李明',
          phone,
          code: code === '000000' ? '000001' : '000000',
          password: RESIDENT_PASSWORD,
          birthYear: 1990,
          ties: [{ communityId: 'shuyuan', kind: 'lives' }],
        },
        { headers: EN },
      );
      expect(reply.status).toBe(400);
      expect(reply.body.error?.data.reason).toBe('code_wrong_code');
      expect(reply.body.error?.message).toBe('The code is incorrect; 4 more tries.');
      expect(reply.body.error?.data.fieldErrors?.map((e) => e.path)).toEqual(['code']);
      expect(await head()).toBe(before);
    });

    it('refuses malformed fields with 400 naming each, in zh-CN and in English, writing nothing', async () => {
      const before = await head();
      const malformed = {
        name: '',
        phone: '1390013',
        code: '12ab',
        password: '12345678',
        birthYear: 1800,
        ties: [],
      };
      const zh = await call('resident.register', malformed);
      expect(zh.status).toBe(400);
      expect(zh.body.error?.data.fieldErrors?.map((e) => e.path).sort()).toEqual([
        'birthYear',
        'code',
        'name',
        'password',
        'phone',
        'ties',
      ]);
      expect(zh.body.error?.message).toContain('出生年份（birthYear）');
      expect(zh.body.error?.message).toContain('密码（password）：密码不能全是数字');
      const en = await call('resident.register', malformed, { headers: EN });
      expect(en.body.error?.message).toContain('Year of birth (birthYear): must be at least 1900');
      expect(en.body.error?.message).toContain('Code (code): has an invalid format');
      expect(await head()).toBe(before);
    });

    it('refuses a number already registered with 409, writing nothing', async () => {
      const code = await resident.codeFor(wangPhone);
      const before = await head();
      const reply = await call('resident.register', {
        name: '王二',
        phone: wangPhone,
        code,
        password: RESIDENT_PASSWORD,
        birthYear: 1990,
        ties: [{ communityId: 'shuyuan', kind: 'lives' }],
      });
      expect(reply.status).toBe(409);
      expect(reply.body.error?.data.reason).toBe('phone_taken');
      expect(await head()).toBe(before);
    });

    it('takes over a number whose registration stopped after claiming it, once five minutes have passed', async () => {
      const phone = resident.newPhone();
      const { store, services } = api.runtime;
      const stream = `phone-${services.residents.digestPhone(phone)}`;
      const metadata = {
        actor: 'abandoned',
        channel: 'online' as const,
        occurredAt: new Date().toISOString(),
      };
      await store.append(
        stream,
        [
          newEvent(
            'PhoneClaimed',
            { phoneDigest: stream.slice(6), residentId: 'abandoned' },
            metadata,
          ),
        ],
        { expected: 'no_stream' },
      );
      const input = (code: string) => ({
        name: '孙立',
        phone,
        code,
        password: RESIDENT_PASSWORD,
        birthYear: 1992,
        ties: [{ communityId: 'shuyuan', kind: 'lives' }],
      });
      // A moment later it may still be under way: the number is taken.
      const early = await call('resident.register', input(await resident.codeFor(phone)));
      expect(early.status).toBe(409);

      // Six minutes on, nothing came of it: the next registration releases and claims it.
      const realNow = services.now;
      services.now = () => new Date(Date.now() + 6 * 60_000);
      try {
        const late = await call<Registered>(
          'resident.register',
          input(await resident.codeFor(phone)),
        );
        expect(late.status, JSON.stringify(late.body)).toBe(200);
        const claims = await store.readStream(stream);
        expect(claims.map((e) => [e.type, (e.data as { residentId: string }).residentId])).toEqual([
          ['PhoneClaimed', 'abandoned'],
          ['PhoneReleased', 'abandoned'],
          ['PhoneClaimed', late.body.result!.data.residentId],
        ]);
      } finally {
        services.now = realNow;
      }
    });
  });

  describe('resident.login', () => {
    it('signs a resident in with number and password', async () => {
      const reply = await call<{ residentId: string }>('resident.login', {
        phone: wangPhone,
        password: RESIDENT_PASSWORD,
      });
      expect(reply.status).toBe(200);
      expect(reply.body.result?.data.residentId).toBe(wang.residentId);
      resident.keepSession('wang2', reply);
      expect((await profile('wang2')).resident.name).toBe('王秀英');
    });

    it('refuses a wrong password with 401 and a malformed number with 400', async () => {
      const wrong = await call('resident.login', { phone: wangPhone, password: 'not-it-at-all' });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error?.message).toMatch(/^手机号或密码不正确/);
      const malformed = await call('resident.login', { phone: 'abc', password: 'x' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error?.data.fieldErrors?.map((e) => e.path)).toEqual(['phone']);
    });
  });

  describe('resident.me', () => {
    it('is for residents: 401 for nobody, 403 for staff', async () => {
      expect((await me('nobody')).status).toBe(401);
      const staff = await me('shuyuan', EN);
      expect(staff.status).toBe(403);
      expect(staff.body.error?.data.reason).toBe('residents_only');
      expect(staff.body.error?.message).toMatch(/^Only residents can do this/);
    });

    it('refuses a malformed minPosition with 400', async () => {
      const reply = await call('resident.me', { minPosition: 'soon' }, { as: 'wang', query: true });
      expect(reply.status).toBe(400);
      expect(reply.body.error?.message).toContain('位置（minPosition）');
    });
  });

  describe('resident.declareTie', () => {
    it('declares a further tie, refused twice with 409', async () => {
      const reply = await call<{ tieId: string; position: string }>(
        'resident.declareTie',
        { communityId: 'shuyuan', kind: 'works' },
        { as: 'wang' },
      );
      expect(reply.status).toBe(200);
      const again = await call(
        'resident.declareTie',
        { communityId: 'shuyuan', kind: 'works' },
        { as: 'wang' },
      );
      expect(again.status).toBe(409);
      expect(again.body.error?.data.reason).toBe('tie_exists');
      const { ties } = await profile('wang');
      expect(ties.find((t) => t.tieId === reply.body.result!.data.tieId)).toMatchObject({
        kind: 'works',
        status: 'declared',
      });
    });

    it('refuses a kind of tie it does not know with 400, and staff with 403, writing nothing', async () => {
      const before = await head();
      const bad = await call(
        'resident.declareTie',
        { communityId: 'shuyuan', kind: 'visits' },
        { as: 'wang', headers: EN },
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error?.message).toMatch(/^Kind \(kind\): must be one of the given options/);
      const staff = await call(
        'resident.declareTie',
        { communityId: 'shuyuan', kind: 'lives' },
        { as: 'shuyuan' },
      );
      expect(staff.status).toBe(403);
      expect(await head()).toBe(before);
    });
  });

  describe('verification by workers', () => {
    const queue = (as: string, communityId: string, headers: Record<string, string> = {}) =>
      call<{ ties: { residentId: string; tieId: string; name: string; phoneMasked: string }[] }>(
        'resident.verificationQueue',
        { communityId },
        { as, query: true, headers },
      );
    const wangTie = async (communityId: string, kind: string) =>
      (await profile('wang')).ties.find((t) => t.communityId === communityId && t.kind === kind)!;

    it('shows a worker, a committee member and the street officer the community’s queue, without full numbers', async () => {
      for (const as of ['shuyuan', 'committee', 'yushan']) {
        const reply = await queue(as, 'shuyuan');
        expect(reply.status, as).toBe(200);
        const mine = reply.body.result!.data.ties.filter((t) => t.residentId === wang.residentId);
        expect(mine.map((t) => t.name)).toEqual(['王秀英', '王秀英']);
        expect(JSON.stringify(reply.body)).not.toContain(wangPhone);
      }
    });

    it('refuses the queue of another community with 403 naming it, and a missing community with 400', async () => {
      const other = await queue('qinfeng', 'shuyuan');
      expect(other.status).toBe(403);
      expect(other.body.error?.message).toContain('「书院社区」');
      const missing = await call('resident.verificationQueue', {}, { as: 'shuyuan', query: true });
      expect(missing.status).toBe(400);
      expect(missing.body.error?.message).toContain('社区（communityId）');
    });

    it('lets a worker of the community verify a tie with a note', async () => {
      const tie = await wangTie('shuyuan', 'lives');
      const reply = await call<{ position: string }>(
        'resident.verifyTie',
        {
          communityId: 'shuyuan',
          residentId: wang.residentId,
          tieId: tie.tieId,
          note: '核对了户口簿',
        },
        { as: 'shuyuan' },
      );
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      expect(await wangTie('shuyuan', 'lives')).toMatchObject({
        status: 'verified',
        note: '核对了户口簿',
      });
      const acts = (await profile('wang')).actsOnMyBehalf;
      expect(acts[0]).toMatchObject({
        type: 'CommunityTieVerified',
        what: '社区联系已核实',
        by: { kind: 'staff' },
        channel: 'online',
      });
    });

    it('refuses verifying out of scope (403), a tie of another community (404) and an empty note (400), writing nothing', async () => {
      const tie = await wangTie('shuyuan', 'works');
      const before = await head();
      const outOfScope = await call(
        'resident.verifyTie',
        { communityId: 'shuyuan', residentId: wang.residentId, tieId: tie.tieId, note: '看过' },
        { as: 'qinfeng' },
      );
      expect(outOfScope.status).toBe(403);
      const hongqiao = await wangTie('hongqiao', 'works');
      const elsewhere = await call(
        'resident.verifyTie',
        {
          communityId: 'shuyuan',
          residentId: wang.residentId,
          tieId: hongqiao.tieId,
          note: '看过',
        },
        { as: 'shuyuan' },
      );
      expect(elsewhere.status).toBe(404);
      const empty = await call(
        'resident.verifyTie',
        { communityId: 'shuyuan', residentId: wang.residentId, tieId: tie.tieId, note: ' ' },
        { as: 'shuyuan', headers: EN },
      );
      expect(empty.status).toBe(400);
      expect(empty.body.error?.message).toMatch(/^Note \(note\): must not be empty/);
      expect(await head()).toBe(before);
    });

    it('lets a worker reject a tie with a reason the resident reads', async () => {
      const tie = await wangTie('shuyuan', 'works');
      const reply = await call(
        'resident.rejectTie',
        {
          communityId: 'shuyuan',
          residentId: wang.residentId,
          tieId: tie.tieId,
          reason: '未能提供劳动合同',
        },
        { as: 'committee' },
      );
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      expect(await wangTie('shuyuan', 'works')).toMatchObject({
        status: 'rejected',
        reason: '未能提供劳动合同',
      });
    });

    it('refuses rejecting out of scope (403) and without a reason (400), writing nothing', async () => {
      const tie = await wangTie('hongqiao', 'works');
      const before = await head();
      const outOfScope = await call(
        'resident.rejectTie',
        { communityId: 'hongqiao', residentId: wang.residentId, tieId: tie.tieId, reason: '无' },
        { as: 'shuyuan' },
      );
      expect(outOfScope.status).toBe(403);
      expect(outOfScope.body.error?.message).toContain('「虹桥社区」');
      const noReason = await call(
        'resident.rejectTie',
        { communityId: 'hongqiao', residentId: wang.residentId, tieId: tie.tieId },
        { as: 'yushan' },
      );
      expect(noReason.status).toBe(400);
      expect(noReason.body.error?.message).toContain('原因（reason）');
      expect(await head()).toBe(before);
    });
  });

  describe('resident.search', () => {
    const search = (as: string, query: string, communityId = 'shuyuan') =>
      call<{ residents: { residentId: string; name: string; phoneMasked: string }[] }>(
        'resident.search',
        { communityId, query },
        { as, query: true },
      );

    it('finds residents of the community by part of the name, the last digits or the whole number', async () => {
      for (const query of ['秀英', wangPhone.slice(-4), wangPhone]) {
        const reply = await search('shuyuan', query);
        expect(reply.status).toBe(200);
        expect(
          reply.body.result!.data.residents.map((r) => r.residentId),
          query,
        ).toEqual([wang.residentId]);
        expect(JSON.stringify(reply.body.result)).not.toContain(wangPhone);
      }
      // Wang has no tie to 琴枫社区: its worker does not find them.
      const elsewhere = await search('qinfeng', '秀英', 'qinfeng');
      expect(elsewhere.body.result?.data.residents).toEqual([]);
    });

    it('refuses another community’s worker with 403 and an empty query with 400', async () => {
      expect((await search('qinfeng', '秀英')).status).toBe(403);
      const empty = await search('shuyuan', '  ');
      expect(empty.status).toBe(400);
      expect(empty.body.error?.message).toContain('查询内容（query）');
    });
  });

  describe('proxies', () => {
    let son: Registered;
    let proxyId: string;

    beforeAll(async () => {
      son = await resident.register('son', { name: '王小明', phone: sonPhone, birthYear: 1985 });
    });

    it('lets a resident grant a relative, named by number, a proxy to vote; both see it', async () => {
      const reply = await call<{ proxyId: string }>(
        'resident.grantProxy',
        { granteePhone: sonPhone, powers: ['vote'], until: '2099-12-31' },
        { as: 'wang' },
      );
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      proxyId = reply.body.result!.data.proxyId;

      const granted = (await profile('wang')).proxiesGranted;
      expect(granted).toEqual([
        expect.objectContaining({
          proxyId,
          powers: ['vote'],
          active: true,
          // The grantor typed a number: they are shown the number masked, not whose it is.
          grantee: expect.objectContaining({ accountId: son.residentId, name: null }),
        }),
      ]);
      const received = (await profile('son')).proxiesReceived;
      expect(received).toEqual([
        expect.objectContaining({
          proxyId,
          active: true,
          grantor: expect.objectContaining({ accountId: wang.residentId, name: '王秀英' }),
        }),
      ]);
    });

    it('refuses a proxy with neither number nor account (400), to a number nobody registered (404) and by staff (403), writing nothing', async () => {
      const before = await head();
      const neither = await call(
        'resident.grantProxy',
        { powers: ['vote', 'vote'] },
        { as: 'wang', headers: EN },
      );
      expect(neither.status).toBe(400);
      expect(neither.body.error?.data.fieldErrors?.map((e) => e.path).sort()).toEqual([
        'granteePhone',
        'powers',
      ]);
      expect(neither.body.error?.message).toContain('Mobile number of the proxy (granteePhone)');
      const nobody = await call(
        'resident.grantProxy',
        { granteePhone: resident.newPhone(), powers: ['propose'] },
        { as: 'wang' },
      );
      expect(nobody.status).toBe(404);
      const staff = await call(
        'resident.grantProxy',
        { granteePhone: sonPhone, powers: ['vote'] },
        { as: 'shuyuan' },
      );
      expect(staff.status).toBe(403);
      expect(await head()).toBe(before);
    });

    it('lets the resident revoke it, once', async () => {
      const reply = await call('resident.revokeProxy', { proxyId }, { as: 'wang' });
      expect(reply.status).toBe(200);
      expect((await profile('son')).proxiesReceived[0]).toMatchObject({ active: false });
      const again = await call('resident.revokeProxy', { proxyId }, { as: 'wang' });
      expect(again.status).toBe(409);
    });

    it('refuses revoking someone else’s proxy (404), by staff (403) and a malformed id (400), writing nothing', async () => {
      const before = await head();
      expect((await call('resident.revokeProxy', { proxyId }, { as: 'son' })).status).toBe(404);
      expect((await call('resident.revokeProxy', { proxyId }, { as: 'yushan' })).status).toBe(403);
      const malformed = await call('resident.revokeProxy', { proxyId: '' }, { as: 'wang' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error?.message).toContain('代办委托（proxyId）');
      expect(await head()).toBe(before);
    });
  });

  describe('on the spot', () => {
    const zhaoPhone = resident.newPhone();
    let zhaoId: string;

    it('lets a worker register a resident from a paper form, recorded offline for them', async () => {
      const reply = await call<{ residentId: string }>(
        'resident.registerOnSpot',
        {
          communityId: 'shuyuan',
          kind: 'lives',
          name: '赵桂兰',
          phone: zhaoPhone,
          birthYear: 1941,
          consent: { form: 'paper' },
        },
        { as: 'shuyuan' },
      );
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      zhaoId = reply.body.result!.data.residentId;
      const events = await api.runtime.store.readStream(`resident-${zhaoId}`);
      expect(events.map((e) => e.type)).toEqual(['ResidentRegistered', 'CommunityTieDeclared']);
      for (const event of events) {
        expect(event.metadata).toMatchObject({
          actor: 'demo-shuyuan',
          onBehalfOf: zhaoId,
          channel: 'offline',
        });
      }
      expect(events[0]!.data).toMatchObject({
        consent: { recordedBy: 'demo-shuyuan', form: 'paper' },
        personal: { name: '赵桂兰', phone: zhaoPhone },
      });
      // No password yet: signing in is refused until the resident sets one.
      const login = await call('resident.login', { phone: zhaoPhone, password: RESIDENT_PASSWORD });
      expect(login.status).toBe(401);
    });

    it('refuses a registration without consent (400) and by another community’s worker (403), writing nothing', async () => {
      const before = await head();
      const form = {
        communityId: 'shuyuan',
        kind: 'lives',
        name: '钱多多',
        phone: resident.newPhone(),
        birthYear: 1950,
      };
      const noConsent = await call('resident.registerOnSpot', form, { as: 'shuyuan' });
      expect(noConsent.status).toBe(400);
      expect(noConsent.body.error?.message).toContain('本人同意（consent）');
      const outOfScope = await call(
        'resident.registerOnSpot',
        { ...form, consent: { form: 'paper' } },
        { as: 'qinfeng' },
      );
      expect(outOfScope.status).toBe(403);
      // A committee member may verify ties but not register residents.
      const committee = await call(
        'resident.registerOnSpot',
        { ...form, consent: { form: 'paper' } },
        { as: 'committee' },
      );
      expect(committee.status).toBe(403);
      expect(await head()).toBe(before);
    });

    it('lets the resident set a password with a code, confirming the number and signing in', async () => {
      const code = await resident.codeFor(zhaoPhone);
      const reply = await call('resident.setPassword', {
        phone: zhaoPhone,
        code,
        password: RESIDENT_PASSWORD,
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      resident.keepSession('zhao', reply);
      const zhao = await profile('zhao');
      expect(zhao.resident).toMatchObject({
        name: '赵桂兰',
        channel: 'offline',
        phoneConfirmed: true,
        hasPassword: true,
      });
      expect(zhao.actsOnMyBehalf.map((act) => [act.what, act.by.name, act.channel])).toEqual([
        ['申报在社区居住', '李桂英', 'offline'],
        ['由社区工作者现场登记为居民', '李桂英', 'offline'],
      ]);
    });

    it('refuses setting a password with a wrong code (400), for a number nobody registered (404) and a weak one (400), writing nothing', async () => {
      const before = await head();
      const code = await resident.codeFor(zhaoPhone);
      const wrong = await call('resident.setPassword', {
        phone: zhaoPhone,
        code: code === '999999' ? '999998' : '999999',
        password: RESIDENT_PASSWORD,
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error?.data.fieldErrors?.map((e) => e.path)).toEqual(['code']);
      const stranger = resident.newPhone();
      const unknown = await call('resident.setPassword', {
        phone: stranger,
        code: await resident.codeFor(stranger),
        password: RESIDENT_PASSWORD,
      });
      expect(unknown.status).toBe(404);
      const weak = await call(
        'resident.setPassword',
        { phone: zhaoPhone, code, password: `a${zhaoPhone}` },
        { headers: EN },
      );
      expect(weak.status).toBe(400);
      expect(weak.body.error?.message).toBe(
        'Password (password): The password must not contain your mobile number',
      );
      expect(await head()).toBe(before);
    });

    it('lets a worker declare a tie for a resident at the counter with the code sent to their phone; the worker does not verify it', async () => {
      const sent = await call(
        'resident.requestTieCode',
        { communityId: 'shuyuan', phone: zhaoPhone },
        { as: 'shuyuan' },
      );
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      const code = resident.sender.lastCodeFor(zhaoPhone)!;
      const before = await head();
      // The tie-consent code is its own: it sets no password.
      const misuse = await call('resident.setPassword', {
        phone: zhaoPhone,
        code,
        password: 'counter-code-2025',
      });
      expect(misuse.status).toBe(400);
      const wrong = await call(
        'resident.declareTieFor',
        {
          communityId: 'shuyuan',
          phone: zhaoPhone,
          kind: 'works',
          code: '000000' === code ? '000001' : '000000',
        },
        { as: 'shuyuan' },
      );
      expect(wrong.status).toBe(400);
      expect(wrong.body.error?.data.fieldErrors?.map((e) => e.path)).toEqual(['code']);
      expect(await head()).toBe(before);
      const reply = await call<{ tieId: string; awaitingResident: boolean; residentId: string }>(
        'resident.declareTieFor',
        { communityId: 'shuyuan', phone: zhaoPhone, kind: 'works', code },
        { as: 'shuyuan' },
      );
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      expect(reply.body.result?.data).toMatchObject({
        awaitingResident: false,
        residentId: zhaoId,
      });
      const [latest] = (await profile('zhao')).actsOnMyBehalf;
      expect(latest).toMatchObject({ type: 'CommunityTieDeclared', channel: 'offline' });
      const own = await call(
        'resident.verifyTie',
        {
          communityId: 'shuyuan',
          residentId: zhaoId,
          tieId: reply.body.result!.data.tieId,
          note: '已核对',
        },
        { as: 'shuyuan' },
      );
      expect(own.status).toBe(403);
      expect(own.body.error?.data.reason).toBe('tie_declared_by_verifier');
    });

    it('records a tie declared without the code as awaiting the resident, who confirms or declines it', async () => {
      const declared = await call<{ tieId: string; awaitingResident: boolean; residentId: null }>(
        'resident.declareTieFor',
        { communityId: 'shuyuan', residentId: zhaoId, kind: 'studies' },
        { as: 'shuyuan' },
      );
      expect(declared.status, JSON.stringify(declared.body)).toBe(200);
      expect(declared.body.result?.data).toMatchObject({
        awaitingResident: true,
        residentId: null,
      });
      const { tieId } = declared.body.result!.data;
      const verify = await call(
        'resident.verifyTie',
        { communityId: 'shuyuan', residentId: zhaoId, tieId, note: '已核对' },
        { as: 'shuyuan2' },
      );
      expect(verify.status).toBe(409);
      expect(verify.body.error?.data.reason).toBe('tie_awaiting_resident');
      const ties = (await profile('zhao')).ties as { tieId: string; status: string }[];
      expect(ties.find((tie) => tie.tieId === tieId)?.status).toBe('unconfirmed');
      const declined = await call('resident.declineTie', { tieId }, { as: 'zhao' });
      expect(declined.status, JSON.stringify(declined.body)).toBe(200);
      const again = await call('resident.confirmTie', { tieId }, { as: 'zhao' });
      expect(again.status).toBe(409);
    });

    it('answers a declaration by number without the code alike whether or not the number is registered, writing nothing for an unregistered one', async () => {
      const declare = (phone: string, kind: string) =>
        call('resident.declareTieFor', { communityId: 'shuyuan', phone, kind }, { as: 'shuyuan' });
      const stranger = resident.newPhone();
      const before = await head();
      const unregistered = await declare(stranger, 'studies');
      expect(unregistered.status, JSON.stringify(unregistered.body)).toBe(200);
      expect(unregistered.body.result?.data).toEqual({
        tieId: null,
        awaitingResident: true,
        residentId: null,
        position: null,
        revision: null,
      });
      expect(await head()).toBe(before);

      // 赵桂兰 declined the tie of kind 'studies': declared again, it awaits her.
      const registered = await declare(zhaoPhone, 'studies');
      expect(registered.status).toBe(unregistered.status);
      expect(registered.body).toEqual(unregistered.body);
      expect(await head()).not.toBe(before);
      const ties = (await profile('zhao')).ties;
      expect(ties.filter((t) => t.kind === 'studies').map((t) => t.status)).toContain(
        'unconfirmed',
      );
      // She has a tie of kind 'works' already: nothing to write, and the same answer.
      const written = await head();
      const existing = await declare(zhaoPhone, 'works');
      expect(existing.body).toEqual(unregistered.body);
      expect(await head()).toBe(written);
    });

    it('answers a request for a tie code alike whether or not the number is registered, sending it only to a resident', async () => {
      const stranger = resident.newPhone();
      const request = (phone: string) =>
        call<{ expiresAt: string }>(
          'resident.requestTieCode',
          { communityId: 'shuyuan', phone },
          { as: 'shuyuan' },
        );
      const sent = resident.sender.sent.length;
      const before = await head();
      const registered = await request(wangPhone);
      const unregistered = await request(stranger);
      for (const reply of [registered, unregistered]) {
        expect(reply.status, JSON.stringify(reply.body)).toBe(200);
        expect(Date.parse(reply.body.result!.data.expiresAt)).toBeGreaterThan(Date.now());
      }
      const withoutTime = (reply: Reply<{ expiresAt: string }>) => ({
        ...reply.body.result!.data,
        expiresAt: 'when',
      });
      expect(withoutTime(unregistered)).toEqual(withoutTime(registered));
      expect(resident.sender.sent.slice(sent).map((message) => message.phone)).toEqual([wangPhone]);
      // The wait before another code is the same too.
      const [again, againStranger] = [await request(wangPhone), await request(stranger)];
      expect([again.status, again.body.error?.data.reason]).toEqual([429, 'code_resend_too_soon']);
      expect([againStranger.status, againStranger.body.error?.data.reason]).toEqual([
        429,
        'code_resend_too_soon',
      ]);
      // A wrong code is refused alike: the code is checked before anything about the number.
      const code = resident.sender.lastCodeFor(wangPhone)!;
      const guess = code === '000000' ? '000001' : '000000';
      const declare = (phone: string) =>
        call(
          'resident.declareTieFor',
          { communityId: 'shuyuan', phone, kind: 'lives', code: guess },
          { as: 'shuyuan' },
        );
      const wrong = await declare(wangPhone);
      expect(wrong.status).toBe(400);
      expect(wrong.body.error?.data.reason).toBe('code_wrong_code');
      expect((await declare(stranger)).body).toEqual(wrong.body);
      // 王秀英 lives in 书院社区 already, yet a guessed code is refused before that is said.
      expect(await head()).toBe(before);
    });

    it('refuses declaring a tie for a resident out of scope (403) and with a bad kind (400), writing nothing', async () => {
      const before = await head();
      const outOfScope = await call(
        'resident.declareTieFor',
        { communityId: 'shuyuan', residentId: zhaoId, kind: 'studies' },
        { as: 'qinfeng', headers: EN },
      );
      expect(outOfScope.status).toBe(403);
      expect(outOfScope.body.error?.message).toMatch(/^You may not declare a tie for a resident/);
      const bad = await call(
        'resident.declareTieFor',
        { communityId: 'shuyuan', residentId: zhaoId, kind: 'sleeps' },
        { as: 'shuyuan' },
      );
      expect(bad.status).toBe(400);
      expect(await head()).toBe(before);
    });
  });

  describe('resident.eligibility', () => {
    const eligibility = (as: string, input: Record<string, unknown>) =>
      call<{ eligible: boolean; reason: string | null; message: string | null }>(
        'resident.eligibility',
        input,
        { as, query: true },
      );

    it('says whether I may take part: a verified tie of an allowed kind, old enough', async () => {
      const rule = { communityId: 'shuyuan', tieKinds: ['lives'], minAge: 18 };
      expect((await eligibility('wang', rule)).body.result?.data).toEqual({
        eligible: true,
        reason: null,
        message: null,
      });
      const tooYoung = await eligibility('wang', { ...rule, minAge: 120 });
      expect(tooYoung.body.result?.data).toMatchObject({ eligible: false, reason: 'too_young' });
      const unverified = await eligibility('wang', { ...rule, communityId: 'hongqiao' });
      expect(unverified.body.result?.data).toMatchObject({
        eligible: false,
        reason: 'no_verified_tie',
        message: '与本社区的联系尚未经社区工作者核实。',
      });
    });

    it('refuses a negative age (400) and staff (403)', async () => {
      const bad = await eligibility('wang', {
        communityId: 'shuyuan',
        tieKinds: ['lives'],
        minAge: -1,
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error?.message).toContain('最低年龄（minAge）');
      const staff = await eligibility('shuyuan', {
        communityId: 'shuyuan',
        tieKinds: ['lives'],
        minAge: 18,
      });
      expect(staff.status).toBe(403);
    });
  });

  describe('sessions of residents', () => {
    it('lets a resident list their sessions and change their password through the session router', async () => {
      const listed = await call<{ sessions: { current: boolean }[] }>('session.list', undefined, {
        as: 'son',
        query: true,
      });
      expect(listed.status).toBe(200);
      expect(listed.body.result?.data.sessions).toEqual([
        expect.objectContaining({ current: true }),
      ]);
      const changed = await call(
        'session.changePassword',
        { currentPassword: RESIDENT_PASSWORD, newPassword: 'qinhu-river-2026' },
        { as: 'son' },
      );
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      const old = await call('resident.login', {
        phone: sonPhone,
        password: RESIDENT_PASSWORD,
      });
      expect(old.status).toBe(401);
      const fresh = await call('resident.login', {
        phone: sonPhone,
        password: 'qinhu-river-2026',
      });
      expect(fresh.status).toBe(200);
    });
  });
});
