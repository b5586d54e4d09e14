import { describe, expect, it } from 'vitest';
import { objectionNotice } from '../../src/outcome/index.ts';
import type { ObjectionAnswered } from '../../src/outcome/index.ts';

const answered = {
  objectionId: 'o1',
  cycleId: 'c2025',
  communityId: 'hupan',
  answeredBy: 'w1',
  reason: '已核实报价',
};
const filed = { filedBy: 'r1', text: '凉亭报价明显高于市场价,请公开报价明细并重新核算费用。' };

describe('objection notices', () => {
  it('tells the filer a dismissal, quoting the start of their objection, linked to it', () => {
    const dismissed: ObjectionAnswered = { type: 'ObjectionDismissed', data: answered };
    expect(objectionNotice(dismissed, filed)).toEqual({
      cause: 'ObjectionDismissed',
      link: '/cycles/c2025/notice#objection-o1',
      recipients: ['r1'],
      message: {
        'zh-CN':
          '您提出的异议「凉亭报价明显高于市场价,请公开报价明细并重新核算费用。」经答复不成立。理由：已核实报价',
        en: 'Your objection “凉亭报价明显高于市场价,请公开报价明细并重新核算费用。” was dismissed. Reason: 已核实报价',
      },
    });
  });

  it('tells what an upheld objection changed, and shortens a long objection', () => {
    const excluded: ObjectionAnswered = {
      type: 'ObjectionUpheld',
      data: { ...answered, consequence: { kind: 'project_excluded', proposalId: 'p1' } },
    };
    const long = { filedBy: 'r1', text: '一二三四五六七八九十'.repeat(4) };
    const notice = objectionNotice(excluded, long);
    expect(notice.cause).toBe('ObjectionUpheld');
    expect(notice.message['zh-CN']).toBe(
      `您提出的异议「${'一二三四五六七八九十'.repeat(3)}…」经答复成立，该项目已移出计票，本社区已按剩余项目重新计票。理由：已核实报价`,
    );
    const recount: ObjectionAnswered = {
      type: 'ObjectionUpheld',
      data: { ...answered, consequence: { kind: 'recount' } },
    };
    expect(objectionNotice(recount, filed).message.en).toContain(
      'was upheld: the ballot bulletin was counted again.',
    );
  });
});
