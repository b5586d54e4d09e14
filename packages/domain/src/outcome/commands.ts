// An objection (异议) to a cycle's selection during its public notice (公示, 群众共督): stream
// `objection-<objectionId>`.
//
// Anyone signed in files it during the notice period (see noticePeriod), against a pool project
// of a community or against the community's count. The community or its street answers it once
// while the cycle is still in publicity: upheld, with its consequence (a project against which it
// is upheld leaves the community's count; an upheld objection to the count has the bulletin
// counted again), or dismissed, each with a reason. The command handler records the new tally
// that follows an upheld objection, and the cycle is confirmed only once every objection has an
// answer (the cycle decider is told how many have none).
import { refuse } from '../shared/errors.ts';
import {
  chinaDate,
  noticePeriod,
  requirePublishedCycle,
  type CycleState,
  type PublishedCycle,
} from '../cycle/state.ts';
import { cycleStageText } from '../cycle/describe.ts';
import type {
  ObjectionConsequence,
  ObjectionTarget,
  OutcomeEventData,
  OutcomeEventOf,
} from './events.ts';
import type { ObjectionState } from './state.ts';

export interface FileObjection {
  type: 'FileObjection';
  data: OutcomeEventData<'ObjectionFiled'>;
  cycle: CycleState;
  /** The community's pool (proposal ids), read by the handler. */
  pool: readonly string[];
  /** The current instant, ISO-8601 UTC. */
  now: string;
}

export interface AnswerObjection {
  type: 'AnswerObjection';
  data: {
    objectionId: string;
    answer: 'upheld' | 'dismissed';
    reason: string;
    answeredBy: string;
  };
  cycle: CycleState;
}

export function fileObjection(
  command: FileObjection,
  state: ObjectionState,
): OutcomeEventOf<'ObjectionFiled'>[] {
  const { data } = command;
  if (state.status !== 'none') {
    return refuse(
      'conflict',
      'objection_exists',
      '这条异议已经提交过了。',
      'This objection has already been filed.',
    );
  }
  const cycle = requirePublishedCycle(command.cycle, data.cycleId);
  requireCommunity(cycle, data.communityId);
  const { from, until } = noticePeriod(cycle);
  const today = chinaDate(command.now);
  if (cycle.phase !== 'publicity' || today < from || today > until) {
    const stage = cycleStageText[cycle.phase];
    return refuse(
      'conflict',
      'not_in_notice_period',
      `只能在公示期内（${from} 至 ${until}）提出异议；项目周期目前处于「${stage['zh-CN']}」阶段。`,
      `Objections are taken during the public notice only (${from} to ${until}); the cycle is at its ${stage.en} stage.`,
    );
  }
  if (data.target.kind === 'project' && !command.pool.includes(data.target.proposalId)) {
    return refuse(
      'invalid',
      'project_not_in_pool',
      '异议所针对的项目不在该社区的项目库中。',
      'The project objected to is not in the community’s project pool.',
    );
  }
  return [{ type: 'ObjectionFiled', data }];
}

export function answerObjection(
  command: AnswerObjection,
  state: ObjectionState,
): OutcomeEventOf<'ObjectionUpheld' | 'ObjectionDismissed'>[] {
  const { data } = command;
  if (state.status === 'none') {
    return refuse(
      'not_found',
      'objection_not_found',
      `找不到异议（编号 ${data.objectionId}）。`,
      `There is no objection with id ${data.objectionId}.`,
    );
  }
  if (state.status !== 'filed') {
    return refuse(
      'conflict',
      'objection_answered',
      '这条异议已经答复过了。',
      'This objection has already been answered.',
    );
  }
  const cycle = requirePublishedCycle(command.cycle, state.cycleId);
  if (cycle.phase !== 'publicity') {
    return refuse(
      'conflict',
      'notice_over',
      '入选项目已经确认，公示阶段已结束，不能再答复异议。',
      'The selection has been confirmed and publicity is over; objections can no longer be answered.',
    );
  }
  const answered = {
    objectionId: state.objectionId,
    cycleId: state.cycleId,
    communityId: state.communityId,
    answeredBy: data.answeredBy,
    reason: data.reason,
  };
  if (data.answer === 'dismissed') return [{ type: 'ObjectionDismissed', data: answered }];
  return [
    {
      type: 'ObjectionUpheld',
      data: { ...answered, consequence: consequenceOf(state.target) },
    },
  ];
}

/** What upholding an objection against `target` does. */
export const consequenceOf = (target: ObjectionTarget): ObjectionConsequence =>
  target.kind === 'project'
    ? { kind: 'project_excluded', proposalId: target.proposalId }
    : { kind: 'recount' };

function requireCommunity(cycle: PublishedCycle, communityId: string): void {
  if (!cycle.definition.communities.some((c) => c.communityId === communityId)) {
    refuse(
      'invalid',
      'community_not_in_cycle',
      `社区（编号 ${communityId}）不在本项目周期内。`,
      `The community ${communityId} is not part of this cycle.`,
    );
  }
}
