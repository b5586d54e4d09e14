import { describe, expect, it } from 'vitest';
import { chinaMonth, vitalityOfMonth, type MeetingFacts } from '../../src/meeting/index.ts';

const meeting = (overrides: Partial<MeetingFacts> = {}): MeetingFacts => ({
  meetingId: 'm1',
  startsAt: '2026-03-10T11:00:00.000Z',
  status: 'closed',
  lateNotice: false,
  entitled: 6,
  membersPresent: 6,
  quorumHeld: true,
  motions: 1,
  voted: 1,
  ...overrides,
});

describe('the vitality index, version 1', () => {
  it('is 100 for every planned meeting held on time, with quorum and everyone present', () => {
    const figure = vitalityOfMonth('2026-03', 1, [meeting()]);
    expect(figure).toMatchObject({ version: 1, index: 100, evidence: ['m1'], smallSample: true });
  });

  it('counts late notice, motions not voted and absences against the month', () => {
    const figure = vitalityOfMonth('2026-03', 2, [
      meeting(),
      meeting({
        meetingId: 'm2',
        lateNotice: true,
        membersPresent: 3,
        voted: 0,
        quorumHeld: false,
      }),
    ]);
    expect(figure.components).toEqual({ regularity: 1, procedure: 0.5, breadth: 0.75 });
    expect(figure.index).toBe(76.3);
    expect(figure.smallSample).toBe(false);
  });

  it('counts only meetings held (closed) in the month, in China time', () => {
    expect(chinaMonth('2026-03-31T17:00:00.000Z')).toBe('2026-04');
    const figure = vitalityOfMonth('2026-03', 1, [
      meeting({ meetingId: 'april', startsAt: '2026-03-31T17:00:00.000Z' }),
      meeting({ meetingId: 'open', status: 'convened' }),
    ]);
    expect(figure).toMatchObject({ index: 0, evidence: [] });
    expect(vitalityOfMonth('2026-03', 0, []).index).toBeNull();
  });
});
