// Projects (家园共建) over HTTP on SQLite and PostgreSQL, on the seeded cycle whose notice is over
// (demo-cycle-confirm: 虹桥社区 selected the bicycle racks at ¥45,000). Confirming the selection
// opens the project; the street approves it and reviews its budget, the community's department
// records the award, the works with photos, payments, completion, a conditional acceptance and
// its re-acceptance, and the final account. Money refusals write nothing; stages are not skipped;
// nobody acts outside their scope.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readProject } from '@gongzhi/projections/project';
import { beforeAll, describe, expect, it } from 'vitest';
import { engines, useApiServer, type Engine, type Reply } from './harness.ts';

const CYCLE = 'demo-cycle-confirm';
const PROJECT = 'demo-c-bike-racks';
const DEPT_PASSWORD = 'hongqiao-dept-2025';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

interface Listing {
  projectId: string;
  proposalId: string;
  communityId: string;
  stage: string;
  status: string;
  physicalProgress: number;
  financialProgress: number;
  spent: number;
}
interface Page {
  project: Listing & {
    votes: number;
    contractValue: number | null;
    milestones: {
      milestoneId: string;
      reachedOn: string | null;
      photos: { phase: string; capturedAt: string }[];
    }[];
    payments: { amount: number }[];
    acceptance: { verdict: string; rectifications: unknown[] } | null;
    timeline: {
      type: string;
      summary: { 'zh-CN': string; en: string };
      details: Record<string, unknown>;
    }[];
    surveyResult: {
      answers: number | null;
      tooFew: boolean;
      voters: number;
      distribution: Record<string, number[]> | null;
    } | null;
  };
  proposalTimeline: { type: string }[];
}

