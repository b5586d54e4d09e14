// The proposal read model under the runner, on SQLite and PostgreSQL: a community's proposals
// from submission through merge, screening, survey and round-table into the pool, with the
// public timeline naming residents by label only.
import type { CycleEvent, ProposalContent, ProposalModuleEvent } from '@gongzhi/domain';
import type { Channel } from '@gongzhi/eventstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countProposalsByStatus,
  listIntakeQueue,
  listProjectPool,
  listProposals,
  listProposalsOfResident,
  listRoundTables,
  proposalProjection,
  readParticipation,
  readProposal,
  readProposalTimeline,
  residentLabel,
  roundTableProjection,
} from '../../src/proposal/index.ts';
import { engines, expectRebuildToMatch, startRecorder } from '../cycle/harness.ts';
import type { Harness, Recorder } from '../cycle/harness.ts';

const seats: ProposalContent = {
  title: '湖畔花园加装休闲座椅',
  description: '步道旁没有座椅,老人走累了无处休息。',
  category: 'goods',
  estimatedCost: 2_000_000,
  location: { text: '湖畔花园 3 幢北侧步道' },
  photos: [{ fileId: 'photo-1', type: 'image/jpeg', size: 2_400_000 }],
};

const submitted = (
  proposalId: string,
  authorResidentId: string,
  changes: Partial<ProposalContent> & { communityId?: string } = {},
): ProposalModuleEvent => ({
  type: 'ProposalSubmitted',
  data: {
    proposalId,
    cycleId: 'c2025',
    streetId: 'yushan',
    communityId: 'hupan',
    ...seats,
    ...changes,
    authorResidentId,
    channel: 'online',
  },
});

const phase = (from: 'announced' | 'proposing', to: 'proposing' | 'screening'): CycleEvent => ({
  type: 'CyclePhaseAdvanced',
  data: { cycleId: 'c2025', from, to, at: '2025-04-01T01:00:00Z', scheduledFor: '2025-04-01' },
});

