import { describe, expect, it } from 'vitest';
import {
  describeProposalEvent,
  parseProposalEvent,
  proposalEventSchemas,
  proposalEventTypes,
  proposalStreams,
} from '../../src/proposal/index.ts';
import type { ProposalModuleEvent } from '../../src/proposal/index.ts';
import { admitted, returned, sentToSurvey, submitted, surveyed, withdrawn } from './fixtures.ts';

describe('proposal events', () => {
  it('each type has a schema version', () => {
    for (const type of proposalEventTypes) {
      expect(proposalEventSchemas[type].version).toBeGreaterThanOrEqual(1);
    }
  });

  it('reads stored data through its schema', () => {
    expect(
      parseProposalEvent('ProposalSubmitted', { ...submitted.data, title: ' 加装座椅 ' }).data,
    ).toMatchObject({ title: '加装座椅', estimatedCost: 2_000_000 });
  });

  it('rejects seven photos, other file types, half coordinates and a reasonless infeasibility', () => {
    const photo = submitted.data.photos[0]!;
    const withData = (changes: object) => ({ ...submitted.data, ...changes });
    expect(() =>
      parseProposalEvent(
        'ProposalSubmitted',
        withData({ photos: Array.from({ length: 7 }, () => photo) }),
      ),
    ).toThrow();
    expect(() =>
      parseProposalEvent(
        'ProposalSubmitted',
        withData({ photos: [{ ...photo, type: 'image/gif' }] }),
      ),
    ).toThrow();
    expect(() =>
      parseProposalEvent('ProposalSubmitted', withData({ location: { text: '花园', lat: 31.6 } })),
    ).toThrow();
    expect(() => parseProposalEvent('ProposalMarkedInfeasible', { proposalId: 'p1' })).toThrow();
    expect(() => parseProposalEvent('CyclePublished', {})).toThrow(/Not a proposal/);
  });

  it('names streams by proposal and by round-table', () => {
    expect(proposalStreams.proposal('p1')).toBe('proposal-p1');
    expect(proposalStreams.roundTable('rt1')).toBe('roundtable-rt1');
  });

  it('describes every event in both languages, without naming anybody', () => {
    const events: ProposalModuleEvent[] = [
      submitted,
      {
        type: 'ProposalEdited',
        data: {
          proposalId: 'p1',
          changes: { title: '加装座椅', estimatedCost: 1 },
          previous: { title: '座椅', estimatedCost: 2 },
        },
      },
      withdrawn,
      { type: 'ProposalCoSigned', data: { proposalId: 'p1', residentId: 'r2' } },
      { type: 'ProposalMerged', data: { proposalId: 'p2', intoProposalId: 'p1' } },
      {
        type: 'ProposalAbsorbed',
        data: {
          proposalId: 'p1',
          fromProposalId: 'p2',
          fromTitle: '长椅',
          authors: ['r2'],
          coSigners: [],
        },
      },
      { type: 'ProposalMarkedInfeasible', data: { proposalId: 'p1', note: '私人产权' } },
      sentToSurvey,
      surveyed(1_800_000),
      {
        type: 'RoundTableHeld',
        data: {
          roundTableId: 'rt1',
          cycleId: 'c2025',
          streetId: 'yushan',
          communityId: 'hupan',
          date: '2025-04-10',
          attendees: [{ role: 'chair', name: '王芳' }],
        },
      },
      admitted,
      {
        type: 'ProposalRejectedAtRoundTable',
        data: { proposalId: 'p1', roundTableId: 'rt1', reason: '重复' },
      },
      returned,
      { type: 'ProposalResubmitted', data: { proposalId: 'p1', changes: {}, previous: {} } },
      {
        type: 'ProposalFeedbackGiven',
        data: {
          proposalId: 'p1',
          reason: '票数不足',
          suggestions: '缩小规模',
          givenBy: 'resident_representatives',
          representatives: ['王芳'],
        },
      },
      {
        type: 'ProposalFeedbackMessagePosted',
        data: { proposalId: 'p1', from: 'author', text: '谢谢' },
      },
      {
        type: 'ProposalCarriedForward',
        data: { proposalId: 'p1', toProposalId: 'p9', toCycleId: 'c2026' },
      },
      {
        type: 'ProposalCarriedFrom',
        data: { proposalId: 'p9', fromProposalId: 'p1', fromCycleId: 'c2025' },
      },
    ];
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(proposalEventTypes));
    for (const event of events) {
      const text = describeProposalEvent(event);
      expect(text['zh-CN'], event.type).toMatch(/\p{Script=Han}/u);
      expect(text.en, event.type).toMatch(/[a-z]+ [a-z]+/);
      expect(`${text['zh-CN']} ${text.en}`, event.type).not.toMatch(/\br[1-9]\b|王芳/);
    }
    expect(describeProposalEvent(events[1]!).en).toBe('edited the title, estimated cost');
    expect(describeProposalEvent(surveyed(1_800_000))['zh-CN']).toContain('18,000.00 元');
  });
});
