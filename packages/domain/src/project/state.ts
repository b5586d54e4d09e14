// A selected micro-project (家园共建): stream `project-<proposalId>`. The state folded from the
// stream and what pages derive from it (the stage, physical progress); the commands are in
// commands/, wired in decider.ts.
import type { Implementer, MilestonePlan, ProjectEvent, ProjectEventData } from './events.ts';

/** The gated stages, in order: each is reached only from the one before it. */
export const projectStages = [
  'opened',
  'approved',
  'budget_reviewed',
  'contracted',
  'started',
  'completed',
  'accepted',
  'settled',
  'evaluated',
] as const;
export type ProjectStage = (typeof projectStages)[number];

export interface ProjectMilestone extends MilestonePlan {
  reachedOn?: string;
}

export type ProjectState =
  | { status: 'none' }
  | {
      status: 'open' | 'suspended' | 'cancelled';
      opened: ProjectEventData<'ProjectOpened'>;
      stage: ProjectStage;
      implementer?: Implementer;
      approvedBudget?: number;
      contractValue?: number;
      finalAmount?: number;
      milestones: ProjectMilestone[];
      paymentIds: string[];
      spent: number;
      /** The last acceptance verdict, if any. */
      verdict?: 'passed' | 'conditional' | 'failed';
      survey?: { opensOn: string; closesOn: string; closed: boolean };
    };

export type ExistingProject = Exclude<ProjectState, { status: 'none' }>;

export const initialProjectState = (): ProjectState => ({ status: 'none' });

const stageAfter: Partial<Record<ProjectEvent['type'], ProjectStage>> = {
  ProjectApproved: 'approved',
  ProjectBudgetReviewed: 'budget_reviewed',
  ProjectContractAwarded: 'contracted',
  ProjectWorksStarted: 'started',
  ProjectWorksCompleted: 'completed',
  ProjectSettled: 'settled',
  ProjectEvaluated: 'evaluated',
};

export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  if (event.type === 'ProjectOpened') {
    return {
      status: 'open',
      opened: event.data,
      stage: 'opened',
      milestones: [],
      paymentIds: [],
      spent: 0,
    };
  }
  if (state.status === 'none') return state;
  const stage = stageAfter[event.type];
  const next = stage === undefined ? state : { ...state, stage };
  switch (event.type) {
    case 'ProjectApproved':
      return { ...next, implementer: event.data.implementer };
    case 'ProjectBudgetReviewed':
      return { ...next, approvedBudget: event.data.approvedBudget };
    case 'ProjectContractAwarded':
      return { ...next, contractValue: event.data.contractValue };
    case 'ProjectWorksStarted':
      return { ...next, milestones: event.data.milestones.map((m) => ({ ...m })) };
    case 'ProjectMilestoneReached':
      return {
        ...next,
        milestones: next.milestones.map((m) =>
          m.milestoneId === event.data.milestoneId ? { ...m, reachedOn: event.data.reachedOn } : m,
        ),
      };
    case 'ProjectPaymentMade':
      return {
        ...next,
        spent: next.spent + event.data.amount,
        paymentIds: [...next.paymentIds, event.data.paymentId],
      };
    case 'ProjectAcceptanceRecorded':
      return {
        ...next,
        verdict: event.data.verdict,
        stage: event.data.verdict === 'passed' ? 'accepted' : next.stage,
      };
    case 'ProjectSettled':
      return { ...next, finalAmount: event.data.finalAmount };
    case 'ProjectSurveyOpened':
      return {
        ...next,
        survey: { opensOn: event.data.opensOn, closesOn: event.data.closesOn, closed: false },
      };
    case 'ProjectSurveyClosed':
      return next.survey ? { ...next, survey: { ...next.survey, closed: true } } : next;
    case 'ProjectSuspended':
      return { ...next, status: 'suspended' };
    case 'ProjectResumed':
      return { ...next, status: 'open' };
    case 'ProjectCancelled':
      return { ...next, status: 'cancelled' };
    case 'ProjectHandedToTeam':
      return { ...next, implementer: { kind: 'team', teamId: event.data.teamId } };
    default:
      return next;
  }
}

/** Physical progress in whole percent: the weights of the milestones reached, never typed. */
export function physicalProgress(
  milestones: readonly { weight: number; reachedOn?: string | null }[],
) {
  const total = milestones.reduce((sum, m) => sum + m.weight, 0);
  if (total === 0) return 0;
  const reached = milestones.reduce((sum, m) => sum + (m.reachedOn ? m.weight : 0), 0);
  return Math.floor((reached * 100) / total);
}

/** Financial progress in whole percent: spent against the contract (or the budget before it). */
export function financialProgress(spent: number, base: number | null | undefined): number {
  if (!base) return 0;
  return Math.min(100, Math.floor((spent * 100) / base));
}

/** What the money the project holds is measured against now: the final account, the contract, the budget. */
export const moneyCeiling = (state: ExistingProject): number | undefined =>
  state.finalAmount ?? state.contractValue;

/**
 * The fewest answers a survey needs to judge by: 30, or 5 % of the community's voters (rounded
 * up) when that is fewer, and at least one.
 */
export const surveyMinimum = (voters: number): number =>
  Math.max(1, Math.min(30, Math.ceil(voters * 0.05)));