for (const [engine, open] of engines('proposal')) {
  describe(`proposal read model on ${engine}`, () => {
    let h: Harness;
    let recorder: Recorder;
    const record = (event: ProposalModuleEvent, channel?: Channel) =>
      recorder.record(
        event.type === 'RoundTableHeld'
          ? `roundtable-${event.data.roundTableId}`
          : `proposal-${event.data.proposalId}`,
        event,
        { channel },
      );
    const ids = (rows: { proposalId: string }[]) => rows.map((r) => r.proposalId);

    beforeAll(async () => {
      h = await open();
      recorder = await startRecorder(h, [proposalProjection, roundTableProjection]);
      await recorder.record('cycle-c2025', phase('announced', 'proposing'));
    });
    afterAll(async () => {
      await recorder.runner.stop();
      await h.close();
    });

    it('lists what residents submit, with co-signs, edits and withdrawals', async () => {
      await record(submitted('p1', 'r1'));
      await record(submitted('p2', 'r2', { title: '步道边增设长椅', photos: [] }), 'offline');
      await record(
        submitted('p3', 'r3', {
          title: '楼道照明维修',
          category: 'works',
          estimatedCost: 6_000_000,
          communityId: 'binhu',
        }),
        'proxy',
      );
      await record(submitted('p4', 'r4', { title: '小区门口增设快递柜', category: 'services' }));
      await record({ type: 'ProposalCoSigned', data: { proposalId: 'p1', residentId: 'r5' } });
      await record({ type: 'ProposalCoSigned', data: { proposalId: 'p2', residentId: 'r1' } });
      await record({ type: 'ProposalCoSigned', data: { proposalId: 'p2', residentId: 'r6' } });
      await record({
        type: 'ProposalEdited',
        data: {
          proposalId: 'p1',
          changes: { title: '湖畔花园步道加装休闲座椅' },
          previous: { title: seats.title },
        },
      });
      await record({ type: 'ProposalWithdrawn', data: { proposalId: 'p4', reason: '物业已解决' } });

      const hupan = await listProposals(h.db, { cycleId: 'c2025', communityId: 'hupan' });
      expect(hupan.map((p) => [p.proposalId, p.title, p.status, p.coSignCount])).toEqual([
        ['p1', '湖畔花园步道加装休闲座椅', 'submitted', 1],
        ['p2', '步道边增设长椅', 'submitted', 2],
        ['p4', '小区门口增设快递柜', 'withdrawn', 0],
      ]);
      expect(hupan[2]?.statusReason).toEqual({ 'zh-CN': '物业已解决', en: '物业已解决' });
      expect(hupan[0]?.coverPhoto).toEqual(seats.photos[0]);
      expect(hupan[1]?.coverPhoto).toBeNull();
      expect(ids(await listProposals(h.db, { cycleId: 'c2025', category: 'works' }))).toEqual([
        'p3',
      ]);
      expect(
        ids(await listProposals(h.db, { cycleId: 'c2025', status: ['withdrawn', 'merged'] })),
      ).toEqual(['p4']);
      expect(ids(await listProposals(h.db, { cycleId: 'c2025', status: [] }))).toEqual([]);
      expect(ids(await listProposals(h.db, { cycleId: 'c2024' }))).toEqual([]);
    });

    it('merges a duplicate: the proposal it goes into keeps every author and co-signer', async () => {
      await record({ type: 'ProposalMerged', data: { proposalId: 'p2', intoProposalId: 'p1' } });
      await record({
        type: 'ProposalAbsorbed',
        data: {
          proposalId: 'p1',
          fromProposalId: 'p2',
          fromTitle: '步道边增设长椅',
          authors: ['r2'],
          coSigners: ['r6'],
        },
      });
      expect(await readProposal(h.db, 'p1')).toMatchObject({
        status: 'submitted',
        coSignCount: 2,
        authorCount: 2,
        channel: 'online',
        location: seats.location,
        revision: '3',
      });
      expect(await readProposal(h.db, 'p2')).toMatchObject({ status: 'merged', mergedInto: 'p1' });
      expect(
        (await listProposalsOfResident(h.db, 'r2')).map((p) => [p.proposalId, p.role]),
      ).toEqual([
        ['p1', 'author'],
        ['p2', 'author'],
      ]);
      expect(
        (await listProposalsOfResident(h.db, 'r1')).map((p) => [p.proposalId, p.role]),
      ).toEqual([
        ['p2', 'cosigner'],
        ['p1', 'author'],
      ]);
      expect(await readParticipation(h.db, 'p1', 'r6')).toBe('cosigner');
      expect(await readParticipation(h.db, 'p1', 'r7')).toBeUndefined();
    });

    it('puts proposals under screening with their cycle, even one that lands late', async () => {
      await recorder.record('cycle-c2025', phase('proposing', 'screening'));
      // Decided while proposing, appended just after the cycle moved on.
      await record(submitted('p5', 'r7', { title: '儿童游乐区地面翻新', category: 'works' }));

      expect(ids(await listIntakeQueue(h.db, { communityId: 'hupan' }))).toEqual(['p1', 'p5']);
      const [first] = await listIntakeQueue(h.db, { communityId: 'hupan', cycleId: 'c2025' });
      expect(first).toMatchObject({
        status: 'under_screening',
        authorResidentId: 'r1',
        channel: 'online',
      });
      expect(await listIntakeQueue(h.db, { communityId: 'hupan', cycleId: 'c2024' })).toEqual([]);
      expect((await readProposal(h.db, 'p3'))?.status).toBe('under_screening');
      expect((await readProposal(h.db, 'p5'))?.status).toBe('under_screening');
    });

    it('records screening, the survey and the round-table into the pool', async () => {
      await record({ type: 'ProposalSentToSurvey', data: { proposalId: 'p1' } });
      await record({
        type: 'SiteSurveyRecorded',
        data: {
          proposalId: 'p1',
          surveyor: 'consultant',
          organisation: '常熟市园林设计院',
          notes: '步道宽 2 米,可安装四张座椅。',
          photos: [],
          revisedCost: 1_800_000,
          opinion: 'feasible',
        },
      });
      await record({
        type: 'ProposalMarkedInfeasible',
        data: {
          proposalId: 'p3',
          excluded: { code: 'N1', text: '涉及个人或少数人利益的项目' },
          note: '仅一栋楼受益',
        },
      });
      await record({
        type: 'RoundTableHeld',
        data: {
          roundTableId: 'rt1',
          cycleId: 'c2025',
          streetId: 'yushan',
          communityId: 'hupan',
          date: '2025-04-10',
          attendees: [{ name: '王芳', role: 'chair' }, { role: 'proposer' }],
        },
      });
      await record({
        type: 'ProposalAdmittedToPool',
        data: { proposalId: 'p1', roundTableId: 'rt1', cost: 1_800_000 },
      });
      await record({
        type: 'ProposalReturnedForRevision',
        data: { proposalId: 'p5', roundTableId: 'rt1', changesRequested: '请补充场地照片' },
      });

      expect(await listProjectPool(h.db, { cycleId: 'c2025', communityId: 'hupan' })).toEqual([
        {
          proposalId: 'p1',
          title: '湖畔花园步道加装休闲座椅',
          category: 'goods',
          cost: 1_800_000,
          coSignCount: 2,
          roundTableId: 'rt1',
        },
      ]);
      expect(await readProposal(h.db, 'p3')).toMatchObject({
        status: 'infeasible',
        statusReason: {
          'zh-CN': '负面清单 N1「涉及个人或少数人利益的项目」；仅一栋楼受益',
          en: 'excluded list N1 “涉及个人或少数人利益的项目”; 仅一栋楼受益',
        },
      });
      expect(await readProposal(h.db, 'p5')).toMatchObject({
        status: 'returned',
        statusReason: { 'zh-CN': '请补充场地照片' },
        roundTableId: 'rt1',
      });
      expect(await readProposal(h.db, 'p1')).toMatchObject({ revisedCost: 1_800_000 });

      await record({
        type: 'ProposalResubmitted',
        data: {
          proposalId: 'p5',
          changes: { photos: seats.photos, estimatedCost: 2_200_000 },
          previous: { photos: seats.photos, estimatedCost: 2_000_000 },
        },
      });
      expect(await readProposal(h.db, 'p5')).toMatchObject({
        status: 'resubmitted',
        statusReason: null,
        estimatedCost: 2_200_000,
        photos: seats.photos,
      });
      expect(ids(await listIntakeQueue(h.db, { communityId: 'hupan' }))).toEqual(['p5']);

      const [meeting] = await listRoundTables(h.db, { cycleId: 'c2025', communityId: 'hupan' });
      expect(meeting).toMatchObject({
        roundTableId: 'rt1',
        date: '2025-04-10',
        attendees: [{ name: '王芳', role: 'chair' }, { role: 'proposer' }],
      });
      expect(meeting?.decisions.map((d) => [d.proposalId, d.decision])).toEqual([
        ['p1', 'ProposalAdmittedToPool'],
        ['p5', 'ProposalReturnedForRevision'],
      ]);
      expect(
        await countProposalsByStatus(h.db, { cycleId: 'c2025', communityId: 'hupan' }),
      ).toEqual({ pool: 1, merged: 1, withdrawn: 1, resubmitted: 1 });
    });

    it('tells a proposal’s history with residents by label and workers by role', async () => {
      const timeline = await readProposalTimeline(h.db, 'p1');
      expect(timeline.map((e) => [e.type, e.who.kind])).toEqual([
        ['ProposalSubmitted', 'resident'],
        ['ProposalCoSigned', 'resident'],
        ['ProposalEdited', 'resident'],
        ['ProposalAbsorbed', 'community_worker'],
        ['ProposalSentToSurvey', 'community_worker'],
        ['SiteSurveyRecorded', 'consultant'],
        ['ProposalAdmittedToPool', 'round_table'],
      ]);
      const author = residentLabel('p1', 'r1', false);
      expect(author['zh-CN']).toMatch(/^居民 #[0-9a-f]{6}$/);
      expect(timeline[0]?.who).toEqual({ kind: 'resident', label: author, via: 'online' });
      expect(timeline[2]?.who).toEqual(timeline[0]?.who);
      expect(timeline[1]?.who.label).not.toEqual(author);
      // The same resident reads differently on another proposal.
      expect(residentLabel('p2', 'r1', false)).not.toEqual(author);
      expect(timeline[3]).toMatchObject({
        details: { fromProposalId: 'p2', authorCount: 1, coSignerCount: 1 },
        summary: { 'zh-CN': expect.stringContaining('步道边增设长椅') as string },
      });
      expect(timeline[6]).toMatchObject({ roundTableId: 'rt1', who: { kind: 'round_table' } });
      expect(timeline[0]?.details).toMatchObject({ title: seats.title, estimatedCost: 2_000_000 });
      expect(JSON.stringify(timeline)).not.toMatch(/"r[0-9]"/);

      const offline = await readProposalTimeline(h.db, 'p2');
      expect(offline[0]?.who).toMatchObject({ kind: 'resident', via: 'offline' });
    });

    it('shows a forgotten resident as 已注销居民', async () => {
      await recorder.record('resident-r5', {
        type: 'ResidentForgotten',
        data: { residentId: 'r5', requestedBy: 'self' },
      });
      const timeline = await readProposalTimeline(h.db, 'p1');
      expect(timeline[1]?.who.label).toEqual({ 'zh-CN': '已注销居民', en: 'Former resident' });
      expect(timeline[0]?.who.label).toEqual(residentLabel('p1', 'r1', false));
    });

    it('rebuilds to the same rows', async () => {
      await expectRebuildToMatch(h, proposalProjection);
      await expectRebuildToMatch(h, roundTableProjection);
    });
  });
}
