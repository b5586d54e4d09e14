// A cycle of 虞山街道 for 2025 with two communities, shared by the cycle and proposal specs.
import type { CommunityState, StreetState } from '../../src/organisation/index.ts';
import type {
  CycleDefinition,
  CycleEvent,
  CycleEventOf,
  CyclePhase,
  CycleStage,
  CycleState,
} from '../../src/cycle/index.ts';
import type { EligibilitySubject } from '../../src/resident/index.ts';

type Registered<State> = Exclude<State, { status: 'none' }>;

export const yushan: Registered<StreetState> = {
  status: 'open',
  streetId: 'yushan',
  name: '虞山街道',
  nameEn: 'Yushan Subdistrict',
};

const community = (
  communityId: string,
  name: string,
  streetId = 'yushan',
): Registered<CommunityState> => ({
  status: 'open',
  communityId,
  streetId,
  kind: 'urban',
  name,
  nameEn: undefined,
});
export const hupan = community('hupan', '湖畔社区');
export const binhu = community('binhu', '滨湖社区');
export const closedCommunity: CommunityState = {
  ...community('old', '老街社区'),
  status: 'closed',
};
export const elsewhere = community('qinhe', '琴河社区', 'qinchuan');
export const communities = [hupan, binhu, closedCommunity, elsewhere];

/** ¥200,000, ¥150,000; caps ¥100,000 / ¥50,000 / ¥30,000 (all in fen). */
export const definition: CycleDefinition = {
  title: '2025年虞山街道民生微实事',
  titleEn: 'Yushan micro-projects 2025',
  year: 2025,
  communities: [
    { communityId: 'hupan', budget: 20_000_000 },
    { communityId: 'binhu', budget: 15_000_000 },
  ],
  caps: { works: 10_000_000, services: 5_000_000, goods: 3_000_000 },
  allowed: [{ code: 'P1', text: '小区公共设施维修' }],
  excluded: [
    { code: 'N1', text: '涉及个人或少数人利益的项目', textEn: 'projects for one person or a few' },
    { code: 'N2', text: '已有财政专项资金保障的项目' },
  ],
  eligibility: { tieKinds: ['lives', 'works', 'studies'], minAge: 16 },
  ballot: { kind: 'approval', maxProjects: 3 },
  aggregation: 'greedy',
  publicityDays: 5,
  schedule: {
    proposing: '2025-03-01',
    screening: '2025-04-01',
    voting: '2025-05-01',
    publicity: '2025-05-08',
    implementing: '2025-05-15',
    evaluating: '2025-11-01',
    closed: '2025-12-31',
  },
};

export const drafted: CycleEventOf<'CycleDrafted'> = {
  type: 'CycleDrafted',
  data: { cycleId: 'c2025', streetId: 'yushan', ...definition },
};
export const published: CycleEvent = { type: 'CyclePublished', data: { cycleId: 'c2025' } };

/** CyclePhaseAdvanced on its scheduled day (08:00 in China). */
export function advanced(from: CycleStage, to: CyclePhase, reason?: string): CycleEvent {
  const scheduledFor = definition.schedule[to];
  const at = `${scheduledFor}T00:00:00Z`;
  return {
    type: 'CyclePhaseAdvanced',
    data: { cycleId: 'c2025', from, to, at, scheduledFor, ...(reason ? { reason } : {}) },
  };
}

/** The published cycle at a stage, as a command handler would fold it. */
export const cycleAt = (phase: CycleStage): CycleState => ({
  status: 'published',
  cycleId: 'c2025',
  streetId: 'yushan',
  definition,
  phase,
});

export const draftCycle: CycleState = {
  status: 'draft',
  cycleId: 'c2025',
  streetId: 'yushan',
  definition,
};

/** A resident with a verified tie (lives) to the community, born in `birthYear`. */
export const residentOf = (communityId: string, birthYear = 1960): EligibilitySubject => ({
  status: 'active',
  birthYear,
  ties: [{ communityId, kind: 'lives', status: 'verified' }],
});