/** Photos live in the data folder: give PostgreSQL runs one of their own too. */
function withOwnDataFolder(engine: Engine): Engine {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-project-'));
  return {
    ...engine,
    options: () => ({ dataDir, ...engine.options() }) as ReturnType<Engine['options']>,
    async cleanUp() {
      await engine.cleanUp();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe.each(engines)('projects over HTTP on $name', (engine) => {
  const api = useApiServer(withOwnDataFolder(engine.make()));
  const { call } = api;
  const ok = <T>(reply: Reply<T>): T => {
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };
  const refusedWith = (reply: Reply, status: number, reason?: string) => {
    expect(reply.status, JSON.stringify(reply.body)).toBe(status);
    if (reason) expect(reply.body.error?.data).toMatchObject({ reason });
  };
  const page = async () =>
    ok(
      await call<Page>(
        'project.get',
        { projectId: PROJECT, minPosition: String((await api.head()) ?? 0n) },
        { query: true },
      ),
    );
  const act = (path: string, input: Record<string, unknown>, as: string) =>
    call(`project.${path}`, { projectId: PROJECT, ...input }, { as });
  /** A refused act writes nothing: the log's head does not move. */
  const refusedWritingNothing = async (reply: Promise<Reply>, status: number, reason: string) => {
    const before = await api.head();
    refusedWith(await reply, status, reason);
    expect(await api.head()).toBe(before);
  };

  beforeAll(async () => {
    for (const login of ['yushan', 'admin', 'department', 'qinchuan']) await api.signIn(login);
    ok(
      await call(
        'organisation.createStaffAccount',
        {
          loginName: 'hongqiao.dept',
          displayName: '虹桥城建',
          password: DEPT_PASSWORD,
          role: 'department_staff',
          scope: { type: 'community', communityId: 'hongqiao' },
        },
        { as: 'admin' },
      ),
    );
    await api.signIn('hongqiao.dept', { password: DEPT_PASSWORD, as: 'dept' });
  });

  it('shows the demo cycle being implemented with a project at every stage', async () => {
    const board = ok(
      await call<{ projects: Listing[] }>(
        'project.board',
        { cycleId: 'demo-cycle-implementing', communityId: 'shuyuan' },
        { query: true },
      ),
    );
    expect(
      Object.fromEntries(board.projects.map((p) => [p.projectId, `${p.status} ${p.stage}`])),
    ).toEqual({
      'demo-i-benches': 'open opened',
      'demo-i-lights': 'open budget_reviewed',
      'demo-i-ramp': 'open contracted',
      'demo-i-garden': 'open started',
      'demo-i-mailboxes': 'open completed',
      'demo-i-notice-board': 'cancelled budget_reviewed',
    });
    const evaluated = ok(
      await call<Page>('project.get', { projectId: 'demo-e-handrails' }, { query: true }),
    );
    expect(evaluated.project).toMatchObject({
      stage: 'evaluated',
      // Two answered: their number and counts per score are not published.
      surveyResult: { answers: null, distribution: null, tooFew: false },
    });
    // Nor in the timeline, which carries the closing's result and says it in words.
    const closing = evaluated.project.timeline.find((e) => e.type === 'ProjectSurveyClosed');
    expect(closing?.summary['zh-CN']).toBe('满意度测评结束，答卷不足 5 份');
    expect(closing?.details.result).toMatchObject({ answers: null, distribution: null });
    const garden = board.projects.find((p) => p.projectId === 'demo-i-garden')!;
    expect(garden.physicalProgress).toBe(20);
    expect(garden.financialProgress).toBe(30);
  });

  it('opens one project per winner when the selection is confirmed, and none twice', async () => {
    ok(await call('cycle.advancePhase', { cycleId: CYCLE, to: 'implementing' }, { as: 'yushan' }));
    const board = ok(
      await call<{ projects: Listing[] }>(
        'project.board',
        { cycleId: CYCLE, minPosition: String((await api.head()) ?? 0n) },
        { query: true },
      ),
    );
    expect(board.projects).toMatchObject([
      { projectId: PROJECT, proposalId: PROJECT, communityId: 'hongqiao', stage: 'opened' },
    ]);
    expect(
      ok(
        await call<{ opened: number }>(
          'project.openForCycle',
          { cycleId: CYCLE },
          { as: 'yushan' },
        ),
      ).opened,
    ).toBe(0);
    const { project, proposalTimeline } = await page();
    expect(project.votes).toBe(1);
    expect(proposalTimeline.map((e) => e.type)).toContain('ProposalSubmitted');
  });

  it('lets only the street approve, and the department of another community nothing', async () => {
    const approval = { implementer: { kind: 'department', name: '虞山街道城建办' } };
    refusedWith(await act('approve', approval, 'dept'), 403);
    refusedWith(await act('approve', approval, 'qinchuan'), 403);
    refusedWith(
      await act(
        'awardContract',
        {
          method: 'inquiry',
          bidders: [{ name: '甲公司', amount: 100 }],
          contractor: '甲公司',
          contractValue: 100,
          reason: '测试',
        },
        'department',
      ),
      403,
    );
    await refusedWritingNothing(
      act(
        'awardContract',
        {
          method: 'inquiry',
          bidders: [{ name: '甲公司', amount: 100 }],
          contractor: '甲公司',
          contractValue: 100,
          reason: '测试',
        },
        'dept',
      ),
      409,
      'stage_skipped',
    );
    ok(await act('approve', approval, 'yushan'));
  });

  it('reviews a budget above the selected cost only with a decision, beside its field', async () => {
    const reply = await act('reviewBudget', { approvedBudget: 4_600_000 }, 'yushan');
    refusedWith(reply, 400, 'decision_required');
    ok(await act('reviewBudget', { approvedBudget: 4_500_000 }, 'yushan'));
  });

  it('refuses a contract above the approved budget and writes nothing', async () => {
    const bidders = [
      { name: '琴湖建设', amount: 4_400_000 },
      { name: '虞城五金', amount: 4_600_000 },
    ];
    const award = { method: 'inquiry', bidders, contractor: '虞城五金', reason: '质保期更长' };
    await refusedWritingNothing(
      act('awardContract', { ...award, contractValue: 4_600_000 }, 'dept'),
      409,
      'contract_above_budget',
    );
    expect((await page()).project.stage).toBe('budget_reviewed');
    ok(
      await act(
        'awardContract',
        {
          ...award,
          contractor: '琴湖建设',
          contractValue: 4_400_000,
          reason: '报价最低，资质符合',
        },
        'dept',
      ),
    );
  });

  it('records the works with photos, derives progress, and refuses a payment above the contract', async () => {
    const upload = new FormData();
    upload.append('file', new File([PNG], 'before.png', { type: 'image/png' }));
    const uploaded = await fetch(`${api.url}/api/photos`, {
      method: 'POST',
      body: upload,
      headers: { cookie: `gongzhi_session=${api.tokens.get('dept')}` },
    });
    expect(uploaded.status).toBe(201);
    const { photoId } = (await uploaded.json()) as { photoId: string };
    ok(
      await act(
        'startWorks',
        {
          startedOn: '2025-06-01',
          milestones: [
            { milestoneId: 'm1', title: '基础施工', weight: 40, plannedOn: '2025-06-10' },
            { milestoneId: 'm2', title: '安装停放架', weight: 60, plannedOn: '2025-06-30' },
          ],
        },
        'dept',
      ),
    );
    const capturedAt = '2025-06-09T01:30:00.000Z';
    ok(
      await act(
        'reachMilestone',
        {
          milestoneId: 'm1',
          reachedOn: '2025-06-09',
          photos: [{ photoId, phase: 'during', capturedAt }],
        },
        'dept',
      ),
    );
    ok(
      await act(
        'recordPayment',
        { amount: 1_000_000, paidOn: '2025-06-10', milestoneId: 'm1' },
        'dept',
      ),
    );
    await refusedWritingNothing(
      act('recordPayment', { amount: 3_400_001, paidOn: '2025-06-11' }, 'dept'),
      409,
      'payment_above_contract',
    );
    const { project } = await page();
    expect(project).toMatchObject({
      stage: 'started',
      spent: 1_000_000,
      physicalProgress: 40,
      financialProgress: 22,
    });
    expect(project.milestones[0]!.photos).toMatchObject([{ phase: 'during', capturedAt }]);
    await refusedWritingNothing(
      act('completeWorks', { completedOn: '2025-06-30' }, 'dept'),
      409,
      'milestones_open',
    );
  });

  it('suspends with a reason, refusing every step until resumed', async () => {
    ok(await act('suspend', { reason: '施工占用消防通道，暂停整改。' }, 'yushan'));
    await refusedWritingNothing(
      act('reachMilestone', { milestoneId: 'm2', reachedOn: '2025-06-29' }, 'dept'),
      409,
      'project_suspended',
    );
    ok(await act('resume', { reason: '已整改，恢复施工。' }, 'yushan'));
  });

  it('completes, passes acceptance after rectification, and settles', async () => {
    ok(await act('reachMilestone', { milestoneId: 'm2', reachedOn: '2025-06-29' }, 'dept'));
    ok(await act('completeWorks', { completedOn: '2025-06-30' }, 'dept'));
    const committee = [
      { role: 'implementer', name: '王工', signed: true },
      { role: 'community', name: '李书记', signed: true },
      { role: 'resident_representative', name: '顾阿姨', signed: true },
      { role: 'resident_representative', name: '沈师傅', signed: true },
    ];
    refusedWith(
      await act(
        'recordAcceptance',
        { verdict: 'passed', acceptedOn: '2025-07-01', committee: committee.slice(0, 3) },
        'dept',
      ),
      400,
      'committee_incomplete',
    );
    ok(
      await act(
        'recordAcceptance',
        {
          verdict: 'conditional',
          acceptedOn: '2025-07-01',
          committee,
          rectifications: [{ item: '3 幢停放架螺丝松动', dueOn: '2025-07-10' }],
        },
        'dept',
      ),
    );
    expect((await page()).project).toMatchObject({
      stage: 'completed',
      acceptance: { verdict: 'conditional' },
    });
    ok(
      await act(
        'recordAcceptance',
        { verdict: 'passed', acceptedOn: '2025-07-11', committee },
        'dept',
      ),
    );
    refusedWith(await act('settle', { finalAmount: 4_300_000 }, 'dept'), 400, 'reason_required');
    ok(
      await act('settle', { finalAmount: 4_300_000, reason: '少装一组停放架，按实结算。' }, 'dept'),
    );
    const { project } = await page();
    expect(project).toMatchObject({
      stage: 'settled',
      physicalProgress: 100,
      financialProgress: 23,
    });
    expect(project.timeline.map((e) => e.type)).toEqual([
      'ProjectOpened',
      'ProjectApproved',
      'ProjectBudgetReviewed',
      'ProjectContractAwarded',
      'ProjectWorksStarted',
      'ProjectMilestoneReached',
      'ProjectPaymentMade',
      'ProjectSuspended',
      'ProjectResumed',
      'ProjectMilestoneReached',
      'ProjectWorksCompleted',
      'ProjectAcceptanceRecorded',
      'ProjectAcceptanceRecorded',
      'ProjectSettled',
    ]);
    await refusedWritingNothing(
      act('cancel', { reason: '测试' }, 'yushan'),
      409,
      'project_settled',
    );
  });

  it('takes one answer per eligible resident under 50 concurrent answers, then publishes the evaluation', async () => {
    for (const [as, phone, password] of [
      ['hongqiao-resident', '13900001005', 'qinhu-chenxh-2025'],
      ['shuyuan-resident', '13900001001', 'qinhu-resident-2025'],
    ] as const) {
      const login = await call('resident.login', { phone, password });
      expect(login.status, JSON.stringify(login.body)).toBe(200);
      const cookie = login.headers.getSetCookie().find((c) => c.startsWith('gongzhi_session='))!;
      api.tokens.set(as, /^gongzhi_session=([^;]+)/.exec(cookie)![1]!);
    }
    const scores = (overall: number) => ({ overall, quality: 4, timeliness: 3, usefulness: 5 });
    await refusedWritingNothing(
      act('answerSurvey', { scores: scores(5) }, 'hongqiao-resident'),
      409,
      'survey_not_open',
    );
    ok(await act('openSurvey', {}, 'yushan'));
    await refusedWritingNothing(
      act('answerSurvey', { scores: scores(5) }, 'shuyuan-resident'),
      403,
      'not_eligible',
    );
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        act('answerSurvey', { scores: scores((i % 5) + 1) }, 'hongqiao-resident'),
      ),
    );
    for (const reply of replies) expect([200, 409]).toContain(reply.status);
    ok(await act('answerSurvey', { scores: scores(4) }, 'hongqiao-resident'));
    await refusedWritingNothing(act('closeSurvey', {}, 'yushan'), 409, 'survey_running');
    api.runtime.services.now = () => new Date(Date.now() + 20 * 86_400_000);
    try {
      ok(await act('closeSurvey', {}, 'yushan'));
      ok(await act('evaluate', { reply: '感谢居民评价，已加装遮雨棚。' }, 'dept'));
    } finally {
      delete api.runtime.services.now;
    }
    // One answer counted, the last; the public page withholds it (1–4 answers), the record has it.
    const { project } = await page();
    expect(project).toMatchObject({
      stage: 'evaluated',
      surveyResult: { answers: null, voters: 1, tooFew: false, distribution: null },
    });
    const recorded = await readProject(api.runtime.services.readModels.db, project.projectId);
    expect(recorded?.surveyResult).toMatchObject({
      answers: 1,
      distribution: { overall: [0, 0, 0, 1, 0] },
    });
  });
});
