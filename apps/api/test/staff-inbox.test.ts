// The staff inbox over HTTP (issue 11): what waits for a staff member's act reaches them with a
// link, only where their grants allow the act (a worker of 书院社区 sees 书院社区's work, one of
// 琴枫社区 does not; a street officer sees the objections of its street but not the feedback its
// workers give; an erasure reaches a second person, never its requester), names no resident, and
// is gone once somebody has acted.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedVoters } from '../bench/voters.ts';
import { DEMO_RESIDENT } from '../src/seed/residents.ts';
import { engines, useApiServer, type Reply } from './harness.ts';

const sqlite = engines.find((e) => e.name === 'sqlite')!;
const CYCLE = 'demo-cycle-notice';
/** The demo's autumn cycle, in voting: paper ballots are entered there. */
const VOTING = 'demo-cycle-voting';

interface Item {
  kind: string;
  workId: string;
  communityId: string;
  subject: string | null;
  since: string;
  link: string;
}

describe('the staff inbox over HTTP on sqlite', () => {
  const api = useApiServer(sqlite.make());
  const { call, signIn } = api;
  const head = async () => String((await api.head()) ?? 0n);
  const ok = <T>(reply: Reply<T>): T => {
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };
  const inbox = async (as: string) =>
    ok(
      await call<{ items: Item[] }>(
        'notification.staffInbox',
        { minPosition: await head() },
        { as, query: true },
      ),
    ).items;

  beforeAll(async () => {
    const login = await call('resident.login', {
      phone: DEMO_RESIDENT.loginName,
      password: DEMO_RESIDENT.password,
    });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('gongzhi_session='))!;
    api.tokens.set('resident', /^gongzhi_session=([^;]+)/.exec(cookie)![1]!);
    for (const login of ['shuyuan', 'shuyuan2', 'shuyuan3', 'qinfeng', 'yushan']) {
      await signIn(login);
    }
  });

  it('gives each worker their own community’s work, newest first, with links', async () => {
    const shuyuan = await inbox('shuyuan');
    // The demo's summer cycle owes feedback to the pavilion's author in 书院社区.
    const pavilion = shuyuan.find((i) => i.workId === 'feedback:demo-n-pavilion');
    expect(pavilion).toMatchObject({
      kind: 'feedback',
      communityId: 'shuyuan',
      link: '/work/feedback/demo-n-pavilion?community=shuyuan',
    });
    expect(shuyuan.every((i) => i.communityId === 'shuyuan')).toBe(true);
    expect(shuyuan.map((i) => i.since)).toEqual(
      shuyuan
        .map((i) => i.since)
        .sort()
        .reverse(),
    );
    const qinfeng = await inbox('qinfeng');
    expect(qinfeng.every((i) => i.communityId === 'qinfeng')).toBe(true);
    // The street officer gives no feedback: none of it reaches them.
    expect((await inbox('yushan')).some((i) => i.kind === 'feedback')).toBe(false);
  });

  it('brings an objection to the workers and officers who may answer it, and drops it once answered', async () => {
    const text = '这个项目的报价明显偏高,请王先生核实。';
    const filed = ok(
      await call<{ objectionId: string }>(
        'outcome.file',
        { cycleId: CYCLE, communityId: 'shuyuan', text, proposalId: 'demo-n-seats' },
        { as: 'resident' },
      ),
    );
    const workId = `objection:${filed.objectionId}`;
    const shuyuan = await inbox('shuyuan');
    expect(shuyuan.find((i) => i.workId === workId)).toMatchObject({
      kind: 'objection',
      link: `/cycles/${CYCLE}/notice/${filed.objectionId}`,
    });
    expect(shuyuan[0]?.workId).toBe(workId);
    expect((await inbox('yushan')).some((i) => i.workId === workId)).toBe(true);
    expect((await inbox('qinfeng')).some((i) => i.workId === workId)).toBe(false);
    // Nothing about who filed it or what it says.
    const shown = JSON.stringify(shuyuan);
    expect(shown).not.toContain('王先生');
    expect(shown).not.toContain(DEMO_RESIDENT.residentId);

    ok(
      await call(
        'outcome.answer',
        { objectionId: filed.objectionId, answer: 'dismissed', reason: '报价经核实合理。' },
        { as: 'yushan' },
      ),
    );
    expect((await inbox('shuyuan')).some((i) => i.workId === workId)).toBe(false);
    expect((await inbox('yushan')).some((i) => i.workId === workId)).toBe(false);
  });

  it('drops feedback owed once the worker has given it', async () => {
    ok(
      await call(
        'feedback.give',
        {
          proposalId: 'demo-n-pavilion',
          reason: '得票少于入选项目。',
          suggestions: '下一期可以再提。',
          givenBy: 'community_worker',
        },
        { as: 'shuyuan' },
      ),
    );
    expect((await inbox('shuyuan')).some((i) => i.workId === 'feedback:demo-n-pavilion')).toBe(
      false,
    );
  });

  it('brings a batch whose entries differ to a third worker, not to the two who entered it', async () => {
    const [voter] = await seedVoters(api.runtime, { count: 1, prefix: 'inbox' });
    const place = { cycleId: VOTING, communityId: 'shuyuan' };
    const paper = ok(
      await call<{ projects: { proposalId: string }[] }>('ballot.paper', place, { query: true }),
    );
    const [a, b] = paper.projects.map((p) => p.proposalId);
    const { batchId } = ok(
      await call<{ batchId: string }>(
        'ballot.paperBatches.open',
        { ...place, label: '待办测试票箱' },
        { as: 'shuyuan' },
      ),
    );
    const sheet = (choice: string) => [
      { serial: 'I-001', voterId: voter!.residentId, choices: [choice] },
    ];
    for (const [as, choice] of [
      ['shuyuan', a],
      ['shuyuan2', b],
    ] as const) {
      ok(
        await call(
          'ballot.paperBatches.enter',
          { ...place, batchId, sheets: sheet(choice!) },
          { as },
        ),
      );
    }
    const workId = `paper_batch:${VOTING}:${batchId}`;
    expect((await inbox('shuyuan3')).find((i) => i.workId === workId)).toMatchObject({
      kind: 'paper_batch',
      subject: '待办测试票箱',
      link: `/work/paper-ballots/${VOTING}/${batchId}/resolve?community=shuyuan`,
    });
    for (const entrant of ['shuyuan', 'shuyuan2', 'qinfeng']) {
      expect((await inbox(entrant)).some((i) => i.workId === workId)).toBe(false);
    }
  });

  it('brings a tie a resident declared to those who may verify it, without naming them', async () => {
    const { tieId } = ok(
      await call<{ tieId: string }>(
        'resident.declareTie',
        { communityId: 'hongqiao', kind: 'works' },
        { as: 'resident' },
      ),
    );
    const workId = `tie:${tieId}`;
    const officer = await inbox('yushan');
    expect(officer.find((i) => i.workId === workId)).toMatchObject({
      kind: 'tie',
      communityId: 'hongqiao',
      link: '/work/verification?community=hongqiao',
    });
    expect(JSON.stringify(officer)).not.toContain(DEMO_RESIDENT.residentId);
    // 书院社区's worker does not look after 虹桥社区; 琴枫社区's is of another street.
    for (const worker of ['shuyuan', 'qinfeng']) {
      expect((await inbox(worker)).some((i) => i.workId === workId)).toBe(false);
    }
    ok(
      await call(
        'resident.verifyTie',
        {
          communityId: 'hongqiao',
          residentId: DEMO_RESIDENT.residentId,
          tieId,
          note: '已核对工作证明。',
        },
        { as: 'yushan' },
      ),
    );
    expect((await inbox('yushan')).some((i) => i.workId === workId)).toBe(false);
  });

  it('brings an erasure awaiting a second person to those who may confirm it, not to its requester, naming nobody', async () => {
    // The demo's erasure of 陆根生 (demo-r-li), requested by 书院社区's first worker.
    const workId = 'erasure:demo-erasure-li';
    const second = await inbox('shuyuan2');
    const item = second.find((i) => i.workId === workId);
    expect(item).toMatchObject({
      kind: 'erasure',
      communityId: 'shuyuan',
      subject: null,
      link: '/work/erasures?community=shuyuan',
    });
    expect((await inbox('yushan')).some((i) => i.workId === workId)).toBe(true);
    // Not the worker who requested it, nor one of another community.
    for (const worker of ['shuyuan', 'qinfeng']) {
      expect((await inbox(worker)).some((i) => i.workId === workId)).toBe(false);
    }
    const shown = JSON.stringify(item);
    expect(shown).not.toContain('陆根生');
    expect(shown).not.toContain('demo-r-li');
    expect(shown).not.toContain('书院〔2025〕7 号');

    ok(
      await call(
        'resident.confirmErasure',
        { communityId: 'shuyuan', residentId: 'demo-r-li', erasureId: 'demo-erasure-li' },
        { as: 'shuyuan2' },
      ),
    );
    // Confirmed, it waits for nobody's act (anyone there may still stop it on its page).
    for (const staff of ['shuyuan2', 'shuyuan3', 'yushan']) {
      expect((await inbox(staff)).some((i) => i.workId === workId)).toBe(false);
    }
  });

  it('drops an erasure once it is stopped', async () => {
    const zhao = 'demo-r-zhao';
    const { erasureId } = ok(
      await call<{ erasureId: string }>(
        'resident.requestErasure',
        { communityId: 'shuyuan', residentId: zhao, writtenRequestRef: '书院〔2025〕99 号' },
        { as: 'shuyuan3' },
      ),
    );
    const workId = `erasure:${erasureId}`;
    expect((await inbox('shuyuan')).some((i) => i.workId === workId)).toBe(true);
    expect((await inbox('shuyuan3')).some((i) => i.workId === workId)).toBe(false);
    ok(
      await call(
        'resident.stopErasure',
        { communityId: 'shuyuan', residentId: zhao, erasureId, reason: '居民撤回书面申请。' },
        { as: 'shuyuan3' },
      ),
    );
    for (const staff of ['shuyuan', 'shuyuan2', 'yushan']) {
      expect((await inbox(staff)).some((i) => i.workId === workId)).toBe(false);
    }
  });

  it('gives a resident, who has no staff work, nothing', async () => {
    expect(await inbox('resident')).toEqual([]);
  });
});
