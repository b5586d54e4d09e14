// The count above packages/pb: a project below the cycle's minimum support (at least one vote) is
// never selected, by greedy or by MES with its completion, and the downloaded .pb counts again to
// the same winners.
import { describe, expect, it } from 'vitest';
import type { MinimumSupport } from '@gongzhi/domain';
import { approvalElection, parsePb, tally } from '@gongzhi/pb';
import { bulletinPb, countBallots, recountPb, type CountInput } from '../src/ballot/count.ts';

const pool = [
  { proposalId: 'p1', title: '楼道座椅', cost: 1_200_000 },
  { proposalId: 'p2', title: '长者食堂', cost: 3_600_000 },
  { proposalId: 'p3', title: '路灯', cost: 2_500_000 },
  { proposalId: 'p4', title: '花园', cost: 3_600_000 },
];

const ballots = (choices: string[][]) =>
  choices.map((c, i) => ({ receipt: `R${String(i).padStart(3, '0')}`, choices: c }));

const input = (
  rule: 'greedy' | 'mes',
  bulletin: CountInput['bulletin'],
  minimumSupport: MinimumSupport = { kind: 'votes', votes: 1 },
): CountInput => ({
  cycleId: 'c1',
  communityId: 'hongqiao',
  budget: 10_000_000,
  rule,
  minimumSupport,
  pool,
  bulletin,
});

describe('counting with a minimum support', () => {
  it('selects nothing in a community without ballots, where the reference fills the budget', () => {
    for (const rule of ['greedy', 'mes'] as const) {
      const count = input(rule, []);
      // What packages/pb (pabutools) selects from the same file: projects nobody voted for.
      const reference = tally(approvalElection(parsePb(bulletinPb(count))), 'greedy').selected;
      expect(reference.length).toBeGreaterThan(0);
      const counted = countBallots(count);
      expect(counted).toMatchObject({ ballotCount: 0, winners: [], budgetUsed: 0 });
      expect(counted.minimumSupport).toBe(1);
      expect(recountPb(bulletinPb(count)).winners).toEqual([]);
    }
  });

  it('never completes MES with a project nobody voted for', () => {
    const count = input('mes', ballots([['p1'], ['p1', 'p2'], ['p2']]));
    const counted = countBallots(count);
    expect(counted.winners).toEqual(['p1', 'p2']);
    expect(counted.explanations?.find((e) => e.proposalId === 'p3')).toMatchObject({
      status: 'below-minimum',
      text: { 'zh-CN': '没有人投票支持，不能入选。' },
    });
    expect(counted.explanations).toHaveLength(pool.length);
  });

  it('takes a share of the ballots, rounded up, and says it in the .pb file', () => {
    // 10 ballots, 25%: 3 votes needed; p3 has 2, p4 has 3.
    const bulletin = ballots([
      ['p1', 'p3'],
      ['p1', 'p3'],
      ['p1', 'p4'],
      ['p1', 'p4'],
      ['p1', 'p4'],
      ['p1'],
      ['p1'],
      ['p1'],
      ['p1'],
      ['p1'],
    ]);
    const count = input('greedy', bulletin, { kind: 'share', percent: 25 });
    const counted = countBallots(count);
    expect(counted.minimumSupport).toBe(3);
    expect(counted.winners).toEqual(['p1', 'p4']);
    const pb = bulletinPb(count);
    expect(parsePb(pb).meta.min_project_score_threshold).toBe('3');
    expect(recountPb(pb)).toEqual({ inputDigest: counted.inputDigest, winners: ['p1', 'p4'] });
    // Without the minimum, p3 fits and would be selected.
    const byVotes = countBallots(input('greedy', bulletin));
    expect(byVotes.winners).toEqual(['p1', 'p3', 'p4']);
    expect(parsePb(bulletinPb(input('greedy', bulletin))).meta).not.toHaveProperty(
      'min_project_score_threshold',
    );
  });
});
