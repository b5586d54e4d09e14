import { describe, it } from 'vitest';
import {
  cycleDecider,
  type CycleCommand,
  type CycleEvent,
  type CycleState,
} from '../../src/cycle/index.ts';
import { fold } from '../../src/shared/index.ts';
import {
  objectionDecider,
  type ObjectionCommand,
  type OutcomeEvent,
  type OutcomeEventOf,
} from '../../src/outcome/index.ts';
import { given, refused } from '../given.ts';
import { advanced, drafted, published } from '../cycle/fixtures.ts';

// Publicity was scheduled for 2025-05-08 but began on 2025-05-09 (a reason was given): the notice
// runs five days from then, 2025-05-09 to 2025-05-13.
const publicityLate: CycleEvent = {
  type: 'CyclePhaseAdvanced',
  data: {
    cycleId: 'c2025',
    from: 'voting',
    to: 'publicity',
    at: '2025-05-09T01:00:00Z',
    scheduledFor: '2025-05-08',
    reason: '计票复核推迟一天',
  },
};
const cycleEvents = [
  drafted,
  published,
  advanced('announced', 'proposing'),
  advanced('proposing', 'screening'),
  advanced('screening', 'voting'),
  publicityLate,
];
const inPublicity = fold(cycleDecider, cycleEvents);
const confirmed = fold(cycleDecider, [...cycleEvents, advanced('publicity', 'implementing')]);
const inVoting = fold(cycleDecider, cycleEvents.slice(0, 5));

const filed: OutcomeEventOf<'ObjectionFiled'> = {
  type: 'ObjectionFiled',
  data: {
    objectionId: 'o1',
    cycleId: 'c2025',
    communityId: 'hupan',
    target: { kind: 'project', proposalId: 'p-lights' },
    text: '路灯项目的报价明显高于市场价。',
    photos: [],
    filedBy: 'r-wang',
  },
};
const countFiled: OutcomeEventOf<'ObjectionFiled'> = {
  ...filed,
  data: { ...filed.data, objectionId: 'o2', target: { kind: 'count' } },
};

const file = (
  now: string,
  changes: Partial<OutcomeEventOf<'ObjectionFiled'>['data']> = {},
  cycle: CycleState = inPublicity,
): ObjectionCommand => ({
  type: 'FileObjection',
  data: { ...filed.data, ...changes },
  cycle,
  pool: ['p-lights', 'p-benches'],
  now,
});

const answer = (
  answer: 'upheld' | 'dismissed',
  objectionId = 'o1',
  cycle: CycleState = inPublicity,
): ObjectionCommand => ({
  type: 'AnswerObjection',
  data: { objectionId, answer, reason: '经核实', answeredBy: 'worker-1' },
  cycle,
});

const answered = (objectionId = 'o1') => ({
  objectionId,
  cycleId: 'c2025',
  communityId: 'hupan',
  answeredBy: 'worker-1',
  reason: '经核实',
});

describe('objections', () => {
  describe('FileObjection', () => {
    it('files an objection to a pool project or to the count on any day of the notice', () => {
      // 16:00 UTC on 8 May is 00:00 on 9 May in China: the first day.
      given(objectionDecider, []).when(file('2025-05-08T16:00:00Z')).then([filed]);
      given(objectionDecider, [])
        .when(file('2025-05-13T15:59:00Z', { objectionId: 'o2', target: { kind: 'count' } }))
        .then([countFiled]);
    });

    it('refuses before the notice begins and after it ends, and outside publicity', () => {
      given(objectionDecider, [])
        .when(file('2025-05-08T15:59:00Z'))
        .then(refused('conflict', 'not_in_notice_period'));
      given(objectionDecider, [])
        .when(file('2025-05-13T16:00:00Z'))
        .then(refused('conflict', 'not_in_notice_period'));
      given(objectionDecider, [])
        .when(file('2025-05-05T02:00:00Z', {}, inVoting))
        .then(refused('conflict', 'not_in_notice_period'));
      given(objectionDecider, [])
        .when(file('2025-05-10T02:00:00Z', {}, confirmed))
        .then(refused('conflict', 'not_in_notice_period'));
    });

    it('refuses a project outside the pool, a community outside the cycle, a missing cycle', () => {
      const now = '2025-05-10T02:00:00Z';
      given(objectionDecider, [])
        .when(file(now, { target: { kind: 'project', proposalId: 'p-other' } }))
        .then(refused('invalid', 'project_not_in_pool'));
      given(objectionDecider, [])
        .when(file(now, { communityId: 'qinhe' }))
        .then(refused('invalid', 'community_not_in_cycle'));
      given(objectionDecider, [])
        .when(file(now, {}, { status: 'none' }))
        .then(refused('not_found', 'cycle_not_found'));
      given(objectionDecider, [filed])
        .when(file(now))
        .then(refused('conflict', 'objection_exists'));
    });
  });

  describe('AnswerObjection', () => {
    it('upholds an objection to a project by taking it out of the count', () =>
      given(objectionDecider, [filed])
        .when(answer('upheld'))
        .then([
          {
            type: 'ObjectionUpheld',
            data: {
              ...answered(),
              consequence: { kind: 'project_excluded', proposalId: 'p-lights' },
            },
          },
        ]));

    it('upholds an objection to the count by counting again', () =>
      given(objectionDecider, [countFiled])
        .when(answer('upheld', 'o2'))
        .then([
          {
            type: 'ObjectionUpheld',
            data: { ...answered('o2'), consequence: { kind: 'recount' } },
          },
        ]));

    it('dismisses an objection with a reason, after the notice period too', () =>
      given(objectionDecider, [filed])
        .when(answer('dismissed'))
        .then([{ type: 'ObjectionDismissed', data: answered() }]));

    it('answers once, only objections that exist, only before confirmation', () => {
      const dismissed: OutcomeEvent = { type: 'ObjectionDismissed', data: answered() };
      given(objectionDecider, [filed, dismissed])
        .when(answer('upheld'))
        .then(refused('conflict', 'objection_answered'));
      given(objectionDecider, [])
        .when(answer('upheld'))
        .then(refused('not_found', 'objection_not_found'));
      given(objectionDecider, [filed])
        .when(answer('dismissed', 'o1', confirmed))
        .then(refused('conflict', 'notice_over'));
    });
  });
});

describe('confirming the selection (publicity → implementing)', () => {
  const confirm = (now: string, unansweredObjections: number, reason?: string): CycleCommand => ({
    type: 'AdvanceCyclePhase',
    data: { cycleId: 'c2025', to: 'implementing', reason },
    now,
    unansweredObjections,
  });

  it('confirms after the notice period once every objection is answered', () =>
    given(cycleDecider, cycleEvents)
      .when(confirm('2025-05-15T02:00:00Z', 0))
      .then([
        {
          type: 'CyclePhaseAdvanced',
          data: {
            cycleId: 'c2025',
            from: 'publicity',
            to: 'implementing',
            at: '2025-05-15T02:00:00Z',
            scheduledFor: '2025-05-15',
          },
        },
      ]));

  it('refuses during the notice period and with objections unanswered, whatever the reason', () => {
    given(cycleDecider, cycleEvents)
      .when(confirm('2025-05-13T15:59:00Z', 0, '提前确认'))
      .then(refused('conflict', 'notice_period_open'));
    given(cycleDecider, cycleEvents)
      .when(confirm('2025-05-15T02:00:00Z', 2, '尽快实施'))
      .then(refused('conflict', 'objections_unanswered'));
  });
});
