import { describe, expect, it } from 'vitest';
import {
  chinaDate,
  cycleDecider,
  cycleStageSchema,
  hasReached,
  mayAmendBudget,
  mayAmendSchedule,
  mayPublish,
  nextPhase,
} from '../../src/cycle/index.ts';
import type {
  CycleCommand,
  CycleDefinition,
  CycleEvent,
  CyclePhase,
  CycleState,
} from '../../src/cycle/index.ts';
import type { StreetState } from '../../src/organisation/index.ts';
import { DomainError, fold } from '../../src/shared/index.ts';
import { given, refused } from '../given.ts';
import {
  advanced,
  communities,
  cycleAt,
  definition,
  draftCycle,
  drafted,
  published,
  yushan,
} from './fixtures.ts';

const draft = (changes: Partial<CycleDefinition> = {}, street: StreetState = yushan) =>
  ({
    type: 'DraftCycle',
    data: { cycleId: 'c2025', streetId: 'yushan', ...definition, ...changes },
    street,
    communities,
  }) satisfies CycleCommand;

const amendDraft = (changes: Partial<CycleDefinition>) =>
  ({
    type: 'AmendCycleDraft',
    data: { cycleId: 'c2025', ...definition, ...changes },
    communities,
  }) satisfies CycleCommand;

const advance = (to: CyclePhase, now: string, reason?: string) =>
  ({
    type: 'AdvanceCyclePhase',
    data: { cycleId: 'c2025', to, reason },
    now,
  }) satisfies CycleCommand;

const amendBudget = (budgets: { communityId: string; budget: number }[]) =>
  ({
    type: 'AmendCycleBudget',
    data: { cycleId: 'c2025', budgets, reason: '街道追加预算' },
  }) satisfies CycleCommand;

const amendSchedule = (
  changes: Partial<CycleDefinition['schedule']>,
  now = '2025-03-10T02:00:00Z',
) =>
  ({
    type: 'AmendCycleSchedule',
    data: {
      cycleId: 'c2025',
      schedule: { ...definition.schedule, ...changes },
      reason: '春节顺延',
    },
    now,
  }) satisfies CycleCommand;

const proposing = [drafted, published, advanced('announced', 'proposing')];
const screening = [...proposing, advanced('proposing', 'screening')];
const voting = [...screening, advanced('screening', 'voting')];
const closed = [
  ...voting,
  advanced('voting', 'publicity'),
  advanced('publicity', 'implementing'),
  advanced('implementing', 'evaluating'),
  advanced('evaluating', 'closed'),
];

