// Steps the demo cycles share: the cycle definition they vary, proposal content, submitting a
// proposal online or on paper, and a cycle taken up to voting.
import { advanceCyclePhase, cycleCommands, proposalCommands } from '@gongzhi/api';
import type { CycleDefinition, ProposalContent } from '@gongzhi/domain';
import type { BallotSeal } from '@gongzhi/projections/ballot';
import type { By, Day } from '../writers.ts';

/** What a demo cycle is seeded with. */
export interface DemoCycleContext {
  /** This year in China; the cycles of the next round are of the year after. */
  thisYear: number;
  day: Day;
  by: By;
  /** Seals the demo ballots, as casting online does. */
  ballotSeal: BallotSeal;
}

/** A demo cycle, seeded once: when its stream does not exist yet. */
export interface DemoCycle {
  cycleId: string;
  seed(context: DemoCycleContext): Promise<void>;
}

export const yuan = (amount: number) => amount * 100;

const EXCLUDED: CycleDefinition['excluded'] = [
  {
    code: 'N1',
    text: '涉及私人产权或仅惠及个别住户的项目',
    textEn: 'Projects on private property or for a few households only',
  },
  {
    code: 'N2',
    text: '已列入政府年度计划或有专项资金的项目',
    textEn: 'Projects already in a government plan or with dedicated funds',
  },
  {
    code: 'N3',
    text: '需要长期运营维护费用且无人管养的项目',
    textEn: 'Projects needing lasting upkeep with nobody to maintain them',
  },
  { code: 'N4', text: '营利性项目', textEn: 'Profit-making projects' },
];

export function demoCycle(
  title: string,
  titleEn: string,
  year: number,
  communities: [string, number][],
  schedule: CycleDefinition['schedule'],
): CycleDefinition {
  return {
    title,
    titleEn,
    year,
    communities: communities.map(([communityId, budget]) => ({
      communityId,
      budget: yuan(budget),
    })),
    caps: { works: yuan(100_000), services: yuan(50_000), goods: yuan(30_000) },
    allowed: [
      { code: 'A1', text: '小区公共设施维修改造', textEn: 'Repairs of shared facilities' },
      { code: 'A2', text: '为老助残服务', textEn: 'Services for older and disabled people' },
      { code: 'A3', text: '环境美化与绿化', textEn: 'Greening and tidying up' },
      { code: 'A4', text: '文体活动', textEn: 'Culture and sports' },
    ],
    excluded: EXCLUDED,
    eligibility: { tieKinds: ['lives', 'works', 'studies'], minAge: 16 },
    ballot: { kind: 'approval', maxProjects: 3 },
    aggregation: 'greedy',
    publicityDays: 7,
    schedule,
  };
}

export const content = (
  title: string,
  description: string,
  category: ProposalContent['category'],
  cost: number,
  location: string,
): ProposalContent => ({
  title,
  description,
  category,
  estimatedCost: yuan(cost),
  location: { text: location },
  photos: [],
});

/** [proposalId, author, content, entered offline by the community's worker]. */
export type DemoProposal = [string, string, ProposalContent, boolean];

export interface DemoPool {
  communityId: string;
  worker: string;
  proposals: DemoProposal[];
}

/** Submits a demo proposal on day `offset`: by its author online, or by the worker on paper. */
export function submitDemoProposal(
  by: By,
  offset: number,
  { cycleId, communityId, worker }: { cycleId: string; communityId: string; worker: string },
  [proposalId, author, proposal, onPaper]: DemoProposal,
) {
  return proposalCommands.submitProposal(
    onPaper ? by(worker, offset, { onBehalfOf: author, channel: 'offline' }) : by(author, offset),
    {
      proposalId,
      cycleId,
      communityId,
      ...proposal,
      authorResidentId: author,
      channel: onPaper ? 'offline' : 'online',
    },
  );
}

/**
 * A cycle of 虞山街道 drafted and published by its officer, its proposals submitted one every
 * `submitted.every` days, every community's round table putting all of them in the pool, and
 * voting open: what each cycle that has reached voting shares. Days are offsets from today.
 */
export async function seedCycleUpToVoting(
  day: Day,
  by: By,
  plan: {
    cycleId: string;
    /** 虞山街道 unless named. */
    streetId?: string;
    officer: string;
    title: [string, string];
    year: number;
    budgets: [string, number][];
    schedule: Record<keyof CycleDefinition['schedule'], number>;
    options: Partial<Pick<CycleDefinition, 'aggregation' | 'publicityDays' | 'bulletinMinimum'>>;
    drafted: number;
    published: number;
    submitted: { from: number; every: number };
    pools: DemoPool[];
    /** `season` names the round tables; `proposer`: a proposer attended. */
    roundTable: { day: number; season: string; proposer: boolean; notes: string };
  },
): Promise<void> {
  const { cycleId, officer, schedule, pools, roundTable } = plan;
  await cycleCommands.draftCycle(by(officer, plan.drafted), {
    cycleId,
    streetId: plan.streetId ?? 'yushan',
    ...demoCycle(
      ...plan.title,
      plan.year,
      plan.budgets,
      Object.fromEntries(
        Object.entries(schedule).map(([phase, offset]) => [phase, day(offset)]),
      ) as CycleDefinition['schedule'],
    ),
    ...plan.options,
  });
  await cycleCommands.publishCycle(by(officer, plan.published), { cycleId });
  await advanceCyclePhase(by(officer, schedule.proposing), {
    cycleId,
    to: 'proposing',
  });
  let offset = plan.submitted.from;
  for (const { communityId, worker, proposals } of pools) {
    for (const proposal of proposals) {
      await submitDemoProposal(by, offset, { cycleId, communityId, worker }, proposal);
      offset += plan.submitted.every;
    }
  }
  await advanceCyclePhase(by(officer, schedule.screening), {
    cycleId,
    to: 'screening',
  });
  for (const { communityId, worker, proposals } of pools) {
    await proposalCommands.recordRoundTable(by(worker, roundTable.day), {
      roundTableId: `demo-roundtable-${communityId}-${roundTable.season}`,
      cycleId,
      communityId,
      date: day(roundTable.day),
      attendees: [
        { role: 'chair' },
        { role: 'recorder' },
        { role: 'resident_representative' },
        { role: 'resident_representative' },
        { role: 'resident_representative' },
        ...(roundTable.proposer ? [{ role: 'proposer' as const }] : []),
      ],
      notes: roundTable.notes,
      decisions: proposals.map(([proposalId]) => ({ proposalId, decision: 'pool' as const })),
    });
  }
  await advanceCyclePhase(by(officer, schedule.voting), { cycleId, to: 'voting' });
}
