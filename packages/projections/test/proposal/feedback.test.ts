// The feedback owed to authors of pool proposals not selected, on SQLite and PostgreSQL: the
// community's last tally says who is owed it, the queue and counts follow feedback and thread, a
// recount replaces the outcomes, and carrying forward links both proposals.
import type { BallotEventData, ProposalContent, ProposalEvent } from '@gongzhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countFeedbackWaiting,
  feedbackProjection,
  listFeedbackOfResident,
  listFeedbackOwed,
  listFeedbackQueue,
  proposalProjection,
  readFeedbackThread,
  readProposalTimeline,
} from '../../src/proposal/index.ts';
import { engines, expectRebuildToMatch, startRecorder } from '../cycle/harness.ts';
import type { Harness, Recorder } from '../cycle/harness.ts';

const seats: ProposalContent = {
  title: '湖畔花园加装休闲座椅',
  description: '步道旁没有座椅,老人走累了无处休息。',
  category: 'goods',
  estimatedCost: 2_000_000,
  location: { text: '湖畔花园 3 幢北侧步道' },
  photos: [],
};

const submitted = (proposalId: string, author: string, cycleId = 'c2025'): ProposalEvent => ({
  type: 'ProposalSubmitted',
  data: {
    proposalId,
    cycleId,
    streetId: 'yushan',
    communityId: 'hupan',
    ...seats,
    title: `${seats.title} ${proposalId}`,
    authorResidentId: author,
    channel: 'online',
  },
});

const admitted = (proposalId: string): ProposalEvent => ({
  type: 'ProposalAdmittedToPool',
  data: { proposalId, roundTableId: 'rt1', cost: 2_000_000 },
});

const tallied = (winners: string[]): { type: string; data: BallotEventData<'BallotsTallied'> } => ({
  type: 'BallotsTallied',
  data: {
    cycleId: 'c2025',
    communityId: 'hupan',
    rule: 'greedy',
    pbRule: 'greedy',
    budget: 2_000_000,
    inputDigest: winners.length === 1 ? 'a'.repeat(64) : 'b'.repeat(64),
    ballotCount: 10,
    projects: ['p1', 'p2', 'p3'].map((proposalId, i) => ({
      proposalId,
      cost: 2_000_000,
      votes: 9 - i,
    })),
    winners,
    budgetUsed: 2_000_000 * winners.length,
    tieBreak: 'project-id-code-point',
  },
});

