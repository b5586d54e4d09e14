// Cycle definitions for the micro-project tests: money in fen, a schedule in the far future so
// that amendments are never in the past (phase moves then carry a reason).
import type { CycleDefinition } from '@gongzhi/domain';

export const SCHEDULE: CycleDefinition['schedule'] = {
  proposing: '2030-03-01',
  screening: '2030-04-01',
  voting: '2030-05-10',
  publicity: '2030-05-20',
  implementing: '2030-06-01',
  evaluating: '2030-11-01',
  closed: '2030-12-31',
};

/** A cycle of 虞山街道 for 书院社区 and 虹桥社区 (¥200,000 and ¥150,000). */
export function cycleDefinition(overrides: Partial<CycleDefinition> = {}): CycleDefinition {
  return {
    title: '2030年度民生微实事',
    titleEn: 'Micro-projects 2030',
    year: 2030,
    communities: [
      { communityId: 'shuyuan', budget: 20_000_000 },
      { communityId: 'hongqiao', budget: 15_000_000 },
    ],
    caps: { works: 10_000_000, services: 5_000_000, goods: 3_000_000 },
    allowed: [{ code: 'A1', text: '小区公共设施维修' }],
    excluded: [
      { code: 'N1', text: '涉及私人产权的项目', textEn: 'Projects on private property' },
      { code: 'N2', text: '已列入政府年度计划的项目' },
    ],
    eligibility: { tieKinds: ['lives', 'works', 'studies'], minAge: 16 },
    ballot: { kind: 'approval', maxProjects: 3 },
    aggregation: 'greedy',
    publicityDays: 5,
    schedule: SCHEDULE,
    ...overrides,
  };
}
