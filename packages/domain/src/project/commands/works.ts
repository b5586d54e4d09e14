// The works: started (开工) with weighted milestones, each milestone reached with photos,
// payments against the contract, completed (完工) once every milestone is reached. Money never
// goes above the contract (or the final account once settled); a refused payment writes nothing.
import { refuse } from '../../shared/errors.ts';
import type { ProjectEventData, ProjectEventOf } from '../events.ts';
import { moneyCeiling, type ProjectState } from '../state.ts';
import { money, requireStage, requireStageBefore } from './rules.ts';

export interface StartWorks {
  type: 'StartWorks';
  data: ProjectEventData<'ProjectWorksStarted'>;
}

export interface ReachMilestone {
  type: 'ReachMilestone';
  data: ProjectEventData<'ProjectMilestoneReached'>;
}

export interface RecordPayment {
  type: 'RecordPayment';
  data: ProjectEventData<'ProjectPaymentMade'>;
}

export interface CompleteWorks {
  type: 'CompleteWorks';
  data: ProjectEventData<'ProjectWorksCompleted'>;
}

/** The milestones' weights add up to 100 and each has its own id. */
export function startWorks(
  command: StartWorks,
  state: ProjectState,
): ProjectEventOf<'ProjectWorksStarted'>[] {
  const { data } = command;
  requireStageBefore(state, data.projectId, 'started');
  const total = data.milestones.reduce((sum, m) => sum + m.weight, 0);
  if (total !== 100) {
    return refuse(
      'invalid',
      'weights_not_100',
      `各节点的权重合计须为 100，现在是 ${total}。`,
      `The milestones' weights must add up to 100; they add up to ${total}.`,
      'milestones',
    );
  }
  if (new Set(data.milestones.map((m) => m.milestoneId)).size !== data.milestones.length) {
    return refuse(
      'invalid',
      'milestone_duplicate',
      '节点编号不能重复。',
      'Each milestone needs its own id.',
      'milestones',
    );
  }
  return [{ type: 'ProjectWorksStarted', data }];
}

export function reachMilestone(
  command: ReachMilestone,
  state: ProjectState,
): ProjectEventOf<'ProjectMilestoneReached'>[] {
  const { data } = command;
  const project = requireStage(state, data.projectId, ['started'], {
    zh: '节点只能在开工后、完工前记录',
    en: 'milestones are recorded between the start and the completion of the works',
  });
  const milestone = project.milestones.find((m) => m.milestoneId === data.milestoneId);
  if (milestone === undefined) {
    return refuse(
      'not_found',
      'milestone_not_found',
      `项目没有这个节点（${data.milestoneId}）。`,
      `The project has no milestone ${data.milestoneId}.`,
      'milestoneId',
    );
  }
  if (milestone.reachedOn !== undefined) {
    return refuse(
      'conflict',
      'milestone_reached',
      `节点「${milestone.title}」已于 ${milestone.reachedOn} 完成。`,
      `The milestone “${milestone.title}” was reached on ${milestone.reachedOn}.`,
      'milestoneId',
    );
  }
  return [{ type: 'ProjectMilestoneReached', data }];
}

/** A payment within the contract (or the final account), against a milestone already reached. */
export function recordPayment(
  command: RecordPayment,
  state: ProjectState,
): ProjectEventOf<'ProjectPaymentMade'>[] {
  const { data } = command;
  const project = requireStage(
    state,
    data.projectId,
    ['started', 'completed', 'accepted', 'settled'],
    {
      zh: '开工后才能记录付款',
      en: 'payments are recorded once the works have started',
    },
  );
  if (project.paymentIds.includes(data.paymentId)) return [];
  if (data.milestoneId !== undefined) {
    const milestone = project.milestones.find((m) => m.milestoneId === data.milestoneId);
    if (milestone?.reachedOn === undefined) {
      return refuse(
        'conflict',
        'milestone_not_reached',
        '只能按已完成的节点付款。',
        'Payments are made against milestones already reached.',
        'milestoneId',
      );
    }
  }
  const ceiling = moneyCeiling(project)!;
  if (project.spent + data.amount > ceiling) {
    const [c, s, left] = [money(ceiling), money(project.spent), money(ceiling - project.spent)];
    const what =
      project.finalAmount === undefined
        ? ['合同金额', 'contract value']
        : ['结算金额', 'final account'];
    return refuse(
      'conflict',
      'payment_above_contract',
      `付款后累计将超过${what[0]} ${c['zh-CN']}（已付 ${s['zh-CN']}，最多还能付 ${left['zh-CN']}）；本次付款未记录。`,
      `This payment would take the total above the ${what[1]} ${c.en} (paid ${s.en}, at most ${left.en} left); nothing was recorded.`,
      'amount',
    );
  }
  return [{ type: 'ProjectPaymentMade', data }];
}

export function completeWorks(
  command: CompleteWorks,
  state: ProjectState,
): ProjectEventOf<'ProjectWorksCompleted'>[] {
  const { data } = command;
  const project = requireStageBefore(state, data.projectId, 'completed');
  const open = project.milestones.filter((m) => m.reachedOn === undefined);
  if (open.length > 0) {
    const zh = open.map((m) => `「${m.title}」`).join('、');
    const en = open.map((m) => `“${m.title}”`).join(', ');
    return refuse(
      'conflict',
      'milestones_open',
      `还有节点未完成：${zh}；全部节点完成后才能完工。`,
      `Milestones not reached yet: ${en}; the works are completed once every milestone is reached.`,
    );
  }
  return [{ type: 'ProjectWorksCompleted', data }];
}