describe('cycle', () => {
  describe('DraftCycle', () => {
    it('drafts a cycle of the street with its communities, budgets and rules', () =>
      given(cycleDecider, []).when(draft()).then([drafted]));

    it('drafts without communities yet, and with a knapsack ballot', () =>
      given(cycleDecider, [])
        .when(draft({ communities: [], ballot: { kind: 'knapsack' }, aggregation: 'mes' }))
        .then([
          {
            type: 'CycleDrafted',
            data: {
              ...drafted.data,
              communities: [],
              ballot: { kind: 'knapsack' },
              aggregation: 'mes',
            },
          },
        ]));

    it('refuses a cycle id that exists', () =>
      given(cycleDecider, [drafted]).when(draft()).then(refused('conflict', 'cycle_exists')));

    it('refuses a street that does not exist or is closed', () => {
      given(cycleDecider, [])
        .when(draft({}, { status: 'none' }))
        .then(refused('not_found', 'street_not_found'));
      given(cycleDecider, [])
        .when(draft({}, { ...yushan, status: 'closed' }))
        .then(refused('conflict', 'street_closed'));
    });

    it('refuses communities that are unknown, closed, of another street or listed twice', () => {
      const withCommunity = (communityId: string) =>
        draft({ communities: [{ communityId, budget: 20_000_000 }] });
      given(cycleDecider, [])
        .when(withCommunity('nowhere'))
        .then(refused('not_found', 'community_not_found'));
      given(cycleDecider, [])
        .when(withCommunity('old'))
        .then(refused('conflict', 'community_closed'));
      given(cycleDecider, [])
        .when(withCommunity('qinhe'))
        .then(refused('invalid', 'community_outside_street'));
      given(cycleDecider, [])
        .when(
          draft({
            communities: [
              { communityId: 'hupan', budget: 20_000_000 },
              { communityId: 'hupan', budget: 10_000_000 },
            ],
          }),
        )
        .then(refused('invalid', 'community_duplicate'));
    });

    it('refuses budgets and caps of zero or less, and caps above a community’s budget', () => {
      given(cycleDecider, [])
        .when(draft({ communities: [{ communityId: 'hupan', budget: 0 }] }))
        .then(refused('invalid', 'budget_not_positive'));
      given(cycleDecider, [])
        .when(draft({ caps: { ...definition.caps, goods: -1 } }))
        .then(refused('invalid', 'cap_not_positive'));
      given(cycleDecider, [])
        .when(draft({ communities: [{ communityId: 'hupan', budget: 9_000_000 }] }))
        .then(refused('invalid', 'cap_above_budget'));
    });

    it('refuses a code twice in the allowed or the excluded list', () => {
      given(cycleDecider, [])
        .when(draft({ allowed: [...definition.allowed, { code: 'P1', text: '重复' }] }))
        .then(refused('invalid', 'list_code_duplicate'));
      given(cycleDecider, [])
        .when(draft({ excluded: [...definition.excluded, { code: 'N2', text: '重复' }] }))
        .then(refused('invalid', 'list_code_duplicate'));
    });

    it('refuses an approval ballot whose minimum is above its maximum', () =>
      given(cycleDecider, [])
        .when(draft({ ballot: { kind: 'approval', maxProjects: 2, minProjects: 3 } }))
        .then(refused('invalid', 'ballot_min_above_max')));

    it('refuses phases out of order, and a publicity shorter than its days', () => {
      given(cycleDecider, [])
        .when(draft({ schedule: { ...definition.schedule, screening: '2025-03-01' } }))
        .then(refused('invalid', 'schedule_out_of_order'));
      given(cycleDecider, [])
        .when(draft({ publicityDays: 8 }))
        .then(refused('invalid', 'publicity_too_short'));
    });
  });

  describe('AmendCycleDraft', () => {
    it('replaces the draft’s definition', () =>
      given(cycleDecider, [drafted])
        .when(amendDraft({ title: '2025年虞山街道幸福微实事' }))
        .then([
          {
            type: 'CycleDraftAmended',
            data: { cycleId: 'c2025', ...definition, title: '2025年虞山街道幸福微实事' },
          },
        ]));

    it('checks the new definition as a draft is checked', () =>
      given(cycleDecider, [drafted])
        .when(amendDraft({ communities: [{ communityId: 'qinhe', budget: 20_000_000 }] }))
        .then(refused('invalid', 'community_outside_street')));

    it('refuses a cycle that does not exist', () =>
      given(cycleDecider, []).when(amendDraft({})).then(refused('not_found', 'cycle_not_found')));

    it('refuses once the cycle is published', () =>
      given(cycleDecider, [drafted, published])
        .when(amendDraft({ title: '改名' }))
        .then(refused('conflict', 'cycle_published')));
  });

  describe('PublishCycle', () => {
    const publish = { type: 'PublishCycle', data: { cycleId: 'c2025' } } as const;

    it('publishes a draft with communities', () =>
      given(cycleDecider, [drafted]).when(publish).then([published]));

    it('refuses a draft without communities', () =>
      given(cycleDecider, [{ ...drafted, data: { ...drafted.data, communities: [] } }])
        .when(publish)
        .then(refused('invalid', 'no_communities')));

    it('refuses a cycle that does not exist, or is already published', () => {
      given(cycleDecider, []).when(publish).then(refused('not_found', 'cycle_not_found'));
      given(cycleDecider, [drafted, published])
        .when(publish)
        .then(refused('conflict', 'cycle_already_published'));
    });
  });

  describe('AdvanceCyclePhase', () => {
    it('opens proposing on its scheduled day (China time) without a reason', () =>
      // 16:30 UTC on 28 February is 00:30 on 1 March in China.
      given(cycleDecider, [drafted, published])
        .when(advance('proposing', '2025-02-28T16:30:00Z'))
        .then([
          {
            type: 'CyclePhaseAdvanced',
            data: {
              cycleId: 'c2025',
              from: 'announced',
              to: 'proposing',
              at: '2025-02-28T16:30:00Z',
              scheduledFor: '2025-03-01',
            },
          },
        ]));

    it('moves earlier or later than scheduled with a reason, and refuses without one', () => {
      given(cycleDecider, proposing)
        .when(advance('screening', '2025-03-25T02:00:00Z', '征集数量已满'))
        .then([
          {
            type: 'CyclePhaseAdvanced',
            data: {
              cycleId: 'c2025',
              from: 'proposing',
              to: 'screening',
              at: '2025-03-25T02:00:00Z',
              scheduledFor: '2025-04-01',
              reason: '征集数量已满',
            },
          },
        ]);
      given(cycleDecider, proposing)
        .when(advance('screening', '2025-03-31T15:59:00Z'))
        .then(refused('invalid', 'reason_required'));
      given(cycleDecider, proposing)
        .when(advance('screening', '2025-04-02T02:00:00Z'))
        .then(refused('invalid', 'reason_required'));
    });

    it('refuses skipping a phase, and going back or staying', () => {
      given(cycleDecider, proposing)
        .when(advance('voting', '2025-05-01T02:00:00Z'))
        .then(refused('invalid', 'phase_skipped'));
      given(cycleDecider, screening)
        .when(advance('proposing', '2025-03-01T02:00:00Z', '重新征集'))
        .then(refused('conflict', 'phase_backwards'));
      given(cycleDecider, screening)
        .when(advance('screening', '2025-04-01T02:00:00Z'))
        .then(refused('conflict', 'phase_backwards'));
    });

    it('refuses a cycle that is missing, a draft, or closed', () => {
      const command = advance('proposing', '2025-03-01T02:00:00Z');
      given(cycleDecider, []).when(command).then(refused('not_found', 'cycle_not_found'));
      given(cycleDecider, [drafted]).when(command).then(refused('conflict', 'cycle_not_published'));
      given(cycleDecider, closed)
        .when(advance('closed', '2026-01-01T02:00:00Z', '已结束'))
        .then(refused('conflict', 'cycle_closed'));
    });
  });

  describe('closing the cycle', () => {
    const evaluating = closed.slice(0, -1);
    const close = (feedbackOwed: readonly string[], projectsUnfinished: readonly string[] = []) =>
      ({
        ...advance('closed', '2025-12-31T02:00:00Z'),
        feedbackOwed,
        projectsUnfinished,
      }) satisfies CycleCommand;

    it('refuses while a project is neither evaluated nor cancelled', () =>
      given(cycleDecider, evaluating)
        .when(close([], ['楼梯扶手加装']))
        .then(refused('conflict', 'projects_unfinished')));

    it('closes once every author not selected has had feedback', () =>
      given(cycleDecider, evaluating)
        .when(close([]))
        .then([
          {
            type: 'CyclePhaseAdvanced',
            data: {
              cycleId: 'c2025',
              from: 'evaluating',
              to: 'closed',
              at: '2025-12-31T02:00:00Z',
              scheduledFor: '2025-12-31',
            },
          },
        ]));

    it('refuses while authors wait for feedback, naming their proposals', () => {
      const waiting = ['楼道休息折叠座椅', '长者食堂周末开餐'];
      given(cycleDecider, evaluating)
        .when(close(waiting))
        .then(refused('conflict', 'feedback_owed'));
      const state = fold(cycleDecider, evaluating);
      const text = (() => {
        try {
          cycleDecider.decide(close(waiting), state);
        } catch (error) {
          return (error as DomainError).text;
        }
      })();
      expect(text?.['zh-CN']).toContain('「楼道休息折叠座椅」、「长者食堂周末开餐」');
      expect(text?.en).toContain('“楼道休息折叠座椅”, “长者食堂周末开餐”');
    });
  });

  describe('AmendCycleBudget', () => {
    const hupanBudgetAmended = (budget: number, previousBudget: number): CycleEvent => ({
      type: 'CycleBudgetAmended',
      data: {
        cycleId: 'c2025',
        budgets: [{ communityId: 'hupan', budget, previousBudget }],
        reason: '街道追加预算',
      },
    });

    it('records the changed budgets with their previous amounts and the reason', () =>
      given(cycleDecider, proposing)
        .when(
          amendBudget([
            { communityId: 'hupan', budget: 25_000_000 },
            { communityId: 'binhu', budget: 15_000_000 },
          ]),
        )
        .then([hupanBudgetAmended(25_000_000, 20_000_000)]));

    it('amends from the amended amount, and records nothing when nothing changes', () => {
      const amended = hupanBudgetAmended(25_000_000, 20_000_000);
      given(cycleDecider, [...proposing, amended])
        .when(amendBudget([{ communityId: 'hupan', budget: 25_000_000 }]))
        .then([]);
      given(cycleDecider, [...proposing, amended])
        .when(amendBudget([{ communityId: 'hupan', budget: 22_000_000 }]))
        .then([hupanBudgetAmended(22_000_000, 25_000_000)]);
    });

    it('refuses a community outside the cycle, a budget of zero, or one below a cap', () => {
      given(cycleDecider, proposing)
        .when(amendBudget([{ communityId: 'qinhe', budget: 20_000_000 }]))
        .then(refused('invalid', 'community_not_in_cycle'));
      given(cycleDecider, proposing)
        .when(amendBudget([{ communityId: 'hupan', budget: 0 }]))
        .then(refused('invalid', 'budget_not_positive'));
      given(cycleDecider, proposing)
        .when(amendBudget([{ communityId: 'hupan', budget: 5_000_000 }]))
        .then(refused('invalid', 'cap_above_budget'));
    });

    it('refuses once voting has opened, before publishing, and after closing', () => {
      const command = amendBudget([{ communityId: 'hupan', budget: 25_000_000 }]);
      given(cycleDecider, voting).when(command).then(refused('conflict', 'budget_locked'));
      given(cycleDecider, [drafted]).when(command).then(refused('conflict', 'cycle_not_published'));
      given(cycleDecider, closed).when(command).then(refused('conflict', 'cycle_closed'));
    });
  });

  describe('AmendCycleSchedule', () => {
    it('moves phases that have not begun, keeping the previous schedule', () =>
      given(cycleDecider, proposing)
        .when(amendSchedule({ screening: '2025-04-08', voting: '2025-05-06' }))
        .then([
          {
            type: 'CycleScheduleAmended',
            data: {
              cycleId: 'c2025',
              schedule: { ...definition.schedule, screening: '2025-04-08', voting: '2025-05-06' },
              previousSchedule: definition.schedule,
              reason: '春节顺延',
            },
          },
        ]));

    it('lets the phase start on its new date without a reason', () => {
      const amended: CycleEvent = {
        type: 'CycleScheduleAmended',
        data: {
          cycleId: 'c2025',
          schedule: { ...definition.schedule, screening: '2025-04-08' },
          previousSchedule: definition.schedule,
          reason: '春节顺延',
        },
      };
      given(cycleDecider, [...proposing, amended])
        .when(advance('screening', '2025-04-08T02:00:00Z'))
        .then([
          {
            type: 'CyclePhaseAdvanced',
            data: {
              cycleId: 'c2025',
              from: 'proposing',
              to: 'screening',
              at: '2025-04-08T02:00:00Z',
              scheduledFor: '2025-04-08',
            },
          },
        ]);
    });

    it('records nothing when no date changes', () =>
      given(cycleDecider, proposing).when(amendSchedule({})).then([]));

    it('refuses to move a phase that has begun, or to a day already past', () => {
      given(cycleDecider, proposing)
        .when(amendSchedule({ proposing: '2025-03-02' }))
        .then(refused('conflict', 'schedule_phase_started'));
      given(cycleDecider, proposing)
        .when(amendSchedule({ screening: '2025-03-05' }))
        .then(refused('invalid', 'schedule_in_past'));
    });

    it('refuses a schedule out of order or with too short a publicity', () => {
      given(cycleDecider, proposing)
        .when(amendSchedule({ voting: '2025-05-09' }))
        .then(refused('invalid', 'schedule_out_of_order'));
      given(cycleDecider, proposing)
        .when(amendSchedule({ implementing: '2025-05-10' }))
        .then(refused('invalid', 'publicity_too_short'));
    });

    it('refuses before publishing and after closing', () => {
      given(cycleDecider, [drafted])
        .when(amendSchedule({ voting: '2025-05-06' }))
        .then(refused('conflict', 'cycle_not_published'));
      given(cycleDecider, closed)
        .when(amendSchedule({ voting: '2025-05-06' }))
        .then(refused('conflict', 'cycle_closed'));
    });
  });
});

