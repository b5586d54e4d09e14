// The project stream (家园共建): opened once per winner after confirmation, its stages gated in
// order, money kept within the budget and the contract, acceptance by a signed committee, and
// suspension or cancellation with a reason releasing what was not spent.
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/shared/index.ts';
import {
  physicalProgress,
  projectDecider,
  surveyAnswerDecider,
  type ProjectEvent,
  type ProjectEventOf,
  type SurveyAnswerEvent,
} from '../../src/project/index.ts';
import type { CycleState, PublishedCycle } from '../../src/cycle/index.ts';
import { cycleAt, definition, residentOf } from '../cycle/fixtures.ts';
import { given, refused } from '../given.ts';

const projectId = 'p-handrails';
const by = 'dept-1';
const digest = 'a'.repeat(64);

const opened: ProjectEventOf<'ProjectOpened'> = {
  type: 'ProjectOpened',
  data: {
    projectId,
    cycleId: 'c2025',
    proposalId: projectId,
    streetId: 'yushan',
    communityId: 'hupan',
    title: '楼梯扶手加装',
    category: 'works',
    selectedCost: 3_000_000,
    votes: 12,
    ballotCount: 20,
    tallyDigest: digest,
  },
};
const approved: ProjectEventOf<'ProjectApproved'> = {
  type: 'ProjectApproved',
  data: {
    projectId,
    by: 'officer',
    implementer: { kind: 'department', name: '虞山街道城建办' },
    documents: [],
  },
};
const reviewed: ProjectEventOf<'ProjectBudgetReviewed'> = {
  type: 'ProjectBudgetReviewed',
  data: { projectId, by: 'officer', approvedBudget: 3_000_000 },
};
const award = {
  projectId,
  by,
  method: 'inquiry' as const,
  bidders: [
    { name: '琴湖建设', amount: 2_800_000 },
    { name: '虞城装饰', amount: 2_950_000 },
  ],
  contractor: '琴湖建设',
  contractValue: 2_800_000,
  reason: '报价最低，资质符合要求。',
  documents: [],
};
const awarded: ProjectEvent = { type: 'ProjectContractAwarded', data: award };
const milestones = [
  { milestoneId: 'm1', title: '拆除旧设施', weight: 30, plannedOn: '2025-06-10' },
  { milestoneId: 'm2', title: '安装扶手', weight: 70, plannedOn: '2025-06-30' },
];
const started: ProjectEventOf<'ProjectWorksStarted'> = {
  type: 'ProjectWorksStarted',
  data: { projectId, by, startedOn: '2025-06-01', milestones, photos: [] },
};
const reached = (milestoneId: string): ProjectEventOf<'ProjectMilestoneReached'> => ({
  type: 'ProjectMilestoneReached',
  data: { projectId, by, milestoneId, reachedOn: '2025-06-12', photos: [] },
});
const paid = (paymentId: string, amount: number): ProjectEventOf<'ProjectPaymentMade'> => ({
  type: 'ProjectPaymentMade',
  data: { projectId, by, paymentId, amount, paidOn: '2025-06-15' },
});
const completed: ProjectEventOf<'ProjectWorksCompleted'> = {
  type: 'ProjectWorksCompleted',
  data: { projectId, by, completedOn: '2025-07-01', photos: [] },
};
const committee = [
  { role: 'implementer' as const, name: '王工', signed: true },
  { role: 'community' as const, name: '李书记', signed: true },
  { role: 'resident_representative' as const, name: '顾阿姨', signed: true },
  { role: 'resident_representative' as const, name: '沈师傅', signed: true },
];
const acceptance = (verdict: 'passed' | 'conditional' | 'failed') => ({
  projectId,
  by,
  verdict,
  acceptedOn: '2025-07-05',
  committee,
  rectifications:
    verdict === 'conditional' ? [{ item: '三号楼扶手松动需加固', dueOn: '2025-07-20' }] : [],
});
const accepted: ProjectEvent = { type: 'ProjectAcceptanceRecorded', data: acceptance('passed') };
const implementing = cycleAt('implementing');

describe('opening a project', () => {
  const open = { type: 'OpenProject' as const, data: opened.data, cycle: implementing };

  it('opens one project per winner once the selection is confirmed', () => {
    given(projectDecider, [])
      .when({ ...open, winners: [projectId] })
      .then([opened]);
  });

  it('opens nothing again when the project exists (a retried confirmation)', () => {
    given(projectDecider, [opened])
      .when({ ...open, winners: [projectId] })
      .then([]);
  });

  it('refuses a proposal that did not win, or a cycle not yet confirmed', () => {
    given(projectDecider, [])
      .when({ ...open, winners: [] })
      .then(refused('invalid', 'not_selected'));
    given(projectDecider, [])
      .when({ ...open, cycle: cycleAt('publicity'), winners: [projectId] })
      .then(refused('conflict', 'selection_not_confirmed'));
  });
});

