// Screening's round-table held as a meeting, over HTTP on SQLite and PostgreSQL: 书院社区's
// neighbourhood round-table (seeded body) meets during screening of a new 虞山街道 cycle and votes
// a motion on each of three proposals; its adopted motions admit one proposal to the pool and
// return one to its author (`meeting.decideProposals`, the workflow over the meeting and proposal
// modules). A motion not adopted, or a meeting of a council, decides nothing and writes nothing;
// a meeting decides once; a round-table recorded after the fact is still recorded as before.
import { beforeAll, describe, expect, it } from 'vitest';
import { engines, type Reply } from './harness.ts';
import { cycleDefinition } from './micro-fixtures.ts';
import { DEMO_SIGN_INS, useResidentServer } from './resident-harness.ts';

const { wang: WANG, zhang: ZHANG } = DEMO_SIGN_INS;
const ROUND_TABLE = 'demo-body-shuyuan-round-table';

const content = (title: string) => ({
  title,
  description: `${title}:居民反映已久,希望纳入民生微实事。`,
  category: 'works',
  estimatedCost: 9_000_000,
  location: { text: '书院新村 2 幢南侧' },
});

describe.each(engines)('the round-table as a meeting, over HTTP on $name', ({ make }) => {
  const { api, resident } = useResidentServer(make());
  const { call } = api;
  const ok = <T>(reply: Reply<T>): T => {
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };
  const refused = (reply: Reply, status: number, reason: string) =>
    expect({ status: reply.status, reason: reply.body.error?.data.reason }).toEqual({
      status,
      reason,
    });
  const types = async (stream: string) =>
    (await api.runtime.store.readStream(stream)).map((e) => e.type);

  let cycleId = '';
  let proposals: string[] = [];
  let meetingId = '';
  /** Motions on the three proposals: two adopted, the last not. */
  let motions: string[] = [];

  beforeAll(async () => {
    for (const login of ['yushan', 'shuyuan']) await api.signIn(login);
    for (const [as, who] of [
      ['wang', WANG],
      ['zhang', ZHANG],
    ] as const) {
      await resident.signIn(as, who);
    }
    cycleId = ok(
      await call<{ cycleId: string }>(
        'cycle.draft',
        {
          streetId: 'yushan',
          ...cycleDefinition({ communities: [{ communityId: 'shuyuan', budget: 10_000_000 }] }),
        },
        { as: 'yushan' },
      ),
    ).cycleId;
    ok(await call('cycle.publish', { cycleId }, { as: 'yushan' }));
    const advance = async (to: string) =>
      ok(
        await call(
          'cycle.advancePhase',
          { cycleId, to, reason: '测试:提前进入' },
          { as: 'yushan' },
        ),
      );
    await advance('proposing');
    proposals = [];
    for (const [as, title] of [
      ['zhang', '书院新村增设电动车充电桩'],
      ['wang', '书院新村步道加装座椅'],
      ['wang', '书院新村小路加装路灯'],
    ] as const) {
      proposals.push(
        ok(
          await call<{ proposalId: string }>(
            'proposal.submit',
            { cycleId, communityId: 'shuyuan', ...content(title) },
            { as },
          ),
        ).proposalId,
      );
    }
    await advance('screening');

    meetingId = ok(
      await call<{ meetingId: string }>(
        'meeting.convene',
        {
          bodyId: ROUND_TABLE,
          title: '民生微实事邻里圆桌会',
          agenda: [{ title: '本期建议筛选' }],
          startsAt: new Date(Date.now() + 60_000).toISOString(),
          place: '书院社区睦邻客厅',
        },
        { as: 'shuyuan' },
      ),
    ).meetingId;
    let minPosition = '';
    for (const residentId of ['demo-r-zhang', 'demo-r-li', 'demo-r-paper-1', 'demo-r-paper-2']) {
      minPosition = ok<{ position: string }>(
        await call('meeting.signInFor', { meetingId, residentId }, { as: 'shuyuan' }),
      ).position;
    }
    const { agenda } = ok<{ agenda: { itemId: string }[] }>(
      await call('meeting.meeting', { meetingId, minPosition }, { query: true }),
    );
    motions = [];
    for (const [i, tally] of [
      [4, 0, 0],
      [3, 0, 1],
      [1, 3, 0],
    ].entries()) {
      const { motionId } = ok<{ motionId: string }>(
        await call(
          'meeting.tableMotion',
          { meetingId, itemId: agenda[0]!.itemId, text: `关于第 ${i + 1} 条建议的动议。` },
          { as: 'shuyuan' },
        ),
      );
      const [yes, no, abstain] = tally as [number, number, number];
      ok(
        await call(
          'meeting.vote',
          { meetingId, motionId, vote: { method: 'count', for: yes, against: no, abstain } },
          { as: 'shuyuan' },
        ),
      );
      motions.push(motionId);
    }
  });

  it('decides nothing on a motion not adopted, nor at a council, and writes nothing', async () => {
    const head = await api.head();
    refused(
      await call(
        'meeting.decideProposals',
        {
          meetingId,
          cycleId,
          decisions: [{ motionId: motions[2], proposalId: proposals[2], decision: 'pool' }],
        },
        { as: 'shuyuan' },
      ),
      409,
      'motion_not_adopted',
    );
    refused(
      await call(
        'meeting.decideProposals',
        {
          meetingId: 'demo-meeting-shuyuan-01',
          cycleId,
          decisions: [
            {
              motionId: 'demo-meeting-shuyuan-01-motion',
              proposalId: proposals[2],
              decision: 'pool',
            },
          ],
        },
        { as: 'shuyuan' },
      ),
      409,
      'not_a_round_table',
    );
    expect(await api.head()).toBe(head);
  });

  it('admits and returns proposals on the adopted motions, once per meeting', async () => {
    const decisions = [
      { motionId: motions[0], proposalId: proposals[0], decision: 'pool' },
      {
        motionId: motions[1],
        proposalId: proposals[1],
        decision: 'revise',
        reason: '请补充座椅的具体位置和数量。',
      },
    ];
    ok(await call('meeting.decideProposals', { meetingId, cycleId, decisions }, { as: 'shuyuan' }));
    expect(await types(`proposal-${proposals[0]}`)).toContain('ProposalAdmittedToPool');
    expect(await types(`proposal-${proposals[1]}`)).toContain('ProposalReturnedForRevision');
    const [held] = await api.runtime.store.readStream(`roundtable-${meetingId}`);
    expect(held?.type).toBe('RoundTableHeld');
    // The parties present, by their part; no names.
    const { attendees } = held!.data as { attendees: { role: string; name?: string }[] };
    expect(attendees.map((a) => a.role).sort()).toEqual(
      ['chair', 'property_company', 'resident_representative', 'social_organisation'].sort(),
    );
    expect(attendees.every((a) => a.name === undefined)).toBe(true);
    // Decided: the proposals are no longer to be screened, and the meeting's round-table is held.
    const head = await api.head();
    const again = await call(
      'meeting.decideProposals',
      { meetingId, cycleId, decisions },
      { as: 'shuyuan' },
    );
    expect(again.status).toBe(409);
    expect(await api.head()).toBe(head);
  });

  it('still records a round-table after the fact, as before', async () => {
    ok(
      await call(
        'proposal.recordRoundTable',
        {
          cycleId,
          communityId: 'shuyuan',
          date: '2026-01-10',
          attendees: [{ role: 'chair' }],
          decisions: [{ proposalId: proposals[2], decision: 'reject', reason: '与已有项目重复。' }],
        },
        { as: 'shuyuan' },
      ),
    );
    expect(await types(`proposal-${proposals[2]}`)).toContain('ProposalRejectedAtRoundTable');
  });
});
