// Objections over HTTP on SQLite and PostgreSQL, on the seeded cycle in publicity (demo-cycle-notice:
// publicity began two days ago for five days; 书院社区 selected the seats, the canteen and the
// shoe rack): a resident files, staff answer (upheld → the tally is recorded again without the
// project; dismissed with a reason), refusals outside the period, and confirmation of the
// selection refused during the period and with objections open, accepted after. The clock is
// the runtime's injectable `now`.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '@gongzhi/domain';
import { DEMO_RESIDENT } from '../src/seed/residents.ts';
import { engines, useApiServer } from './harness.ts';

const CYCLE = 'demo-cycle-notice';
const DAY_MS = 86_400_000;

interface Notice {
  period: { from: string; until: string; days: number };
  open: boolean;
  unanswered: number;
  communities: {
    communityId: string;
    tally: { tallies: number } | null;
    projects: { proposalId: string; selected: boolean; excluded: boolean }[];
    objections: {
      objectionId: string;
      proposalId: string | null;
      status: string;
      mine: boolean;
      answer: { reason: string; consequence: { kind: string } | null } | null;
    }[];
  }[];
}

interface Result {
  tally: { winners: string[]; projects: { proposalId: string }[] };
  revision: number;
  recount: { matches: boolean };
}

interface InboxNotice {
  proposalId: string | null;
  link: string;
  cause: string;
  message: { 'zh-CN': string; en: string };
  read: boolean;
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

describe.each(engines)('objections over HTTP on $name', ({ make }) => {
  const api = useApiServer(make());
  const { call, signIn } = api;
  const today = chinaDate(new Date().toISOString());
  /** 10:00 in China on the day `days` from today. */
  const onDay = (days: number) => new Date(`${addDays(today, days)}T02:00:00Z`);
  const setDay = (days: number) => (api.runtime.services.now = () => onDay(days));
  afterEach(() => {
    delete api.runtime.services.now;
  });

  beforeAll(async () => {
    const login = await call('resident.login', {
      phone: DEMO_RESIDENT.loginName,
      password: DEMO_RESIDENT.password,
    });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('gongzhi_session='))!;
    api.tokens.set('resident', /^gongzhi_session=([^;]+)/.exec(cookie)![1]!);
    await signIn('shuyuan');
    await signIn('yushan');
    await signIn('qinfeng');
  });

  const notice = async (minPosition?: string) =>
    (
      await call<Notice>(
        'outcome.notice',
        { cycleId: CYCLE, minPosition },
        { query: true, as: 'resident' },
      )
    ).body.result!.data;
  const community = (n: Notice, communityId: string) =>
    n.communities.find((c) => c.communityId === communityId)!;
  const file = (input: Record<string, unknown>, as = 'resident') =>
    call<{ objectionId: string; position: string }>(
      'outcome.file',
      { cycleId: CYCLE, communityId: 'shuyuan', text: '这个项目的报价明显偏高,请核实。', ...input },
      { as },
    );
  const answer = (objectionId: string, answer: string, as: string, reason = '经核实,情况属实。') =>
    call<{ position: string }>('outcome.answer', { objectionId, answer, reason }, { as });
  const result = async (communityId: string, minPosition?: string) =>
    (
      await call<Result>(
        'ballot.result',
        { cycleId: CYCLE, communityId, minPosition },
        { query: true },
      )
    ).body.result!.data;
  const confirm = (reason?: string) =>
    call('cycle.advancePhase', { cycleId: CYCLE, to: 'implementing', reason }, { as: 'yushan' });

  it('shows the notice with its dates and the selection as counted', async () => {
    const n = await notice();
    expect(n.period).toEqual({
      from: addDays(today, -2),
      until: addDays(today, 2),
      days: 5,
      begun: true,
    });
    expect(n.open).toBe(true);
    const selected = community(n, 'shuyuan')
      .projects.filter((p) => p.selected)
      .map((p) => p.proposalId);
    expect(selected.sort()).toEqual(['demo-n-canteen', 'demo-n-seats', 'demo-n-shoe-rack']);
  });

  it('files an objection against a winning project and, upheld, counts the community without it', async () => {
    const before = await result('shuyuan');
    const filed = await file({ proposalId: 'demo-n-seats' });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    const { objectionId, position } = filed.body.result!.data;
    let n = await notice(position);
    expect(n.unanswered).toBe(1);
    expect(community(n, 'shuyuan').objections).toEqual([
      expect.objectContaining({
        objectionId,
        proposalId: 'demo-n-seats',
        status: 'filed',
        mine: true,
      }),
    ]);

    // Only staff of the community (or its street) answer.
    const outsider = await answer(objectionId, 'upheld', 'qinfeng');
    expect(outsider.status).toBe(403);
    const byResident = await answer(objectionId, 'upheld', 'resident');
    expect(byResident.status).toBe(403);

    const upheld = await answer(objectionId, 'upheld', 'shuyuan');
    expect(upheld.status, JSON.stringify(upheld.body)).toBe(200);
    const after = await result('shuyuan', upheld.body.result!.data.position);
    expect(after.revision).toBeGreaterThan(before.revision);
    expect(after.tally.winners).not.toContain('demo-n-seats');
    expect(after.tally.projects.map((p) => p.proposalId)).not.toContain('demo-n-seats');
    expect(after.recount.matches).toBe(true);
    n = await notice(upheld.body.result!.data.position);
    const shuyuan = community(n, 'shuyuan');
    expect(shuyuan.objections[0]).toMatchObject({
      status: 'upheld',
      answer: { reason: '经核实,情况属实。', consequence: { kind: 'project_excluded' } },
    });
    expect(shuyuan.projects.find((p) => p.proposalId === 'demo-n-seats')).toMatchObject({
      excluded: true,
      selected: false,
    });
    expect(n.unanswered).toBe(0);

    // Answered once.
    expect((await answer(objectionId, 'dismissed', 'shuyuan')).status).toBe(409);
  });

  it('counts again a community whose only voter chose the excluded project, as the street answers', async () => {
    const filed = await file({ communityId: 'hongqiao', proposalId: 'demo-n-bridge-rail' });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    const upheld = await answer(filed.body.result!.data.objectionId, 'upheld', 'yushan');
    expect(upheld.status, JSON.stringify(upheld.body)).toBe(200);
    const after = await result('hongqiao', upheld.body.result!.data.position);
    expect(after.tally.winners).not.toContain('demo-n-bridge-rail');
    expect(after.recount.matches).toBe(true);
  });

  it('dismisses an objection to the count with a reason; an upheld one recounts, the same count recording nothing', async () => {
    const first = await file({ text: '计票过程没有居民代表监督,请复核。' });
    expect(first.status).toBe(200);
    const dismissed = await answer(
      first.body.result!.data.objectionId,
      'dismissed',
      'shuyuan',
      '计票由公开的选票公告重算,结果一致。',
    );
    expect(dismissed.status).toBe(200);
    const before = await result('shuyuan', dismissed.body.result!.data.position);

    // The filer is told the answer, linked to the objection on the notice.
    const inbox = await call<{ notices: InboxNotice[] }>(
      'notification.inbox',
      { minPosition: dismissed.body.result!.data.position },
      { query: true, as: 'resident' },
    );
    expect(inbox.body.result!.data.notices[0]).toMatchObject({
      proposalId: null,
      link: `/cycles/${CYCLE}/notice#objection-${first.body.result!.data.objectionId}`,
      cause: 'ObjectionDismissed',
      message: {
        'zh-CN':
          '您提出的异议「计票过程没有居民代表监督,请复核。」经答复不成立。理由：计票由公开的选票公告重算,结果一致。',
        en: 'Your objection “计票过程没有居民代表监督,请复核。” was dismissed. Reason: 计票由公开的选票公告重算,结果一致。',
      },
      read: false,
    });
    expect(inbox.body.result!.data.notices.map((n) => n.cause)).toContain('ObjectionUpheld');

    const second = await file({ text: '我的选票回执在公告中查不到,请复核。' });
    const upheld = await answer(second.body.result!.data.objectionId, 'upheld', 'yushan');
    expect(upheld.status).toBe(200);
    const after = await result('shuyuan', upheld.body.result!.data.position);
    expect(after.revision).toBe(before.revision);

    const n = await notice(upheld.body.result!.data.position);
    expect(
      community(n, 'shuyuan').objections.map((o) => [o.status, o.answer?.consequence]),
    ).toEqual([
      ['upheld', { kind: 'project_excluded', proposalId: 'demo-n-seats' }],
      ['dismissed', null],
      ['upheld', { kind: 'recount' }],
    ]);
  });

  it('refuses objections outside the pool, without sign-in, and outside the period, writing nothing', async () => {
    const head = await api.head();
    const notInPool = await file({ proposalId: 'demo-v-canteen' });
    expect([notInPool.status, notInPool.body.error?.data.reason]).toEqual([
      400,
      'project_not_in_pool',
    ]);
    const anonymous = await call('outcome.file', {
      cycleId: CYCLE,
      communityId: 'shuyuan',
      text: '匿名的异议内容。',
    });
    expect(anonymous.status).toBe(401);
    setDay(3);
    const late = await file({ proposalId: 'demo-n-pavilion' });
    expect([late.status, late.body.error?.data.reason]).toEqual([409, 'not_in_notice_period']);
    expect(await api.head()).toBe(head);
  });

  it('confirms the selection only after the notice period, once every objection is answered', async () => {
    const during = await confirm('想提前确认');
    expect([during.status, during.body.error?.data.reason]).toEqual([409, 'notice_period_open']);

    const open = await file({ proposalId: 'demo-n-canteen' });
    expect(open.status).toBe(200);
    setDay(3);
    const unanswered = await confirm();
    expect([unanswered.status, unanswered.body.error?.data.reason]).toEqual([
      409,
      'objections_unanswered',
    ]);
    expect(unanswered.body.error?.message).toMatch(/1 条异议尚未答复/);

    const dismissed = await answer(
      open.body.result!.data.objectionId,
      'dismissed',
      'shuyuan',
      '报价已经第三方审核。',
    );
    expect(dismissed.status).toBe(200);
    const confirmed = await confirm();
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const cycle = await call<{ phase: string }>(
      'cycle.get',
      {
        cycleId: CYCLE,
        minPosition: (confirmed.body.result!.data as { position: string }).position,
      },
      { query: true },
    );
    expect(cycle.body.result?.data.phase).toBe('implementing');
  });
});
