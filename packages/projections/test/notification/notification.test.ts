// The notification read model on SQLite and PostgreSQL: a proposal's author is told of its
// status with a link to it, a resident who filed an objection is told the answer with a link to
// it on the notice, a staff account that filed one is not (staff have no inbox), and a rebuild
// writes the same rows.
import type { OutcomeEvent, ProposalEvent } from '@gongzhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureNotificationStateTables,
  listInbox,
  listUndelivered,
  notificationProjection,
} from '../../src/notification/index.ts';
import { engines, expectRebuildToMatch, startRecorder } from '../cycle/harness.ts';
import type { Harness, Recorder } from '../cycle/harness.ts';

const registered = (residentId: string) => ({
  type: 'ResidentRegistered',
  // Sealed, as the store holds it: the read model reads the id only.
  data: {
    residentId,
    phoneDigest: 'a'.repeat(64),
    birthYear: 1960,
    channel: 'online',
    personalSealed: 'sealed',
  },
});

const submitted: ProposalEvent = {
  type: 'ProposalSubmitted',
  data: {
    proposalId: 'p1',
    cycleId: 'c2025',
    streetId: 'yushan',
    communityId: 'hupan',
    title: '湖畔花园加装休闲座椅',
    description: '步道旁没有座椅,老人走累了无处休息。',
    category: 'goods',
    estimatedCost: 2_000_000,
    location: { text: '湖畔花园 3 幢北侧步道' },
    photos: [],
    authorResidentId: 'r1',
    channel: 'online',
  },
};

const filed = (objectionId: string, filedBy: string): OutcomeEvent => ({
  type: 'ObjectionFiled',
  data: {
    objectionId,
    cycleId: 'c2025',
    communityId: 'hupan',
    target: { kind: 'count' },
    text: '计票过程没有居民代表监督,请复核。',
    photos: [],
    filedBy,
  },
});

const dismissed = (objectionId: string): OutcomeEvent => ({
  type: 'ObjectionDismissed',
  data: {
    objectionId,
    cycleId: 'c2025',
    communityId: 'hupan',
    answeredBy: 'w1',
    reason: '结果一致',
  },
});

for (const [engine, open] of engines('notification')) {
  describe(`notification read model on ${engine}`, () => {
    let h: Harness;
    let recorder: Recorder;

    beforeAll(async () => {
      h = await open();
      await ensureNotificationStateTables(h.db);
      recorder = await startRecorder(h, [notificationProjection]);
      await recorder.record('resident-r1', registered('r1'));
      await recorder.record('proposal-p1', submitted);
    });
    afterAll(async () => {
      await recorder.runner.stop();
      await h.close();
    });

    it('links a proposal’s notice to the proposal', async () => {
      expect(await listInbox(h.db, 'r1')).toEqual([
        expect.objectContaining({
          proposalId: 'p1',
          link: '/proposals/p1',
          cause: 'ProposalSubmitted',
        }),
      ]);
    });

    it('tells a resident the answer to their objection, linked to it on the notice', async () => {
      await recorder.record('objection-o1', filed('o1', 'r1'));
      expect(await listInbox(h.db, 'r1')).toHaveLength(1);
      await recorder.record('objection-o1', dismissed('o1'));
      const [notice] = await listInbox(h.db, 'r1');
      expect(notice).toMatchObject({
        proposalId: null,
        link: '/cycles/c2025/notice#objection-o1',
        cause: 'ObjectionDismissed',
        message: {
          'zh-CN': '您提出的异议「计票过程没有居民代表监督,请复核。」经答复不成立。理由：结果一致',
        },
        read: false,
      });
      expect((await listUndelivered(h.db, 10)).map((m) => [m.residentId, m.link])).toEqual([
        ['r1', '/proposals/p1'],
        ['r1', '/cycles/c2025/notice#objection-o1'],
      ]);
    });

    it('tells a staff account that filed an objection nothing', async () => {
      await recorder.record('objection-o2', filed('o2', 'w1'));
      await recorder.record('objection-o2', dismissed('o2'));
      expect(await listInbox(h.db, 'w1')).toEqual([]);
      expect(await listUndelivered(h.db, 10)).toHaveLength(2);
    });

    it('lists a resident’s notices newest first, by when they happened', async () => {
      // Written last, but it happened days before the others.
      await recorder.record(
        'proposal-p2',
        { ...submitted, data: { ...submitted.data, proposalId: 'p2' } },
        { occurredAt: '2025-03-01T02:00:00Z' },
      );
      expect((await listInbox(h.db, 'r1')).map((n) => n.cause + ' ' + n.link)).toEqual([
        'ObjectionDismissed /cycles/c2025/notice#objection-o1',
        'ProposalSubmitted /proposals/p1',
        'ProposalSubmitted /proposals/p2',
      ]);
    });

    it('writes the same rows on a rebuild', async () => {
      await expectRebuildToMatch(h, notificationProjection);
    });
  });
}
