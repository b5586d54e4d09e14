// After the works: acceptance (验收) by a committee, the final account (结算); and at any time
// before it, suspending, resuming or cancelling the project with a reason, which releases the
// money not spent.
import { refuse } from '../../shared/errors.ts';
import type { ProjectEventData, ProjectEventOf } from '../events.ts';
import type { ProjectState } from '../state.ts';
import { money, requireActive, requireProject, requireStage, requireStageBefore } from './rules.ts';

export interface RecordAcceptance {
  type: 'RecordAcceptance';
  data: ProjectEventData<'ProjectAcceptanceRecorded'>;
}

export interface SettleProject {
  type: 'SettleProject';
  data: ProjectEventData<'ProjectSettled'>;
}

export interface SuspendProject {
  type: 'SuspendProject';
  data: ProjectEventData<'ProjectSuspended'>;
}

export interface ResumeProject {
  type: 'ResumeProject';
  data: ProjectEventData<'ProjectResumed'>;
}

export interface CancelProject {
  type: 'CancelProject';
  data: Omit<ProjectEventData<'ProjectCancelled'>, 'released'>;
}

/**
 * The committee: the implementer, the community and at least two resident representatives, each
 * signing. A conditional pass lists what to put right, by when; the project is accepted again
 * after it (or after a failure) until it passes.
 */
export function recordAcceptance(
  command: RecordAcceptance,
  state: ProjectState,
): ProjectEventOf<'ProjectAcceptanceRecorded'>[] {
  const { data } = command;
  requireStage(state, data.projectId, ['completed'], {
    zh: '完工后、验收通过前才能记录验收',
    en: 'acceptance is recorded after completion and until the project passes',
  });
  const count = (role: string) => data.committee.filter((m) => m.role === role).length;
  if (count('implementer') < 1 || count('community') < 1 || count('resident_representative') < 2) {
    return refuse(
      'invalid',
      'committee_incomplete',
      '验收小组须包括实施单位、社区和至少两名居民代表。',
      'The committee needs the implementer, the community and at least two resident representatives.',
      'committee',
    );
  }
  const unsigned = data.committee.filter((m) => !m.signed);
  if (unsigned.length > 0) {
    return refuse(
      'invalid',
      'committee_unsigned',
      `验收记录须由每位成员签字；未签字：${unsigned.map((m) => m.name).join('、')}。`,
      `Every member signs the record; not signed: ${unsigned.map((m) => m.name).join(', ')}.`,
      'committee',
    );
  }
  if (data.verdict === 'conditional' && data.rectifications.length === 0) {
    return refuse(
      'invalid',
      'rectifications_required',
      '有条件通过须列出整改事项和期限。',
      'A conditional pass lists what must be put right and by when.',
      'rectifications',
    );
  }
  return [{ type: 'ProjectAcceptanceRecorded', data }];
}

/** 结算: not above the contract, not below what was paid; a difference from the contract explained. */
export function settleProject(
  command: SettleProject,
  state: ProjectState,
): ProjectEventOf<'ProjectSettled'>[] {
  const { data } = command;
  const project = requireStageBefore(state, data.projectId, 'settled');
  const contract = project.contractValue!;
  if (data.finalAmount > contract) {
    const c = money(contract);
    return refuse(
      'conflict',
      'settlement_above_contract',
      `结算金额不能超过合同金额 ${c['zh-CN']}。`,
      `The final account cannot be above the contract value ${c.en}.`,
      'finalAmount',
    );
  }
  if (data.finalAmount < project.spent) {
    const s = money(project.spent);
    return refuse(
      'conflict',
      'settlement_below_paid',
      `结算金额不能低于已付款 ${s['zh-CN']}。`,
      `The final account cannot be below the ${s.en} already paid.`,
      'finalAmount',
    );
  }
  if (data.finalAmount !== contract && data.reason === undefined) {
    return refuse(
      'invalid',
      'reason_required',
      '结算金额与合同金额不同，须说明原因。',
      'The final account differs from the contract value; explain why.',
      'reason',
    );
  }
  return [{ type: 'ProjectSettled', data }];
}

const settledAlready = () =>
  refuse(
    'conflict',
    'project_settled',
    '项目已结算，不能暂停或撤销。',
    'The project is settled; it can no longer be suspended or cancelled.',
  );

export function suspendProject(
  command: SuspendProject,
  state: ProjectState,
): ProjectEventOf<'ProjectSuspended'>[] {
  const project = requireActive(state, command.data.projectId);
  if (project.stage === 'settled') settledAlready();
  return [{ type: 'ProjectSuspended', data: command.data }];
}

export function resumeProject(
  command: ResumeProject,
  state: ProjectState,
): ProjectEventOf<'ProjectResumed'>[] {
  const project = requireProject(state, command.data.projectId);
  if (project.status !== 'suspended') {
    return refuse(
      'conflict',
      'project_not_suspended',
      '项目没有暂停。',
      'The project is not suspended.',
    );
  }
  return [{ type: 'ProjectResumed', data: command.data }];
}

/** Cancels the project; what was not paid of its budget (or selected cost) is released. */
export function cancelProject(
  command: CancelProject,
  state: ProjectState,
): ProjectEventOf<'ProjectCancelled'>[] {
  const project = requireProject(state, command.data.projectId);
  if (project.status === 'cancelled') return [];
  if (project.stage === 'settled') settledAlready();
  const held = project.approvedBudget ?? project.opened.selectedCost;
  return [
    {
      type: 'ProjectCancelled',
      data: { ...command.data, released: Math.max(0, held - project.spent) },
    },
  ];
}