describe('cycle phases', () => {
  it('follow each other from announced to closed', () => {
    expect(nextPhase('announced')).toBe('proposing');
    expect(nextPhase('publicity')).toBe('implementing');
    expect(nextPhase('closed')).toBeUndefined();
    expect(hasReached('voting', 'voting')).toBe(true);
    expect(hasReached('screening', 'voting')).toBe(false);
    expect(hasReached('announced', 'proposing')).toBe(false);
  });

  it('count days on China time', () => {
    expect(chinaDate('2025-02-28T15:59:59Z')).toBe('2025-02-28');
    expect(chinaDate('2025-02-28T16:00:00Z')).toBe('2025-03-01');
  });
});

// The admin page offers an act when these predicates allow it: they must say what the decider does.
describe('what the pages offer', () => {
  const allowed = (command: CycleCommand, state: CycleState) => {
    try {
      cycleDecider.decide(command, state);
      return true;
    } catch (error) {
      if (error instanceof DomainError) return false;
      throw error;
    }
  };

  it.each(cycleStageSchema.options)('amending at the %s stage is offered as decided', (stage) => {
    const budget = amendBudget([{ communityId: 'hupan', budget: 25_000_000 }]);
    expect(mayAmendBudget(stage)).toBe(allowed(budget, cycleAt(stage)));
    const schedule = amendSchedule({ closed: '2026-01-31' });
    expect(mayAmendSchedule(stage)).toBe(allowed(schedule, cycleAt(stage)));
  });

  it('offers budgets until voting, the schedule until closing', () => {
    expect(mayAmendBudget('screening')).toBe(true);
    expect(mayAmendBudget('voting')).toBe(false);
    expect(mayAmendSchedule('evaluating')).toBe(true);
    expect(mayAmendSchedule('closed')).toBe(false);
  });

  it('offers publishing a draft with at least one community', () => {
    const publish = { type: 'PublishCycle', data: { cycleId: 'c2025' } } satisfies CycleCommand;
    const empty = { ...definition, communities: [] };
    expect(mayPublish(definition)).toBe(true);
    expect(allowed(publish, draftCycle)).toBe(true);
    expect(mayPublish(empty)).toBe(false);
    const emptyDraft: CycleState = {
      status: 'draft',
      cycleId: 'c2025',
      streetId: 'yushan',
      definition: empty,
    };
    expect(allowed(publish, emptyDraft)).toBe(false);
  });
});
