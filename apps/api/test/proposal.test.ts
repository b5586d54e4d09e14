// Proposals over HTTP, with photos and notifications. The main path (a resident submits with a
// photo, residents co-sign, a worker enters a paper proposal and merges it as a duplicate, the
// cycle screens, a consultant surveys, a round-table puts the proposal into the pool, everyone
// concerned is told) runs on SQLite and PostgreSQL; the rest on SQLite: bad input (400 naming the
// field, nothing written), wrong scope (403, nothing written), the domain's refusals, acting
// through a proxy, the stop on entering a paper proposal twice, the round-table's decisions and
// resubmission, photo upload checks, and the inbox.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryNotificationSender } from '@gongzhi/api';
import { photoRules } from '@gongzhi/domain';
import { ReadModelLagError, rebuildProjection } from '@gongzhi/projections';
import { notificationProjection } from '@gongzhi/projections/notification';
import { openPostgresReadModels } from '@gongzhi/projections/postgres';
import { databaseUrl, engines, type Engine } from './harness.ts';
import { cycleDefinition } from './micro-fixtures.ts';
import { DEMO_SIGN_INS, useResidentServer } from './resident-harness.ts';

const EN = { 'x-gongzhi-locale': 'en' };
const { wang: WANG, zhang: ZHANG, chen: CHEN } = DEMO_SIGN_INS;
/** 李 was registered by a worker from a paper form: no password, entered offline. */
const LI = 'demo-r-li';

/** A JPEG's first bytes: what the upload judges the type by. */
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2]);

const content = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  description: `${title}:居民反映已久,希望纳入民生微实事。`,
  category: 'works',
  estimatedCost: 5_000_000,
  location: { text: '书院新村 2 幢南侧', lat: 31.65, lng: 120.74 },
  ...extra,
});

interface Written {
  position: string;
}

interface ProposalView {
  proposalId: string;
  status: string;
  title: string;
  authorCount: number;
  coSignCount: number;
  revisedCost: number | null;
  photos: { fileId: string; type: string; size: number }[];
  statusReason: { 'zh-CN': string; en: string } | null;
  myRole: string | null;
}