describe('the gated stages', () => {
  it('approves (立项) naming a department as the implementer', () => {
    given(projectDecider, [opened])
      .when({ type: 'ApproveProject', data: approved.data })
      .then([approved]);
  });

  it('takes no stage out of order, and none twice', () => {
    given(projectDecider, [opened])
      .when({ type: 'AwardContract', data: award, cycle: implementing })
      .then(refused('conflict', 'stage_skipped'));
    given(projectDecider, [opened, approved])
      .when({ type: 'ApproveProject', data: approved.data })
      .then(refused('conflict', 'stage_done'));
    given(projectDecider, [opened, approved, reviewed, awarded])
      .when({ type: 'CompleteWorks', data: completed.data })
      .then(refused('conflict', 'stage_skipped'));
  });

  it('reviews a budget above the selected cost only with the street decision and a reason', () => {
    const above = { projectId, by: 'officer', approvedBudget: 3_200_000 };
    given(projectDecider, [opened, approved])
      .when({ type: 'ReviewBudget', data: above })
      .then(refused('invalid', 'decision_required'));
    given(projectDecider, [opened, approved])
      .when({ type: 'ReviewBudget', data: { ...above, decisionRef: '虞街〔2025〕12 号' } })
      .then(refused('invalid', 'reason_required'));
    const decided = { ...above, decisionRef: '虞街〔2025〕12 号', reason: '材料涨价。' };
    given(projectDecider, [opened, approved])
      .when({ type: 'ReviewBudget', data: decided })
      .then([{ type: 'ProjectBudgetReviewed', data: decided }]);
  });

  it('refuses a contract above the approved budget', () => {
    given(projectDecider, [opened, approved, reviewed])
      .when({
        type: 'AwardContract',
        data: { ...award, contractValue: 3_000_001 },
        cycle: implementing,
      })
      .then(refused('conflict', 'contract_above_budget'));
  });

  it('refuses a contractor who did not bid', () => {
    given(projectDecider, [opened, approved, reviewed])
      .when({
        type: 'AwardContract',
        data: { ...award, contractor: '别家公司' },
        cycle: implementing,
      })
      .then(refused('invalid', 'contractor_not_bidder'));
  });

  it('awards directly only up to the cycle threshold (default ¥50,000)', () => {
    const direct = { ...award, method: 'direct_award' as const };
    given(projectDecider, [opened, approved, reviewed])
      .when({ type: 'AwardContract', data: direct, cycle: implementing })
      .then([{ type: 'ProjectContractAwarded', data: direct }]);
    const low: CycleState = {
      ...(implementing as PublishedCycle),
      definition: { ...definition, directAwardThreshold: 2_000_000 },
    };
    given(projectDecider, [opened, approved, reviewed])
      .when({ type: 'AwardContract', data: direct, cycle: low })
      .then(refused('invalid', 'direct_award_above_threshold'));
  });

  it('starts the works with milestones whose weights add up to 100', () => {
    const wrong = [{ ...milestones[0]!, weight: 50 }, milestones[1]!];
    given(projectDecider, [opened, approved, reviewed, awarded])
      .when({ type: 'StartWorks', data: { ...started.data, milestones: wrong } })
      .then(refused('invalid', 'weights_not_100'));
    given(projectDecider, [opened, approved, reviewed, awarded])
      .when({ type: 'StartWorks', data: started.data })
      .then([started]);
  });
});

