// A cost above its category's cap: the same words for the decider's refusal and for a form that
// checks it before sending, and the refusal names the field it is about.
import { describe, expect, it } from 'vitest';
import { DomainError, fold } from '../../src/shared/index.ts';
import { costAboveCap, proposalDecider } from '../../src/proposal/index.ts';
import { cycleAt, residentOf } from '../cycle/fixtures.ts';
import { submitted } from './fixtures.ts';

const proposing = cycleAt('proposing');
if (proposing.status !== 'published') throw new Error('fixture: a published cycle');
const { caps } = proposing.definition;

describe('a cost above its category’s cap', () => {
  it('is no problem at the cap', () => {
    expect(costAboveCap(caps.goods, 'goods', caps)).toBeUndefined();
  });

  it('names the category, its cap and the cost, with 元 and separators', () => {
    expect(costAboveCap(caps.goods + 100, 'goods', caps)).toEqual({
      'zh-CN': `货物类项目每项不超过 ${(caps.goods / 100).toLocaleString('en-US')}.00 元，本建议的费用为 ${(caps.goods / 100 + 1).toLocaleString('en-US')}.00 元。`,
      en: `Projects of the goods category are capped at ¥${(caps.goods / 100).toLocaleString('en-US')}.00; this one costs ¥${(caps.goods / 100 + 1).toLocaleString('en-US')}.00.`,
    });
  });

  it('is refused with those words, about the estimatedCost field', () => {
    const { streetId: _streetId, ...submission } = submitted.data;
    const submit = {
      type: 'SubmitProposal' as const,
      data: { ...submission, category: 'goods' as const, estimatedCost: caps.goods + 100 },
      cycle: proposing,
      author: residentOf('hupan'),
      today: '2025-03-05',
    };
    let refusal: unknown;
    try {
      proposalDecider.decide(submit, fold(proposalDecider, []));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: 'cost_above_cap',
      field: 'estimatedCost',
      text: costAboveCap(caps.goods + 100, 'goods', caps),
    });
  });
});