/** Photos live in the data folder: give PostgreSQL runs one of their own too. */
function withOwnDataFolder(engine: Engine): Engine {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-photos-'));
  return {
    ...engine,
    options: () => ({ dataDir, ...engine.options() }) as ReturnType<Engine['options']>,
    async cleanUp() {
      await engine.cleanUp();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function useMicroServer(engine: Engine) {
  const notices = createMemoryNotificationSender();
  const ownData = withOwnDataFolder(engine);
  const { api, resident } = useResidentServer({
    ...ownData,
    options: () => ({ ...ownData.options(), notificationSender: notices }),
  });
  const { call } = api;

  const helpers = {
    notices,
    /** A new cycle of 虞山街道 (书院社区, 虹桥社区) open for proposals. */
    async proposingCycle(): Promise<string> {
      const drafted = await call<{ cycleId: string }>(
        'cycle.draft',
        { streetId: 'yushan', ...cycleDefinition() },
        { as: 'yushan' },
      );
      const { cycleId } = drafted.body.result!.data;
      await call('cycle.publish', { cycleId }, { as: 'yushan' });
      const opened = await call(
        'cycle.advancePhase',
        { cycleId, to: 'proposing', reason: '测试:提前开始征集' },
        { as: 'yushan' },
      );
      expect(opened.status, JSON.stringify(opened.body)).toBe(200);
      return cycleId;
    },

    async screen(cycleId: string) {
      const reply = await call(
        'cycle.advancePhase',
        { cycleId, to: 'screening', reason: '测试:提前开始筛选' },
        { as: 'yushan' },
      );
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    },

    async submit(as: string, input: Record<string, unknown>, path = 'proposal.submit') {
      const reply = await call<Written & { proposalId: string }>(path, input, { as });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      return reply.body.result!.data;
    },

    async get(proposalId: string, as?: string) {
      const reply = await call<ProposalView>(
        'proposal.get',
        { proposalId, minPosition: (await api.head()) ?? undefined },
        { query: true, ...(as && { as }) },
      );
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      return reply.body.result!.data;
    },

    async upload(
      as: string | undefined,
      file: { bytes: Uint8Array; name: string; type: string },
      headers: Record<string, string> = {},
    ) {
      const form = new FormData();
      form.append(
        'file',
        new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type }),
      );
      const response = await fetch(`${api.url}/api/photos`, {
        method: 'POST',
        body: form,
        headers: { ...(as && { cookie: `gongzhi_session=${api.tokens.get(as)}` }), ...headers },
      });
      return {
        status: response.status,
        body: (await response.json()) as {
          photoId?: string;
          type?: string;
          size?: number;
          url?: string;
          error?: { message: string; data: { reason: string } };
        },
      };
    },

    /** A resident registered online whose tie to 书院社区 the worker has verified. */
    async verifiedResident(as: string, name: string) {
      const registered = await resident.register(as, { name, phone: resident.newPhone() });
      const me = await call<{ ties: { tieId: string }[] }>(
        'resident.me',
        { minPosition: registered.position },
        { as, query: true },
      );
      const verified = await call(
        'resident.verifyTie',
        {
          communityId: 'shuyuan',
          residentId: registered.residentId,
          tieId: me.body.result!.data.ties[0]!.tieId,
          note: '已核对租房合同',
        },
        { as: 'shuyuan' },
      );
      expect(verified.status, JSON.stringify(verified.body)).toBe(200);
      return registered.residentId;
    },

    async inbox(as: string) {
      const reply = await call<{
        notices: { noticeId: string; proposalId: string; cause: string; read: boolean }[];
        unread: number;
      }>(
        'notification.inbox',
        { minPosition: (await api.head()) ?? undefined },
        { as, query: true },
      );
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      return reply.body.result!.data;
    },
  };
  return { api, resident, ...helpers };
}

describe.each(engines)('the main path of proposals over HTTP on $name', ({ name, make }) => {
  const micro = useMicroServer(make());
  const { api, notices } = micro;
  const { call } = api;

  beforeAll(async () => {
    for (const login of ['yushan', 'shuyuan', 'consultant', 'committee']) await api.signIn(login);
    await micro.resident.signIn('wang', WANG);
    await micro.resident.signIn('zhang', ZHANG);
  });

  it('goes from submission and merge through screening into the pool, telling everyone concerned', async () => {
    const cycleId = await micro.proposingCycle();
    const zhou = await micro.verifiedResident('zhou', '周新邻');

    const photo = await micro.upload('wang', { bytes: JPEG, name: '路面.jpg', type: 'image/jpeg' });
    expect(photo.status).toBe(201);
    const target = await micro.submit('wang', {
      cycleId,
      communityId: 'shuyuan',
      ...content('书院新村2幢门前路面修补'),
      photoIds: [photo.body.photoId],
    });
    await call('proposal.coSign', { proposalId: target.proposalId }, { as: 'zhou' });

    // 李 brought a paper form about the same road; the worker finds them and enters it.
    const search = await call<{ residents: { residentId: string }[] }>(
      'resident.search',
      { communityId: 'shuyuan', query: '根生' },
      { as: 'shuyuan', query: true },
    );
    expect(search.body.result?.data.residents.map((r) => r.residentId)).toEqual([LI]);
    const duplicate = await micro.submit(
      'shuyuan',
      { communityId: 'shuyuan', residentId: LI, cycleId, ...content('2幢门口路面坑洼修补') },
      'proposal.submitFor',
    );
    await call('proposal.coSign', { proposalId: duplicate.proposalId }, { as: 'zhang' });

    const merged = await call(
      'proposal.merge',
      { duplicateId: duplicate.proposalId, targetId: target.proposalId, note: '同一段路面' },
      { as: 'shuyuan' },
    );
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    const afterMerge = await micro.get(target.proposalId, 'zhang');
    expect(afterMerge).toMatchObject({ authorCount: 2, coSignCount: 2, myRole: 'cosigner' });
    expect((await micro.get(duplicate.proposalId)).status).toBe('merged');
    for (const as of ['wang', 'zhang', 'zhou']) {
      const { notices: inbox } = await micro.inbox(as);
      expect(inbox, as).toContainEqual(
        expect.objectContaining({ proposalId: target.proposalId, cause: 'ProposalAbsorbed' }),
      );
    }

    await micro.screen(cycleId);
    expect(
      (await call('proposal.sendToSurvey', { proposalId: target.proposalId }, { as: 'shuyuan' }))
        .status,
    ).toBe(200);
    const survey = await call(
      'proposal.recordSurvey',
      {
        proposalId: target.proposalId,
        organisation: '琴湖市市政工程设计院',
        notes: '破损面积约 120 平方米,需铣刨重铺。',
        photoIds: [photo.body.photoId],
        revisedCost: 4_200_000,
        opinion: 'feasible',
      },
      { as: 'consultant' },
    );
    expect(survey.status, JSON.stringify(survey.body)).toBe(200);
    const roundTable = await call<Written & { roundTableId: string }>(
      'proposal.recordRoundTable',
      {
        cycleId,
        communityId: 'shuyuan',
        date: '2026-01-05',
        attendees: [{ name: '张卫东', role: 'chair' }, { role: 'resident_representative' }],
        decisions: [{ proposalId: target.proposalId, decision: 'pool' }],
      },
      { as: 'committee' },
    );
    expect(roundTable.status, JSON.stringify(roundTable.body)).toBe(200);

    const pool = await call<{ pool: { proposalId: string; cost: number }[] }>(
      'proposal.pool',
      { cycleId, communityId: 'shuyuan', minPosition: roundTable.body.result!.data.position },
      { query: true },
    );
    expect(pool.body.result?.data.pool).toEqual([
      expect.objectContaining({ proposalId: target.proposalId, cost: 4_200_000 }),
    ]);
    const timeline = await call<{ entries: { type: string }[] }>(
      'proposal.timeline',
      { proposalId: target.proposalId },
      { query: true },
    );
    expect(timeline.body.result?.data.entries.map((e) => e.type)).toEqual([
      'ProposalSubmitted',
      'ProposalCoSigned',
      'ProposalAbsorbed',
      'ProposalSentToSurvey',
      'SiteSurveyRecorded',
      'ProposalAdmittedToPool',
    ]);
    // Public pages carry no resident's id, name or number.
    const publicJson = JSON.stringify([timeline.body, await micro.get(target.proposalId)]);
    for (const personal of [WANG.id, LI, zhou, '顾月琴', '陆根生', WANG.phone]) {
      expect(publicJson).not.toContain(personal);
    }

    // Every author and co-signer hears it, in the inbox and through the outbox.
    await api.runtime.drainOutbox();
    const toldOfPool = notices.sent
      .filter(
        (m) => m.proposalId === target.proposalId && m.message['zh-CN'].includes('纳入项目库'),
      )
      .map((m) => m.residentId);
    expect(new Set(toldOfPool)).toEqual(new Set([WANG.id, LI, zhou, ZHANG.id]));
    const latest = (await micro.inbox('wang')).notices[0]!;
    expect(latest).toMatchObject({
      proposalId: target.proposalId,
      cause: 'ProposalAdmittedToPool',
      read: false,
    });
    const marked = await call<{ marked: number }>(
      'notification.markRead',
      { noticeIds: [latest.noticeId] },
      { as: 'wang' },
    );
    expect(marked.body.result?.data.marked).toBe(1);
    expect((await micro.inbox('wang')).notices[0]?.read).toBe(true);
  });

  // A second PostgreSQL connection holds the proposals read model back (its participants table
  // locked against writes) while a worker enters a paper form: the proposal is in the store, not yet
  // in the list the check for a repeated entry reads. A query's read-your-writes gives up at once
  // meanwhile (its cap set to 0), so only a check that waits for every event written stops it.
  it.runIf(name === 'postgres')(
    'stops a paper form entered twice though the proposals read model has not caught up',
    async () => {
      const cycleId = await micro.proposingCycle();
      const { services } = api.runtime;
      const { readModels } = services;
      await readModels.waitForPosition((await services.store.headPosition())!, 30_000);
      const schema = (await readModels.db.get<{ name: string }>(
        'SELECT current_schema() AS name',
      ))!;
      const locker = await openPostgresReadModels({ url: databaseUrl, schema: schema.name });
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const holding = new Promise<void>((resolve) => (locked = resolve));
      const lock = locker.transaction(async (tx) => {
        await tx.run('LOCK TABLE prop_participants IN EXCLUSIVE MODE');
        locked();
        await released;
      });
      const wait = readModels.waitForPosition;
      const readYourWrites = services.readYourWritesTimeoutMs;
      try {
        await holding;
        services.readYourWritesTimeoutMs = 0;
        const entry = {
          communityId: 'shuyuan',
          residentId: LI,
          cycleId,
          ...content('书院新村车棚照明'),
        };
        const first = await micro.submit('shuyuan', entry, 'proposal.submitFor');
        // Released once the server waits, without giving up at once, for the read models to hold
        // the first entry (or has answered).
        let waiting!: () => void;
        const waitsForEntry = new Promise<void>((resolve) => (waiting = resolve));
        readModels.waitForPosition = (position, timeoutMs) => {
          if (position >= BigInt(first.position) && timeoutMs !== 0) waiting();
          return wait.call(readModels, position, timeoutMs);
        };
        const before = await api.head();
        const again = call('proposal.submitFor', entry, { as: 'shuyuan' });
        await Promise.race([waitsForEntry, again]);
        release();
        await lock;
        const reply = await again;
        expect(reply.status, JSON.stringify(reply.body)).toBe(409);
        expect(reply.body.error?.data.reason).toBe('possible_double_entry');
        expect(reply.body.error?.message).toContain(`编号 ${first.proposalId}`);
        expect(await api.head()).toBe(before);
      } finally {
        readModels.waitForPosition = wait;
        services.readYourWritesTimeoutMs = readYourWrites;
        release();
        await lock;
        await locker.close();
      }
    },
  );
});

describe.each(engines.filter((e) => e.name === 'sqlite'))(
  'proposals over HTTP on $name',
  ({ make }) => {
    const micro = useMicroServer(make());
    const { api } = micro;
    const { call, head } = api;
    let cycleId = '';
    let handrails = '';

    beforeAll(async () => {
      for (const login of ['yushan', 'shuyuan', 'qinfeng', 'consultant', 'committee', 'admin']) {
        await api.signIn(login);
      }
      await micro.resident.signIn('wang', WANG);
      await micro.resident.signIn('zhang', ZHANG);
      await micro.resident.signIn('chen', CHEN);
      cycleId = await micro.proposingCycle();
      handrails = (
        await micro.submit('wang', {
          cycleId,
          communityId: 'shuyuan',
          ...content('2幢楼道加装扶手', { category: 'goods', estimatedCost: 1_200_000 }),
        })
      ).proposalId;
    });

    describe('while proposing', () => {
      it('refuses malformed input with a 400 naming each field, in zh-CN and English, writing nothing', async () => {
        const before = await head();
        const input = {
          cycleId,
          communityId: 'shuyuan',
          ...content('扶', { estimatedCost: 120.5, location: { text: '2幢', lat: 31.6 } }),
        };
        const zh = await call('proposal.submit', input, { as: 'wang' });
        expect(zh.status).toBe(400);
        expect(zh.body.error?.data.fieldErrors).toEqual([
          { path: 'title', message: '至少需要 2 个字' },
          { path: 'estimatedCost', message: expect.any(String) },
          { path: 'location.lng', message: '经度和纬度须同时填写' },
        ]);
        expect(zh.body.error?.message).toContain('标题（title）：至少需要 2 个字');
        expect(zh.body.error?.message).toContain('估算费用（分）（estimatedCost）');
        const en = await call('proposal.submit', input, { as: 'wang', headers: EN });
        expect(en.body.error?.message).toContain('Title (title): must be at least 2 characters');
        expect(en.body.error?.message).toContain(
          'Longitude (location.lng): Give latitude and longitude together',
        );
        const round = await call(
          'proposal.recordRoundTable',
          {
            cycleId,
            communityId: 'shuyuan',
            date: '2026-01-05',
            attendees: [{ role: 'chair' }],
            decisions: [{ proposalId: handrails, decision: 'reject' }],
          },
          { as: 'committee', headers: EN },
        );
        expect(round.status).toBe(400);
        expect(round.body.error?.message).toBe('Reason (decisions.0.reason): is required');
        expect(await head()).toBe(before);
      });

      it('refuses what the cycle does not allow, with the reason, writing nothing', async () => {
        const before = await head();
        const aboveCap = await call(
          'proposal.submit',
          {
            cycleId,
            communityId: 'shuyuan',
            ...content('小区监控全覆盖', { category: 'goods', estimatedCost: 4_000_000 }),
          },
          { as: 'wang' },
        );
        expect(aboveCap.status).toBe(400);
        expect(aboveCap.body.error?.data.reason).toBe('cost_above_cap');
        expect(aboveCap.body.error?.message).toBe(
          '货物类项目每项不超过 30,000.00 元，本建议的费用为 40,000.00 元。',
        );
        // Named as the cost's problem, so that the form shows it beside the cost field.
        expect(aboveCap.body.error?.data.fieldErrors).toEqual([
          { path: 'estimatedCost', message: aboveCap.body.error?.message },
        ]);
        const outside = await call(
          'proposal.submit',
          { cycleId, communityId: 'huyuan', ...content('湖苑社区健身步道') },
          { as: 'wang', headers: EN },
        );
        expect(outside.status).toBe(400);
        expect(outside.body.error?.data.reason).toBe('community_not_in_cycle');
        expect(outside.body.error?.message).toMatch(/not part of this cycle/);
        // The demo cycle of 虞山街道 is screening: too late to propose there.
        const late = await call(
          'proposal.submit',
          { cycleId: 'demo-cycle-yushan', communityId: 'shuyuan', ...content('迟到的建议') },
          { as: 'wang' },
        );
        expect(late.status).toBe(409);
        expect(late.body.error?.data.reason).toBe('not_proposing');
        expect(late.body.error?.message).toContain('「筛选共议」阶段');
        // 陈 lives in 虹桥社区, not 书院社区.
        const notEligible = await call(
          'proposal.submit',
          { cycleId, communityId: 'shuyuan', ...content('书院社区的事') },
          { as: 'chen' },
        );
        expect(notEligible.status).toBe(403);
        expect(notEligible.body.error?.data.reason).toBe('author_not_eligible');
        const unknownPhoto = await call(
          'proposal.submit',
          {
            cycleId,
            communityId: 'shuyuan',
            ...content('带照片的建议'),
            photoIds: ['01234567-89ab-4def-8123-456789abcdef'],
          },
          { as: 'wang' },
        );
        expect(unknownPhoto.status).toBe(400);
        expect(unknownPhoto.body.error?.data.fieldErrors?.[0]?.path).toBe('photoIds.0');
        expect(await head()).toBe(before);
      });

      it('lets the author edit (as history) and others co-sign, but not the other way round', async () => {
        const edited = await call(
          'proposal.edit',
          { proposalId: handrails, estimatedCost: 1_500_000, expectedRevision: '0' },
          { as: 'wang' },
        );
        expect(edited.status, JSON.stringify(edited.body)).toBe(200);
        const before = await head();
        const notMine = await call(
          'proposal.edit',
          { proposalId: handrails, title: '改别人的建议' },
          { as: 'zhang' },
        );
        expect(notMine.status).toBe(403);
        expect(notMine.body.error?.data.reason).toBe('not_acting_for');
        const ownCoSign = await call('proposal.coSign', { proposalId: handrails }, { as: 'wang' });
        expect(ownCoSign.body.error?.data.reason).toBe('author_cannot_cosign');
        expect(await head()).toBe(before);

        expect(
          (await call('proposal.coSign', { proposalId: handrails }, { as: 'zhang' })).status,
        ).toBe(200);
        const twice = await call('proposal.coSign', { proposalId: handrails }, { as: 'zhang' });
        expect(twice.status).toBe(409);
        expect(twice.body.error?.message).toBe('您已经附议过这条建议。');

        const view = await micro.get(handrails, 'wang');
        expect(view).toMatchObject({ coSignCount: 1, myRole: 'author' });
        const timeline = await call<{
          entries: { type: string; details: { previous?: unknown } }[];
        }>('proposal.timeline', { proposalId: handrails }, { query: true });
        expect(timeline.body.result?.data.entries[1]).toMatchObject({
          type: 'ProposalEdited',
          details: { previous: { estimatedCost: 1_200_000 } },
        });
        const mine = await call<{ proposals: { proposalId: string; role: string }[] }>(
          'proposal.mine',
          undefined,
          { as: 'zhang', query: true },
        );
        expect(mine.body.result?.data.proposals).toContainEqual(
          expect.objectContaining({ proposalId: handrails, role: 'cosigner' }),
        );
      });

      it('lets a relative holding a proxy to propose submit and co-sign for the resident, and no one else', async () => {
        const granted = await call(
          'resident.grantProxy',
          { granteePhone: ZHANG.phone, powers: ['propose'] },
          { as: 'wang' },
        );
        expect(granted.status, JSON.stringify(granted.body)).toBe(200);
        await call(
          'resident.grantProxy',
          { granteePhone: CHEN.phone, powers: ['vote'] },
          { as: 'wang' },
        );

        const byProxy = await micro.submit('zhang', {
          cycleId,
          communityId: 'shuyuan',
          ...content('楼下增设晾衣架'),
          forResidentId: WANG.id,
        });
        const [event] = await api.runtime.store.readStream(`proposal-${byProxy.proposalId}`);
        expect(event?.metadata).toMatchObject({
          actor: ZHANG.id,
          onBehalfOf: WANG.id,
          channel: 'proxy',
        });
        expect(event?.data).toMatchObject({ authorResidentId: WANG.id, channel: 'proxy' });
        const mine = await call<{ proposals: { proposalId: string }[] }>(
          'proposal.mine',
          { minPosition: byProxy.position },
          { as: 'wang', query: true },
        );
        expect(mine.body.result?.data.proposals.map((p) => p.proposalId)).toContain(
          byProxy.proposalId,
        );

        // The same proxy co-signs for 王 a proposal 王 did not write (here 张's own).
        const lamp = await micro.submit('zhang', {
          cycleId,
          communityId: 'shuyuan',
          ...content('东门加装路灯'),
        });
        const coSigned = await call(
          'proposal.coSign',
          { proposalId: lamp.proposalId, forResidentId: WANG.id },
          { as: 'zhang' },
        );
        expect(coSigned.status, JSON.stringify(coSigned.body)).toBe(200);
        const coSignEvent = (await api.runtime.store.readStream(`proposal-${lamp.proposalId}`)).at(
          -1,
        );
        expect(coSignEvent).toMatchObject({
          type: 'ProposalCoSigned',
          data: { residentId: WANG.id },
          metadata: { actor: ZHANG.id, onBehalfOf: WANG.id, channel: 'proxy' },
        });
        expect(await micro.get(lamp.proposalId, 'zhang')).toMatchObject({
          coSignCount: 1,
          myRole: 'author',
        });

        const before = await head();
        const coSignVoteOnly = await call(
          'proposal.coSign',
          { proposalId: lamp.proposalId, forResidentId: WANG.id },
          { as: 'chen' },
        );
        expect(coSignVoteOnly.status).toBe(403);
        expect(coSignVoteOnly.body.error?.data.reason).toBe('not_acting_for');
        const voteOnly = await call(
          'proposal.submit',
          { cycleId, communityId: 'shuyuan', ...content('只能代投票'), forResidentId: WANG.id },
          { as: 'chen' },
        );
        expect(voteOnly.status).toBe(403);
        expect(voteOnly.body.error?.data.reason).toBe('not_acting_for');
        const staff = await call(
          'proposal.submit',
          { cycleId, communityId: 'shuyuan', ...content('工作人员不能自己提议') },
          { as: 'shuyuan' },
        );
        expect(staff.status).toBe(403);
        const workerViaSubmit = await call(
          'proposal.submit',
          { cycleId, communityId: 'shuyuan', ...content('应走线下录入'), forResidentId: LI },
          { as: 'shuyuan' },
        );
        expect(workerViaSubmit.body.error?.data.reason).toBe('offline_entry_required');
        expect(await head()).toBe(before);
      });

      it('stops a worker entering the same paper proposal twice, unless confirmed', async () => {
        const entry = {
          communityId: 'shuyuan',
          residentId: LI,
          cycleId,
          ...content('小区路灯维修'),
        };
        const first = await micro.submit('shuyuan', entry, 'proposal.submitFor');
        const [event] = await api.runtime.store.readStream(`proposal-${first.proposalId}`);
        expect(event?.metadata).toMatchObject({
          actor: 'demo-shuyuan',
          onBehalfOf: LI,
          channel: 'offline',
        });

        const before = await head();
        const again = await call(
          'proposal.submitFor',
          { ...entry, title: ' 小区路灯 维修 ' },
          { as: 'shuyuan' },
        );
        expect(again.status).toBe(409);
        expect(again.body.error?.data.reason).toBe('possible_double_entry');
        expect(again.body.error?.message).toContain(`编号 ${first.proposalId}`);
        expect(again.body.error?.message).toContain('确认重复录入');
        const elsewhere = await call('proposal.submitFor', entry, { as: 'qinfeng' });
        expect(elsewhere.status).toBe(403);
        expect(elsewhere.body.error?.data.reason).toBe('out_of_scope');
        expect(await head()).toBe(before);

        const confirmed = await micro.submit(
          'shuyuan',
          { ...entry, confirmDuplicate: true },
          'proposal.submitFor',
        );
        expect(confirmed.proposalId).not.toBe(first.proposalId);
        const queue = await call<{
          proposals: { proposalId: string; author: { name: string } | null }[];
        }>(
          'proposal.intakeQueue',
          { communityId: 'shuyuan', cycleId, minPosition: confirmed.position },
          { as: 'shuyuan', query: true },
        );
        expect(queue.body.result?.data.proposals).toContainEqual(
          expect.objectContaining({
            proposalId: first.proposalId,
            author: expect.objectContaining({ name: '陆根生' }),
          }),
        );
        const withdrawn = await call(
          'proposal.withdraw',
          { proposalId: confirmed.proposalId, reason: '重复录入' },
          { as: 'shuyuan' },
        );
        expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
        expect((await micro.get(confirmed.proposalId)).status).toBe('withdrawn');
      });

      it('refuses a paper entry with a worded 409 while the read models stay behind, writing nothing', async () => {
        const { readModels } = api.runtime.services;
        const wait = readModels.waitForPosition;
        // The read models never reach the head: each wait ends as a wait past its cap would.
        readModels.waitForPosition = async (position, timeoutMs) => {
          throw new ReadModelLagError(position, undefined, timeoutMs ?? 0);
        };
        try {
          const entry = { communityId: 'shuyuan', residentId: LI, cycleId, ...content('路灯') };
          const before = await head();
          const zh = await call('proposal.submitFor', entry, { as: 'shuyuan' });
          const en = await call('proposal.submitFor', entry, { as: 'shuyuan', headers: EN });
          for (const reply of [zh, en]) {
            expect(reply.status, JSON.stringify(reply.body)).toBe(409);
            expect(reply.body.error?.data.reason).toBe('read_models_behind');
          }
          expect(zh.body.error?.message).toContain('系统仍在同步最新的更改');
          expect(en.body.error?.message).toContain('still catching up with the latest changes');
          expect(await head()).toBe(before);
        } finally {
          readModels.waitForPosition = wait;
        }
      });
    });

    describe('while screening', () => {
      const ids = { infeasible: '', pool: '', reject: '', revise: '' };

      beforeAll(async () => {
        for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
          ids[key] = (
            await micro.submit('zhang', {
              cycleId,
              communityId: 'shuyuan',
              ...content(`筛选测试建议 ${key}`),
            })
          ).proposalId;
        }
        await micro.screen(cycleId);
      });

      it('refuses staff outside the community or the role with a 403, writing nothing', async () => {
        const before = await head();
        const cases: [string, unknown, string][] = [
          [
            'proposal.markInfeasible',
            { proposalId: ids.infeasible, excludedCode: 'N1' },
            'qinfeng',
          ],
          ['proposal.sendToSurvey', { proposalId: ids.pool }, 'consultant'],
          [
            'proposal.recordSurvey',
            { proposalId: ids.pool, notes: '越权', opinion: 'feasible' },
            'shuyuan',
          ],
          ['proposal.merge', { duplicateId: ids.reject, targetId: ids.pool }, 'committee'],
          [
            'proposal.recordRoundTable',
            {
              cycleId,
              communityId: 'shuyuan',
              date: '2026-01-05',
              attendees: [{ role: 'chair' }],
              decisions: [],
            },
            'qinfeng',
          ],
          ['proposal.intakeQueue', { communityId: 'shuyuan' }, 'consultant'],
        ];
        for (const [path, input, as] of cases) {
          const reply = await call(path, input, { as, query: path === 'proposal.intakeQueue' });
          expect(reply.status, `${path} as ${as}`).toBe(403);
          expect(reply.body.error?.message, path).toMatch(/您没有权限/);
        }
        expect(await head()).toBe(before);
      });

      it('screens, surveys, and records a round-table whose decisions land on each proposal', async () => {
        const infeasible = await call(
          'proposal.markInfeasible',
          { proposalId: ids.infeasible, excludedCode: 'N2', note: '已列入区级道路改造计划' },
          { as: 'shuyuan' },
        );
        expect(infeasible.status, JSON.stringify(infeasible.body)).toBe(200);
        expect((await micro.get(ids.infeasible)).statusReason?.['zh-CN']).toBe(
          '负面清单 N2「已列入政府年度计划的项目」；已列入区级道路改造计划',
        );
        const unknownCode = await call(
          'proposal.markInfeasible',
          { proposalId: ids.pool, excludedCode: 'N9' },
          { as: 'shuyuan' },
        );
        expect(unknownCode.body.error?.data.reason).toBe('unknown_excluded_code');

        // A decision on a proposal of another community stops the whole record.
        const before = await head();
        const mixed = await call(
          'proposal.recordRoundTable',
          {
            cycleId,
            communityId: 'shuyuan',
            date: '2026-01-05',
            attendees: [{ role: 'chair' }],
            decisions: [
              { proposalId: ids.pool, decision: 'pool' },
              { proposalId: 'demo-p-market-road', decision: 'pool' },
            ],
          },
          { as: 'committee' },
        );
        expect(mixed.status).toBe(400);
        expect(await head()).toBe(before);

        const round = await call<Written & { roundTableId: string }>(
          'proposal.recordRoundTable',
          {
            cycleId,
            communityId: 'shuyuan',
            date: '2026-01-05',
            attendees: [{ name: '张卫东', role: 'chair' }, { role: 'proposer' }],
            notes: '出席代表 9 人',
            decisions: [
              { proposalId: ids.pool, decision: 'pool', reason: '急需' },
              { proposalId: ids.reject, decision: 'reject', reason: '与已有项目重复' },
              { proposalId: ids.revise, decision: 'revise', reason: '请补充施工范围' },
            ],
          },
          { as: 'shuyuan' },
        );
        expect(round.status, JSON.stringify(round.body)).toBe(200);
        expect((await micro.get(ids.pool)).status).toBe('pool');
        expect((await micro.get(ids.reject)).statusReason?.['zh-CN']).toBe('与已有项目重复');
        expect((await micro.get(ids.revise)).status).toBe('returned');
        const tables = await call<{
          roundTables: { roundTableId: string; decisions: { proposalId: string }[] }[];
        }>('proposal.roundTables', { cycleId, communityId: 'shuyuan' }, { query: true });
        expect(tables.body.result?.data.roundTables).toEqual([
          expect.objectContaining({
            roundTableId: round.body.result!.data.roundTableId,
            decisions: [ids.pool, ids.reject, ids.revise].map((proposalId) =>
              expect.objectContaining({ proposalId }),
            ),
          }),
        ]);

        const resubmitted = await call(
          'proposal.resubmit',
          { proposalId: ids.revise, description: '施工范围:2 幢至 4 幢南侧道路。' },
          { as: 'zhang' },
        );
        expect(resubmitted.status, JSON.stringify(resubmitted.body)).toBe(200);
        expect((await micro.get(ids.revise)).status).toBe('resubmitted');
        const list = await call<{
          proposals: { proposalId: string }[];
          counts: Record<string, number>;
        }>(
          'proposal.list',
          { cycleId, communityId: 'shuyuan', status: ['pool', 'resubmitted'] },
          { query: true },
        );
        expect(list.body.result?.data.proposals.map((p) => p.proposalId).sort()).toEqual(
          [ids.pool, ids.revise].sort(),
        );
        expect(list.body.result?.data.counts).toMatchObject({
          pool: 1,
          rejected: 1,
          infeasible: 1,
        });
      });

      it('keeps each resident’s inbox, with unread counts and marks', async () => {
        const { notices, unread } = await micro.inbox('zhang');
        expect(unread).toBe(notices.length);
        expect(notices.map((n) => n.cause)).toEqual(
          expect.arrayContaining([
            'ProposalMarkedInfeasible',
            'ProposalAdmittedToPool',
            'ProposalRejectedAtRoundTable',
            'ProposalReturnedForRevision',
            'ProposalResubmitted',
          ]),
        );
        const one = await call<{ marked: number; unread: number }>(
          'notification.markRead',
          { noticeIds: [notices[0]!.noticeId] },
          { as: 'zhang' },
        );
        expect(one.body.result?.data).toEqual({ marked: 1, unread: unread - 1 });
        // Another resident's notice is not theirs to mark.
        expect(
          (
            await call<{ marked: number }>(
              'notification.markRead',
              { noticeIds: [notices[1]!.noticeId] },
              { as: 'chen' },
            )
          ).body.result?.data.marked,
        ).toBe(0);
        const all = await call<{ unread: number }>(
          'notification.markRead',
          { all: true },
          { as: 'zhang' },
        );
        expect(all.body.result?.data.unread).toBe(0);
        expect((await micro.inbox('zhang')).notices.every((n) => n.read)).toBe(true);
        const neither = await call('notification.markRead', {}, { as: 'zhang', headers: EN });
        expect(neither.status).toBe(400);
        expect(neither.body.error?.data.fieldErrors?.[0]?.path).toBe('noticeIds');
        expect((await call('notification.inbox', undefined, { query: true })).status).toBe(401);
      });

      it('writes the same notices again on a rebuild, without marking them unread or sending them twice', async () => {
        const { runtime } = api;
        await runtime.drainOutbox();
        const sentBefore = micro.notices.sent.length;
        const inboxBefore = await micro.inbox('zhang');
        const rows = () => runtime.readModelDb.all('SELECT * FROM ntf_outbox ORDER BY notice_id');
        const outboxBefore = await rows();
        expect(outboxBefore.length).toBeGreaterThan(0);
        await rebuildProjection({
          store: runtime.store,
          db: runtime.readModelDb,
          projection: notificationProjection,
        });
        expect(await rows()).toEqual(outboxBefore);
        expect(await micro.inbox('zhang')).toEqual(inboxBefore);
        expect(await runtime.drainOutbox()).toBe(0);
        expect(micro.notices.sent.length).toBe(sentBefore);
      });
    });

    describe('photos', () => {
      it('keeps a photo judged by its bytes and serves it with its type', async () => {
        const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
        // The name and declared type say JPEG; the bytes say PNG, and PNG is what is kept.
        const uploaded = await micro.upload('wang', {
          bytes: png,
          name: 'a.jpg',
          type: 'image/jpeg',
        });
        expect(uploaded.status).toBe(201);
        expect(uploaded.body).toMatchObject({ type: 'image/png', size: png.length });
        const served = await fetch(`${api.url}${uploaded.body.url}`);
        expect(served.status).toBe(200);
        expect(served.headers.get('content-type')).toBe('image/png');
        expect(served.headers.get('x-content-type-options')).toBe('nosniff');
        expect(new Uint8Array(await served.arrayBuffer())).toEqual(png);
        expect((await fetch(`${api.url}/api/photos/not-a-photo`)).status).toBe(404);
      });

      it('refuses files that are not photos or too large, with a reason in zh-CN or English', async () => {
        const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
        const disguised = await micro.upload('wang', {
          bytes: html,
          name: '照片.jpg',
          type: 'image/jpeg',
        });
        expect(disguised.status).toBe(400);
        expect(disguised.body.error?.message).toBe(
          '照片须为 JPEG、PNG、WebP 或 HEIC 格式；「照片.jpg」不是这几种图片。',
        );
        const declared = await micro.upload(
          'wang',
          { bytes: JPEG, name: 'x.html', type: 'text/html' },
          EN,
        );
        expect(declared.status).toBe(400);
        expect(declared.body.error?.data.reason).toBe('photo_type_not_allowed');
        expect(declared.body.error?.message).toMatch(/^Photos must be JPEG, PNG, WebP or HEIC/);

        const big = new Uint8Array(photoRules.maxBytes + 1);
        big.set(JPEG);
        const tooLarge = await micro.upload('wang', {
          bytes: big,
          name: 'big.jpg',
          type: 'image/jpeg',
        });
        expect(tooLarge.status).toBe(400);
        expect(tooLarge.body.error?.message).toBe(
          '每张照片不能超过 10 MB；「big.jpg」有 10.0 MB。',
        );
        const empty = await micro.upload('wang', {
          bytes: new Uint8Array(),
          name: 'e.jpg',
          type: 'image/jpeg',
        });
        expect(empty.body.error?.data.reason).toBe('photo_empty');
      });

      it('takes uploads only from signed-in callers on the same site', async () => {
        const anonymous = await micro.upload(undefined, {
          bytes: JPEG,
          name: 'a.jpg',
          type: 'image/jpeg',
        });
        expect(anonymous.status).toBe(401);
        expect(anonymous.body.error?.message).toBe('请先登录再上传照片。');
        const crossSite = await micro.upload(
          'wang',
          { bytes: JPEG, name: 'a.jpg', type: 'image/jpeg' },
          { origin: 'https://evil.example' },
        );
        expect(crossSite.status).toBe(403);
      });
    });
  },
);
