// The explanations of a count by the Method of Equal Shares read like every other page: the
// rule by its one name, amounts with 元 (¥ in English) and thousands separators.
import { describe, expect, it } from 'vitest';
import { countBallots } from '../src/ballot/count.ts';

const count = countBallots({
  cycleId: 'c1',
  communityId: 'hongqiao',
  budget: 5_000_000,
  rule: 'mes',
  minimumSupport: { kind: 'votes', votes: 1 },
  pool: [
    { proposalId: 'p1', title: '楼道座椅', cost: 1_200_000 },
    { proposalId: 'p2', title: '长者食堂', cost: 3_600_000 },
    { proposalId: 'p3', title: '路灯', cost: 2_500_000 },
  ],
  bulletin: [
    { receipt: 'R1', choices: ['p1', 'p3'] },
    { receipt: 'R2', choices: ['p1', 'p2'] },
    { receipt: 'R3', choices: ['p2', 'p3'] },
  ],
});
const text = (proposalId: string) =>
  count.explanations?.find((e) => e.proposalId === proposalId)?.text;

describe('explanations of an equal-shares count', () => {
  it('write amounts as every amount is written', () => {
    for (const e of count.explanations ?? []) {
      // Every number with decimals is an amount: separated and with its unit.
      expect(e.text['zh-CN']).not.toMatch(/\d{4}\./);
      for (const amount of e.text['zh-CN'].match(/[\d,]+\.\d+/g) ?? []) {
        expect(e.text['zh-CN']).toContain(`${amount} 元`);
      }
      for (const amount of e.text.en.match(/[\d,]+\.\d+/g) ?? []) {
        expect(e.text.en).toContain(`¥${amount}`);
      }
    }
    expect(text('p1')).toEqual({
      'zh-CN': '第 1 轮入选：2 位支持者每人分摊 6,000.00 元。',
      en: 'Selected in round 1: each of its 2 supporters paid ¥6,000.00.',
    });
    expect(text('p3')?.['zh-CN']).toBe(
      '第 2 轮入选：2 位支持者每人分摊 14,333.33 元，其中 1 位余额不足、付出了全部余额。',
    );
  });

  it('name the rule 平等份额法, the name the cycle form and the results page use', () => {
    expect(count.explanations?.map((e) => e.status)).toEqual(['bought', 'not-completed', 'bought']);
    expect(text('p2')).toEqual({
      'zh-CN': '平等份额法未选中，按得票数补选时超出剩余预算。',
      en: 'Not chosen by the Method of Equal Shares, and too expensive for the leftover budget.',
    });
  });
});