describe('milestones, progress and payments', () => {
  const working = [opened, approved, reviewed, awarded, started];

  it('derives physical progress from the weights of the milestones reached', () => {
    const state = fold(projectDecider, [...working, reached('m1')]);
    expect(state.status === 'none' ? -1 : physicalProgress(state.milestones)).toBe(30);
  });

  it('refuses an unknown milestone or one reached already', () => {
    given(projectDecider, working)
      .when({ type: 'ReachMilestone', data: reached('m9').data })
      .then(refused('not_found', 'milestone_not_found'));
    given(projectDecider, [...working, reached('m1')])
      .when({ type: 'ReachMilestone', data: reached('m1').data })
      .then(refused('conflict', 'milestone_reached'));
  });

  it('pays within the contract and refuses a payment above it', () => {
    given(projectDecider, [...working, paid('pay1', 2_000_000)])
      .when({ type: 'RecordPayment', data: paid('pay2', 800_000).data })
      .then([paid('pay2', 800_000)]);
    given(projectDecider, [...working, paid('pay1', 2_000_000)])
      .when({ type: 'RecordPayment', data: paid('pay2', 800_001).data })
      .then(refused('conflict', 'payment_above_contract'));
  });

  it('records a repeated payment id once', () => {
    given(projectDecider, [...working, paid('pay1', 100)])
      .when({ type: 'RecordPayment', data: paid('pay1', 100).data })
      .then([]);
  });

  it('pays against a milestone only once it is reached', () => {
    const against = { ...paid('pay1', 100).data, milestoneId: 'm2' };
    given(projectDecider, working)
      .when({ type: 'RecordPayment', data: against })
      .then(refused('conflict', 'milestone_not_reached'));
  });

  it('completes only once every milestone is reached', () => {
    given(projectDecider, [...working, reached('m1')])
      .when({ type: 'CompleteWorks', data: completed.data })
      .then(refused('conflict', 'milestones_open'));
    given(projectDecider, [...working, reached('m1'), reached('m2')])
      .when({ type: 'CompleteWorks', data: completed.data })
      .then([completed]);
  });
});

describe('acceptance and the final account', () => {
  const done = [
    opened,
    approved,
    reviewed,
    awarded,
    started,
    reached('m1'),
    reached('m2'),
    completed,
  ];

  it('needs the implementer, the community and two resident representatives, all signing', () => {
    given(projectDecider, done)
      .when({
        type: 'RecordAcceptance',
        data: { ...acceptance('passed'), committee: committee.slice(0, 3) },
      })
      .then(refused('invalid', 'committee_incomplete'));
    given(projectDecider, done)
      .when({
        type: 'RecordAcceptance',
        data: {
          ...acceptance('passed'),
          committee: [...committee.slice(0, 3), { ...committee[3]!, signed: false }],
        },
      })
      .then(refused('invalid', 'committee_unsigned'));
  });

  it('takes a conditional pass with rectifications, then a re-acceptance that passes', () => {
    const conditional: ProjectEvent = {
      type: 'ProjectAcceptanceRecorded',
      data: acceptance('conditional'),
    };
    given(projectDecider, done)
      .when({
        type: 'RecordAcceptance',
        data: { ...acceptance('conditional'), rectifications: [] },
      })
      .then(refused('invalid', 'rectifications_required'));
    given(projectDecider, done)
      .when({ type: 'RecordAcceptance', data: acceptance('conditional') })
      .then([conditional]);
    given(projectDecider, [...done, conditional])
      .when({ type: 'SettleProject', data: { projectId, by, finalAmount: 2_800_000 } })
      .then(refused('conflict', 'stage_skipped'));
    given(projectDecider, [...done, conditional])
      .when({ type: 'RecordAcceptance', data: acceptance('passed') })
      .then([accepted]);
  });

  it('settles within the contract, explaining a difference', () => {
    given(projectDecider, [...done, accepted])
      .when({ type: 'SettleProject', data: { projectId, by, finalAmount: 2_800_001 } })
      .then(refused('conflict', 'settlement_above_contract'));
    given(projectDecider, [...done, accepted])
      .when({ type: 'SettleProject', data: { projectId, by, finalAmount: 2_700_000 } })
      .then(refused('invalid', 'reason_required'));
    given(projectDecider, [...done, paid('pay1', 2_750_000), accepted])
      .when({
        type: 'SettleProject',
        data: { projectId, by, finalAmount: 2_700_000, reason: '少装一段。' },
      })
      .then(refused('conflict', 'settlement_below_paid'));
    given(projectDecider, [...done, accepted])
      .when({ type: 'SettleProject', data: { projectId, by, finalAmount: 2_800_000 } })
      .then([{ type: 'ProjectSettled', data: { projectId, by, finalAmount: 2_800_000 } }]);
  });
});

describe('suspending and cancelling', () => {
  const suspended: ProjectEvent = {
    type: 'ProjectSuspended',
    data: { projectId, by: 'officer', reason: '施工影响消防通道，暂停整改。' },
  };

  it('refuses every step while suspended, until resumed', () => {
    given(projectDecider, [opened, suspended])
      .when({ type: 'ApproveProject', data: approved.data })
      .then(refused('conflict', 'project_suspended'));
    given(projectDecider, [opened])
      .when({ type: 'ResumeProject', data: { projectId, by: 'officer', reason: '已整改。' } })
      .then(refused('conflict', 'project_not_suspended'));
  });

  it('cancels with a reason, releasing the budget not spent', () => {
    given(projectDecider, [opened, approved, reviewed, awarded, started, paid('pay1', 500_000)])
      .when({ type: 'CancelProject', data: { projectId, by: 'officer', reason: '居民反对。' } })
      .then([
        {
          type: 'ProjectCancelled',
          data: { projectId, by: 'officer', reason: '居民反对。', released: 2_500_000 },
        },
      ]);
    given(projectDecider, [
      opened,
      { type: 'ProjectCancelled', data: { projectId, by, reason: 'x', released: 1 } },
    ])
      .when({ type: 'ApproveProject', data: approved.data })
      .then(refused('conflict', 'project_cancelled'));
  });
});

