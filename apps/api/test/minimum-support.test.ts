// A project nobody supported is never selected (issue 11): closing the demo's autumn vote, in
// which 虹桥社区 has two pool projects and no ballot, selects nothing there, and its result says
// why each project was left out.
import { describe, expect, it } from 'vitest';
import { engines, useApiServer } from './harness.ts';

const sqlite = engines.find((e) => e.name === 'sqlite')!;
const CYCLE = 'demo-cycle-voting';

interface Result {
  tally: {
    ballotCount: number;
    winners: string[];
    budgetUsed: number;
    minimumSupport?: number;
    projects: { proposalId: string; votes: number }[];
    explanations?: { proposalId: string; status: string; text: { 'zh-CN': string; en: string } }[];
  };
  recount: { matches: boolean; winners: string[] };
}

describe('closing a vote in which a community had no ballots, on sqlite', () => {
  const api = useApiServer(sqlite.make());

  it('selects nothing there, and explains each project', async () => {
    await api.signIn('yushan');
    const close = await api.call<{ position: string }>(
      'cycle.advancePhase',
      { cycleId: CYCLE, to: 'publicity', reason: '测试:提前结束投票' },
      { as: 'yushan' },
    );
    expect(close.status, JSON.stringify(close.body)).toBe(200);
    const result = await api.call<Result>(
      'ballot.result',
      { cycleId: CYCLE, communityId: 'hongqiao', minPosition: close.body.result!.data.position },
      { query: true },
    );
    const { tally, recount } = result.body.result!.data;
    expect(tally.projects.length).toBeGreaterThanOrEqual(2);
    expect(tally).toMatchObject({ ballotCount: 0, winners: [], budgetUsed: 0, minimumSupport: 1 });
    expect(recount).toMatchObject({ matches: true, winners: [] });
    expect(tally.explanations?.map((e) => e.status)).toEqual(
      tally.projects.map(() => 'below-minimum'),
    );
    expect(tally.explanations?.[0]?.text.en).toBe('Nobody voted for it, so it cannot be selected.');
  });
});