for (const [engine, open] of engines('feedback')) {
  describe(`feedback read model on ${engine}`, () => {
    let h: Harness;
    let recorder: Recorder;
    const record = (event: ProposalEvent, channel?: 'online' | 'proxy') =>
      recorder.record(`proposal-${event.data.proposalId}`, event, { channel });
    const ids = (rows: { proposalId: string }[]) => rows.map((r) => r.proposalId);

    beforeAll(async () => {
      h = await open();
      recorder = await startRecorder(h, [proposalProjection, feedbackProjection]);
      for (const [id, author] of [
        ['p1', 'r1'],
        ['p2', 'r2'],
        ['p3', 'r3'],
      ] as const) {
        await record(submitted(id, author));
        await record(admitted(id));
      }
    });
    afterAll(async () => {
      await recorder.runner.stop();
      await h.close();
    });

    it('owes feedback to the authors the last tally did not select', async () => {
      await recorder.record('tally-c2025-hupan', tallied(['p1']));
      expect(ids(await listFeedbackQueue(h.db, { communityId: 'hupan' }))).toEqual(['p2', 'p3']);
      expect(await countFeedbackWaiting(h.db, { communityId: 'hupan' })).toEqual({
        awaitingFeedback: 2,
        awaitingReply: 0,
      });
      // A recount after an upheld objection selects p2 as well: the last count stands.
      await recorder.record('tally-c2025-hupan', tallied(['p1', 'p2']));
      expect(ids(await listFeedbackQueue(h.db, { communityId: 'hupan' }))).toEqual(['p3']);
      expect(ids(await listFeedbackOfResident(h.db, 'r3'))).toEqual(['p3']);
      expect(await listFeedbackOfResident(h.db, 'r2')).toEqual([]);
      // What closing the cycle and the staff inbox read: by cycle or by community.
      const owed = await listFeedbackOwed(h.db, { cycleId: 'c2025' });
      expect(owed).toEqual([
        {
          proposalId: 'p3',
          cycleId: 'c2025',
          communityId: 'hupan',
          title: `${seats.title} p3`,
          talliedAt: expect.any(String),
        },
      ]);
      expect(await listFeedbackOwed(h.db, { communityIds: ['hupan', 'binhu'] })).toEqual(owed);
      expect(await listFeedbackOwed(h.db, { communityIds: ['binhu'] })).toEqual([]);
      expect(await listFeedbackOwed(h.db, { communityIds: [] })).toEqual([]);
      expect(await listFeedbackOwed(h.db, { cycleId: 'c2026' })).toEqual([]);
    });

    it('keeps the feedback and the thread in order, and who wrote last', async () => {
      await record({
        type: 'ProposalFeedbackGiven',
        data: {
          proposalId: 'p3',
          reason: '票数不足',
          suggestions: '缩小规模后再提',
          givenBy: 'resident_representatives',
          representatives: ['周建国'],
        },
      });
      expect(await countFeedbackWaiting(h.db, { communityId: 'hupan' })).toEqual({
        awaitingFeedback: 0,
        awaitingReply: 0,
      });
      expect(await listFeedbackOwed(h.db, { cycleId: 'c2025' })).toEqual([]);
      await record(
        {
          type: 'ProposalFeedbackMessagePosted',
          data: { proposalId: 'p3', from: 'author', text: '可以只做一侧吗?' },
        },
        'proxy',
      );
      expect((await countFeedbackWaiting(h.db, { communityId: 'hupan' })).awaitingReply).toBe(1);
      await record({
        type: 'ProposalFeedbackMessagePosted',
        data: { proposalId: 'p3', from: 'community', text: '可以,下期请改为一侧。' },
      });
      expect((await countFeedbackWaiting(h.db, { communityId: 'hupan' })).awaitingReply).toBe(0);
      const thread = await readFeedbackThread(h.db, 'p3');
      expect(thread).toMatchObject({
        outcome: { votes: 7, selected: false },
        feedback: {
          givenBy: 'resident_representatives',
          representatives: ['周建国'],
          reason: '票数不足',
        },
        messages: [
          { from: 'author', text: '可以只做一侧吗?', channel: 'proxy' },
          { from: 'community', text: '可以,下期请改为一侧。', channel: 'online' },
        ],
        carriedTo: null,
      });
      // The public timeline says who wrote in the thread, not what.
      const timeline = await readProposalTimeline(h.db, 'p3');
      expect(JSON.stringify(timeline)).not.toContain('可以只做一侧吗');
      expect(timeline.at(-1)?.type).toBe('ProposalFeedbackMessagePosted');
    });

    it('links a proposal carried forward both ways', async () => {
      await record({
        type: 'ProposalCarriedForward',
        data: { proposalId: 'p3', toProposalId: 'p9', toCycleId: 'c2026' },
      });
      await record(submitted('p9', 'r3', 'c2026'));
      await record({
        type: 'ProposalCarriedFrom',
        data: { proposalId: 'p9', fromProposalId: 'p3', fromCycleId: 'c2025' },
      });
      expect((await readFeedbackThread(h.db, 'p3'))?.carriedTo).toEqual({
        proposalId: 'p9',
        cycleId: 'c2026',
      });
      expect((await readFeedbackThread(h.db, 'p9'))?.carriedFrom).toBe('p3');
      expect((await listFeedbackOfResident(h.db, 'r3'))[0]?.carriedTo).toBe('p9');
    });

    it('rebuilds to the same rows', async () => {
      await expectRebuildToMatch(h, proposalProjection);
      await expectRebuildToMatch(h, feedbackProjection);
    });
  });
}