describe('the satisfaction survey and the evaluation', () => {
  const done = [
    opened,
    approved,
    reviewed,
    awarded,
    started,
    reached('m1'),
    reached('m2'),
    completed,
    accepted,
  ];
  const settled: ProjectEvent = {
    type: 'ProjectSettled',
    data: { projectId, by, finalAmount: 2_800_000 },
  };
  const surveyOpened: ProjectEvent = {
    type: 'ProjectSurveyOpened',
    data: { projectId, by, opensOn: '2025-07-10', closesOn: '2025-07-23', voters: 20, minimum: 1 },
  };
  const counted = {
    answers: 3,
    distribution: {
      overall: [0, 0, 0, 1, 2],
      quality: [0, 0, 1, 1, 1],
      timeliness: [0, 0, 0, 2, 1],
      usefulness: [0, 0, 0, 0, 3],
    },
  };
  const open = { type: 'OpenSurvey' as const, data: { projectId, by }, cycle: implementing };

  it('opens after acceptance for the cycle days, with the minimum from the voters', () => {
    given(projectDecider, done.slice(0, -1))
      .when({ ...open, today: '2025-07-10' })
      .then(refused('conflict', 'wrong_stage'));
    given(projectDecider, done)
      .when({ ...open, today: '2025-07-10' })
      .then([surveyOpened]);
  });

  it('closes only after its last day, flagging too few answers', () => {
    const close = { type: 'CloseSurvey' as const, data: { projectId, by }, counted };
    given(projectDecider, [...done, surveyOpened])
      .when({ ...close, today: '2025-07-23' })
      .then(refused('conflict', 'survey_running'));
    given(projectDecider, [...done, surveyOpened])
      .when({ ...close, counted: { ...counted, answers: 0 }, today: '2025-07-24' })
      .then([
        {
          type: 'ProjectSurveyClosed',
          data: {
            projectId,
            by,
            result: { ...counted, answers: 0, voters: 20, minimum: 1, tooFew: true },
          },
        },
      ]);
  });

  it('publishes the evaluation once settled and the survey closed', () => {
    const evaluate = {
      type: 'EvaluateProject' as const,
      data: { projectId, by, reply: '感谢居民监督，已按意见加固扶手。' },
    };
    given(projectDecider, [...done, settled, surveyOpened])
      .when(evaluate)
      .then(refused('conflict', 'survey_not_closed'));
    const closed: ProjectEvent = {
      type: 'ProjectSurveyClosed',
      data: { projectId, by, result: { ...counted, voters: 20, minimum: 1, tooFew: false } },
    };
    given(projectDecider, [...done, surveyOpened, closed])
      .when(evaluate)
      .then(refused('conflict', 'stage_skipped'));
    given(projectDecider, [...done, settled, surveyOpened, closed])
      .when(evaluate)
      .then([{ type: 'ProjectEvaluated', data: evaluate.data }]);
  });

  it('takes an answer from an eligible resident while open, and from nobody else', () => {
    const project = fold(projectDecider, [...done, surveyOpened]);
    const answer = {
      type: 'AnswerSurvey' as const,
      data: {
        projectId,
        residentId: 'r1',
        scores: { overall: 5, quality: 4, timeliness: 4, usefulness: 5 },
      },
      project,
      cycle: implementing,
      resident: residentOf('hupan'),
      today: '2025-07-12',
    };
    given(surveyAnswerDecider, [])
      .when(answer)
      .then([{ type: 'SurveyAnswered', data: answer.data }]);
    const answered: SurveyAnswerEvent = { type: 'SurveyAnswered', data: answer.data };
    given(surveyAnswerDecider, [answered])
      .when(answer)
      .then([{ type: 'SurveyAnswered', data: answer.data }]);
    given(surveyAnswerDecider, [])
      .when({ ...answer, resident: residentOf('binhu') })
      .then(refused('forbidden', 'not_eligible'));
    given(surveyAnswerDecider, [])
      .when({ ...answer, today: '2025-07-24' })
      .then(refused('conflict', 'survey_not_open'));
  });
});
