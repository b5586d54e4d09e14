// Feedback to authors of pool proposals not selected (意见共商) over HTTP on SQLite and
// PostgreSQL: a cycle of 虞山街道 runs from proposing to publicity with three pool proposals in
// 书院社区, of which the count selects one; the worker's queue and counts, feedback given once (by
// the worker or named representatives), the author told, the thread between author (or proxy)
// and community, and the proposal carried into a later cycle of the street, linked both ways.
// Refusals write nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { engines, type Reply } from './harness.ts';
import { cycleDefinition } from './micro-fixtures.ts';
import { DEMO_SIGN_INS, useResidentServer } from './resident-harness.ts';

const { wang: WANG, zhang: ZHANG, chen: CHEN } = DEMO_SIGN_INS;

const content = (title: string) => ({
  title,
  description: `${title}:居民反映已久,希望纳入民生微实事。`,
  category: 'works',
  estimatedCost: 9_000_000,
  location: { text: '书院新村 2 幢南侧' },
});

const feedback = {
  reason: '得票少于入选项目,本社区预算只够一个工程类项目。',
  suggestions: '可以先做一段,费用控制在五万元以内,下一期再提。',
  givenBy: 'community_worker',
};

interface Thread {
  as: 'author' | 'community';
  outcome: { votes: number; selected: boolean } | null;
  feedback: { givenBy: string; representatives: string[]; reason: string } | null;
  messages: { from: string; text: string; channel: string }[];
  carriedTo: { proposalId: string; cycleId: string } | null;
  carryTargets: { cycleId: string }[];
}

