// The ballot read models under the runner, on SQLite and PostgreSQL: the bulletin keeps the last
// ballot of each voter (by receipt, without voters), who voted, and the last tally.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ballotTallyProjection,
  ballotVoterProjection,
  countBallots,
  createBallotProjection,
  createBallotSeal,
  findReceipt,
  listBulletin,
  newReceipt,
  readTally,
  readVoter,
} from '../../src/ballot/index.ts';
import { engines, expectRebuildToMatch, startRecorder } from '../cycle/harness.ts';
import type { Harness, Recorder } from '../cycle/harness.ts';

const seal = createBallotSeal(randomBytes(32));
const projections = [createBallotProjection(seal), ballotVoterProjection, ballotTallyProjection];
const place = { cycleId: 'c2025', communityId: 'hupan' };

for (const [engine, open] of engines('ballot')) {
  describe(`ballot read models on ${engine}`, () => {
    let h: Harness;
    let recorder: Recorder;
    const vote = (
      voterId: string,
      type: 'BallotCast' | 'BallotChanged',
      content: { receipt: string; choices: string[]; replacesReceipt?: string },
      communityId = 'hupan',
    ) =>
      recorder.record(`ballot-c2025-${voterId}`, {
        type,
        data: {
          cycleId: 'c2025',
          communityId,
          voterId,
          sealed: seal.seal({ cycleId: 'c2025', communityId }, content),
        },
      });

    beforeAll(async () => {
      h = await open();
      recorder = await startRecorder(h, projections);
    });
    afterAll(async () => {
      await recorder.runner.stop();
      await h.close();
    });

    it('lists the last ballot of each voter by receipt, and none that was replaced', async () => {
      const [a, b, a2, c] = [newReceipt(), newReceipt(), newReceipt(), newReceipt()];
      await vote('r1', 'BallotCast', { receipt: a, choices: ['p1', 'p2'] });
      await vote('r2', 'BallotCast', { receipt: b, choices: ['p3'] });
      await vote('r1', 'BallotChanged', { receipt: a2, choices: ['p2'], replacesReceipt: a });
      await vote('r3', 'BallotCast', { receipt: c, choices: ['p1'] }, 'binhu');

      const bulletin = await listBulletin(h.db, place);
      expect(bulletin).toEqual(
        [
          { receipt: b, choices: ['p3'] },
          { receipt: a2, choices: ['p2'] },
        ].sort((x, y) => (x.receipt < y.receipt ? -1 : 1)),
      );
      expect(await findReceipt(h.db, { cycleId: 'c2025', receipt: a })).toBeUndefined();
      expect(await findReceipt(h.db, { cycleId: 'c2025', receipt: c })).toEqual({
        receipt: c,
        communityId: 'binhu',
        choices: ['p1'],
      });
      expect(await readVoter(h.db, { cycleId: 'c2025', voterId: 'r1' })).toMatchObject({
        communityId: 'hupan',
        versions: 2,
      });
      expect(await countBallots(h.db, 'c2025')).toEqual([
        { communityId: 'binhu', ballots: 1 },
        { communityId: 'hupan', ballots: 2 },
      ]);
    });

    it('keeps no voter beside a receipt or choices', async () => {
      const bulletinColumns = Object.keys((await h.db.get('SELECT * FROM bal_bulletin')) ?? {});
      expect(bulletinColumns.sort()).toEqual(['choices', 'community_id', 'cycle_id', 'receipt']);
      const voterColumns = Object.keys((await h.db.get('SELECT * FROM bal_voters')) ?? {});
      expect(voterColumns).not.toContain('receipt');
      expect(voterColumns).not.toContain('choices');
    });

    it('keeps the last tally of a community', async () => {
      const tally = {
        ...place,
        rule: 'greedy',
        pbRule: 'greedy',
        budget: 20_000_000,
        inputDigest: 'a'.repeat(64),
        ballotCount: 2,
        projects: [{ proposalId: 'p2', cost: 100, votes: 1 }],
        winners: ['p2'],
        budgetUsed: 100,
        tieBreak: 'project-id-code-point',
      };
      await recorder.record('tally-c2025-hupan', { type: 'BallotsTallied', data: tally });
      await recorder.record('tally-c2025-hupan', {
        type: 'BallotsTallied',
        data: { ...tally, inputDigest: 'b'.repeat(64) },
      });
      expect(await readTally(h.db, place)).toMatchObject({
        revision: 1,
        tally: { inputDigest: 'b'.repeat(64), winners: ['p2'] },
      });
    });

    it('rebuilds to the same rows', async () => {
      for (const projection of projections) await expectRebuildToMatch(h, projection);
    });
  });
}

describe('ballot seal', () => {
  it('opens what it sealed only for the same cycle and community, and only with its key', () => {
    const content = { receipt: newReceipt(), choices: ['p1'] };
    const sealed = seal.seal(place, content);
    expect(seal.open(place, sealed)).toEqual(content);
    expect(() => seal.open({ ...place, communityId: 'binhu' }, sealed)).toThrow();
    expect(() => createBallotSeal(randomBytes(32)).open(place, sealed)).toThrow();
  });

  it('seals a paper entry apart from ballots, and keys a receipt without showing it', () => {
    const content = { choices: ['p1'], receipt: 'AAAA-BBBB-CCCC-0001' };
    const sealed = seal.sealEntry(place, content);
    expect(seal.openEntry(place, sealed)).toEqual(content);
    expect(() => seal.open(place, sealed)).toThrow();
    const key = seal.receiptKey('c2025', content.receipt);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(seal.receiptKey('c2025', content.receipt)).toBe(key);
    expect(seal.receiptKey('c2026', content.receipt)).not.toBe(key);
    expect(createBallotSeal(randomBytes(32)).receiptKey('c2025', content.receipt)).not.toBe(key);
  });
});
