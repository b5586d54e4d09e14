import { describe, expect, it } from 'vitest';
import { proposalNotice } from '../../src/proposal/index.ts';
import type { ProposalEvent } from '../../src/proposal/index.ts';
import {
  admitted,
  coSigned,
  duplicate,
  folded,
  returned,
  sentToSurvey,
  submitted,
  surveyed,
  withdrawn,
} from './fixtures.ts';

/** The notice for the last event, on the proposal with every event folded in. */
const noticeAfter = (...events: ProposalEvent[]) => proposalNotice(events.at(-1)!, folded(events));

describe('proposal notices', () => {
  it('confirms a submission to its author alone', () => {
    expect(noticeAfter(submitted)).toEqual({
      proposalId: 'p1',
      cause: 'ProposalSubmitted',
      recipients: ['r1'],
      message: {
        'zh-CN': '您的建议「湖畔花园加装休闲座椅」已提交，社区将在筛选阶段处理。',
        en: 'Your proposal “湖畔花园加装休闲座椅” has been submitted; the community will consider it during screening.',
      },
    });
  });

  it('tells the author and every co-signer of each status change', () => {
    const signed = [submitted, coSigned('r2'), coSigned('r3')];
    for (const event of [sentToSurvey, admitted, returned, withdrawn]) {
      expect(noticeAfter(...signed, event), event.type).toMatchObject({
        cause: event.type,
        recipients: ['r1', 'r2', 'r3'],
      });
    }
    expect(noticeAfter(...signed, returned)?.message['zh-CN']).toContain(
      '请改为四张座椅并注明材质',
    );
    expect(noticeAfter(...signed, returned)?.message.en).toContain('请改为四张座椅并注明材质');
  });

  it('gives the excluded-list line as the reason, in the reader’s language where it has one', () => {
    const notice = noticeAfter(submitted, {
      type: 'ProposalMarkedInfeasible',
      data: {
        proposalId: 'p1',
        excluded: { code: 'N1', text: '涉及个人或少数人利益的项目', textEn: 'projects for a few' },
        note: '仅惠及一户',
      },
    });
    expect(notice?.message['zh-CN']).toContain('N1「涉及个人或少数人利益的项目」；仅惠及一户');
    expect(notice?.message.en).toContain('N1 “projects for a few”; 仅惠及一户');
  });

  it('tells a merge once, to every author and co-signer of both proposals', () => {
    const merged = folded([
      ...duplicate,
      { type: 'ProposalMerged', data: { proposalId: 'p2', intoProposalId: 'p1' } },
    ]);
    expect(
      proposalNotice(
        { type: 'ProposalMerged', data: { proposalId: 'p2', intoProposalId: 'p1' } },
        merged,
      ),
    ).toBeUndefined();
    const notice = noticeAfter(submitted, coSigned('r4'), {
      type: 'ProposalAbsorbed',
      data: {
        proposalId: 'p1',
        fromProposalId: 'p2',
        fromTitle: '步道边增设长椅',
        authors: ['r2'],
        coSigners: ['r3'],
      },
    });
    expect(notice?.recipients.toSorted()).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(notice?.message['zh-CN']).toContain(
      '「步道边增设长椅」已合并到建议「湖畔花园加装休闲座椅」',
    );
  });

  it('says nothing of edits, co-signatures and surveys', () => {
    expect(noticeAfter(submitted, coSigned('r2'))).toBeUndefined();
    expect(noticeAfter(submitted, sentToSurvey, surveyed(1_800_000))).toBeUndefined();
    expect(
      noticeAfter(submitted, {
        type: 'ProposalEdited',
        data: { proposalId: 'p1', changes: { title: '加装座椅' }, previous: { title: '座椅' } },
      }),
    ).toBeUndefined();
  });
});