describe.each(engines)('feedback to authors not selected, over HTTP on $name', ({ make }) => {
  const { api, resident } = useResidentServer(make());
  const { call } = api;
  const head = async () => String((await api.head()) ?? 0n);
  const ok = <T>(reply: Reply<T>): T => {
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };
  const refused = (reply: Reply, status: number, reason: string) =>
    expect({ status: reply.status, reason: reply.body.error?.data.reason }).toEqual({
      status,
      reason,
    });
  const stream = async (proposalId: string) =>
    (await api.runtime.store.readStream(`proposal-${proposalId}`)).map((e) => e.type);

  /** A new cycle of 虞山街道 open for proposals, where 书院社区 can afford one works project. */
  async function proposingCycle(): Promise<string> {
    const { cycleId } = ok(
      await call<{ cycleId: string }>(
        'cycle.draft',
        {
          streetId: 'yushan',
          ...cycleDefinition({
            communities: [
              { communityId: 'shuyuan', budget: 10_000_000 },
              { communityId: 'hongqiao', budget: 10_000_000 },
            ],
          }),
        },
        { as: 'yushan' },
      ),
    );
    ok(await call('cycle.publish', { cycleId }, { as: 'yushan' }));
    await advance(cycleId, 'proposing');
    return cycleId;
  }

  const advance = async (cycleId: string, to: string) =>
    ok(
      await call('cycle.advancePhase', { cycleId, to, reason: '测试:提前进入' }, { as: 'yushan' }),
    );

  const submit = async (as: string, cycleId: string, title: string) =>
    ok(
      await call<{ proposalId: string }>(
        'proposal.submit',
        { cycleId, communityId: 'shuyuan', ...content(title) },
        { as },
      ),
    ).proposalId;

  const thread = async (proposalId: string, as: string) =>
    call<Thread>('feedback.thread', { proposalId, minPosition: await head() }, { as, query: true });

  const queue = async () =>
    ok(
      await call<{
        proposals: { proposalId: string; feedbackAt: string | null; author: { name: string } }[];
        counts: { awaitingFeedback: number; awaitingReply: number };
      }>(
        'feedback.queue',
        { communityId: 'shuyuan', cycleId, minPosition: await head() },
        { as: 'shuyuan', query: true },
      ),
    );

  let cycleId: string;
  /** Zhang's proposal, selected; Wang's two, not selected. */
  let selected: string;
  let benches: string;
  let lights: string;

  beforeAll(async () => {
    for (const login of ['yushan', 'shuyuan', 'committee', 'qinfeng']) await api.signIn(login);
    await resident.signIn('wang', WANG);
    await resident.signIn('zhang', ZHANG);
    await resident.signIn('chen', CHEN);
    cycleId = await proposingCycle();
    selected = await submit('zhang', cycleId, '书院新村增设电动车充电桩');
    benches = await submit('wang', cycleId, '书院新村步道加装座椅');
    lights = await submit('wang', cycleId, '书院新村小路加装路灯');
    const duplicate = await submit('zhang', cycleId, '书院新村小路路灯');
    await advance(cycleId, 'screening');
    // Zhang's duplicate goes into Wang's lights: both are its authors.
    ok(
      await call('proposal.merge', { duplicateId: duplicate, targetId: lights }, { as: 'shuyuan' }),
    );
    ok(
      await call(
        'proposal.recordRoundTable',
        {
          cycleId,
          communityId: 'shuyuan',
          date: '2026-01-10',
          attendees: [{ role: 'chair' }, { role: 'resident_representative' }],
          decisions: [selected, benches, lights].map((proposalId) => ({
            proposalId,
            decision: 'pool',
          })),
        },
        { as: 'shuyuan' },
      ),
    );
    await advance(cycleId, 'voting');
  });

  it('refuses feedback while the vote is open, and writes nothing', async () => {
    refused(
      await call('feedback.give', { proposalId: benches, ...feedback }, { as: 'shuyuan' }),
      409,
      'vote_not_closed',
    );
    expect(await stream(benches)).not.toContain('ProposalFeedbackGiven');
    for (const [as, choices] of [
      ['zhang', [selected, benches]],
      ['wang', [selected, lights]],
      ['chen', []],
    ] as const) {
      if (choices.length === 0) continue;
      ok(await call('ballot.cast', { cycleId, communityId: 'shuyuan', choices }, { as }));
    }
    await advance(cycleId, 'publicity');
  });

  it('lists the authors not selected as waiting for feedback', async () => {
    const { proposals, counts } = await queue();
    expect(proposals.map((p) => p.proposalId).sort()).toEqual([benches, lights].sort());
    expect(proposals[0]?.author.name).toBe('顾月琴');
    expect(counts).toEqual({ awaitingFeedback: 2, awaitingReply: 0 });
  });

  it('takes the worker’s feedback once, tells the author, and refuses the rest', async () => {
    const before = await stream(benches);
    refused(
      await call('feedback.give', { proposalId: selected, ...feedback }, { as: 'shuyuan' }),
      409,
      'proposal_selected',
    );
    refused(
      await call('feedback.give', { proposalId: benches, ...feedback }, { as: 'committee' }),
      403,
      'out_of_scope',
    );
    refused(
      await call('feedback.give', { proposalId: benches, ...feedback }, { as: 'qinfeng' }),
      403,
      'out_of_scope',
    );
    refused(
      await call(
        'feedback.give',
        { proposalId: benches, ...feedback, reason: ' ' },
        {
          as: 'shuyuan',
        },
      ),
      400,
      'invalid_input',
    );
    refused(
      await call(
        'feedback.give',
        { proposalId: benches, ...feedback, givenBy: 'resident_representatives' },
        { as: 'shuyuan', headers: { 'x-gongzhi-locale': 'en' } },
      ),
      400,
      'representatives_required',
    );
    expect(await stream(benches)).toEqual(before);

    ok(await call('feedback.give', { proposalId: benches, ...feedback }, { as: 'shuyuan' }));
    refused(
      await call('feedback.give', { proposalId: benches, ...feedback }, { as: 'shuyuan' }),
      409,
      'feedback_given',
    );
    expect((await queue()).counts).toEqual({ awaitingFeedback: 1, awaitingReply: 0 });

    const inbox = ok(
      await call<{ notices: { proposalId: string; cause: string; message: { en: string } }[] }>(
        'notification.inbox',
        { minPosition: await head() },
        { as: 'wang', query: true },
      ),
    );
    const notice = inbox.notices.find((n) => n.proposalId === benches);
    expect(notice?.cause).toBe('ProposalFeedbackGiven');
    expect(notice?.message.en).toContain('not selected');
  });

  it('records representatives’ feedback naming them', async () => {
    ok(
      await call(
        'feedback.give',
        {
          proposalId: lights,
          ...feedback,
          givenBy: 'resident_representatives',
          representatives: ['周建国', '吴小梅'],
        },
        { as: 'shuyuan' },
      ),
    );
    expect(ok(await thread(lights, 'wang')).feedback).toMatchObject({
      givenBy: 'resident_representatives',
      representatives: ['周建国', '吴小梅'],
    });
    // The author of the merged duplicate was told too, reads and answers; only Wang carries it.
    const coAuthor = ok(await thread(lights, 'zhang'));
    expect(coAuthor).toMatchObject({ as: 'author', carryTargets: [] });
    ok(await call('feedback.reply', { proposalId: lights, text: '我也同意。' }, { as: 'zhang' }));
    const told = ok(
      await call<{ notices: { proposalId: string; cause: string }[] }>(
        'notification.inbox',
        { minPosition: await head() },
        { as: 'zhang', query: true },
      ),
    );
    expect(told.notices).toContainEqual(
      expect.objectContaining({ proposalId: lights, cause: 'ProposalFeedbackGiven' }),
    );
    expect((await queue()).counts.awaitingFeedback).toBe(0);
  });

  it('keeps the thread between the author, their proxy and the community, in order', async () => {
    ok(
      await call('feedback.reply', { proposalId: benches, text: '能否只做北段?' }, { as: 'wang' }),
    );
    // Wang here, Zhang on the lights: two threads wait for the community.
    expect((await queue()).counts.awaitingReply).toBe(2);
    refused(
      await call('feedback.reply', { proposalId: benches, text: '冒名' }, { as: 'zhang' }),
      403,
      'not_acting_for',
    );
    refused(
      await call('feedback.reply', { proposalId: benches, text: '代答' }, { as: 'shuyuan' }),
      403,
      'reply_as_community',
    );
    ok(
      await call(
        'feedback.respond',
        { proposalId: benches, text: '可以,北段约四万元。' },
        { as: 'shuyuan' },
      ),
    );
    ok(
      await call(
        'resident.grantProxy',
        { granteePhone: ZHANG.phone, powers: ['propose'] },
        { as: 'wang' },
      ),
    );
    // Read after the grant (minPosition), so that the proxy is known when the relative writes.
    const forWang = async (as: string) =>
      call<{ proposals: { proposalId: string }[] }>(
        'feedback.mine',
        { forResidentId: WANG.id, minPosition: await head() },
        { as, query: true },
      );
    expect(ok(await forWang('zhang')).proposals.map((p) => p.proposalId)).toContain(benches);
    refused(await forWang('chen'), 403, 'not_acting_for');
    ok(
      await call(
        'feedback.reply',
        { proposalId: benches, text: '好的,下期提北段。' },
        { as: 'zhang' },
      ),
    );

    const mine = ok(await thread(benches, 'wang'));
    expect(mine.as).toBe('author');
    expect(mine.outcome).toEqual({ votes: 1, selected: false });
    expect(mine.messages.map((m) => [m.from, m.text, m.channel])).toEqual([
      ['author', '能否只做北段?', 'online'],
      ['community', '可以,北段约四万元。', 'online'],
      ['author', '好的,下期提北段。', 'proxy'],
    ]);
    expect(ok(await thread(benches, 'shuyuan')).as).toBe('community');
    refused(await thread(benches, 'chen'), 403, 'not_acting_for');
    expect((await queue()).counts.awaitingReply).toBe(2);
    const inbox = ok(
      await call<{ notices: { proposalId: string; cause: string }[] }>(
        'notification.inbox',
        { minPosition: await head() },
        { as: 'wang', query: true },
      ),
    );
    expect(inbox.notices.filter((n) => n.proposalId === benches).map((n) => n.cause)).toContain(
      'ProposalFeedbackMessagePosted',
    );
  });

  it('carries a proposal into a cycle of the street open for proposals, linked both ways', async () => {
    const next = await proposingCycle();
    const before = await stream(lights);
    refused(
      await call('feedback.carryForward', { proposalId: lights, cycleId }, { as: 'wang' }),
      400,
      'carry_same_cycle',
    );
    refused(
      await call(
        'feedback.carryForward',
        { proposalId: lights, cycleId: 'demo-cycle-qinchuan' },
        { as: 'wang' },
      ),
      400,
      'carry_other_street',
    );
    refused(
      await call(
        'feedback.carryForward',
        { proposalId: lights, cycleId: 'demo-cycle-yushan' },
        { as: 'wang' },
      ),
      409,
      'not_proposing',
    );
    refused(
      await call('feedback.carryForward', { proposalId: selected, cycleId: next }, { as: 'zhang' }),
      409,
      'proposal_selected',
    );
    refused(
      await call('feedback.carryForward', { proposalId: lights, cycleId: next }, { as: 'chen' }),
      403,
      'not_acting_for',
    );
    expect(await stream(lights)).toEqual(before);

    expect(ok(await thread(lights, 'wang')).carryTargets.map((c) => c.cycleId)).toContain(next);
    const carried = ok(
      await call<{ proposalId: string; position: string }>(
        'feedback.carryForward',
        { proposalId: lights, cycleId: next },
        { as: 'wang' },
      ),
    );
    expect((await stream(lights)).at(-1)).toBe('ProposalCarriedForward');
    expect(await stream(carried.proposalId)).toEqual(['ProposalSubmitted', 'ProposalCarriedFrom']);
    const copy = ok(
      await call<{ cycleId: string; title: string; status: string; estimatedCost: number }>(
        'proposal.get',
        { proposalId: carried.proposalId, minPosition: carried.position },
        { query: true },
      ),
    );
    expect(copy).toMatchObject({
      carriedFrom: lights,
      cycleId: next,
      title: '书院新村小路加装路灯',
      status: 'submitted',
      estimatedCost: 9_000_000,
    });
    const original = ok(
      await call<{ carriedTo: string | null }>(
        'proposal.get',
        { proposalId: lights, minPosition: carried.position },
        { query: true },
      ),
    );
    expect(original.carriedTo).toBe(carried.proposalId);
    const old = ok(await thread(lights, 'wang'));
    expect(old.carriedTo).toEqual({ proposalId: carried.proposalId, cycleId: next });
    expect(old.carryTargets).toEqual([]);
    refused(
      await call('feedback.carryForward', { proposalId: lights, cycleId: next }, { as: 'wang' }),
      409,
      'already_carried',
    );
    const mine = ok(
      await call<{ proposals: { proposalId: string; carriedTo: string | null }[] }>(
        'feedback.mine',
        { minPosition: await head() },
        { as: 'wang', query: true },
      ),
    );
    expect(mine.proposals.find((p) => p.proposalId === lights)?.carriedTo).toBe(carried.proposalId);
  });
});
