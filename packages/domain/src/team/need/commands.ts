// A need's commands: a community worker posts it (the API checks they are staff of its
// community); a leader of a team of the same street claims it for that team; the community
// accepts one claim, and every other claim is declined with the reason given. A micro-project
// offered whole must not have its contract awarded yet; a part of one, not its works completed.
import { refuse } from '../../shared/errors.ts';
import { requireActive } from '../../project/commands/rules.ts';
import { projectStages, type ProjectState } from '../../project/state.ts';
import type { TeamState } from '../state.ts';
import { requireLeader, requireTeam } from '../commands/rules.ts';
import type { NeedEventData, NeedEventOf } from './events.ts';
import type { NeedState, PostedNeed } from './state.ts';

export interface PostNeed {
  type: 'PostNeed';
  data: NeedEventData<'NeedPosted'>;
  /** The project the need offers, when it comes from one. */
  project?: ProjectState;
  now: string;
}
export interface ClaimNeed {
  type: 'ClaimNeed';
  data: NeedEventData<'NeedClaimed'>;
  team: TeamState;
}
export interface AcceptNeedClaim {
  type: 'AcceptNeedClaim';
  data: {
    needId: string;
    teamId: string;
    by: string;
    /** Told to every other team that claimed; required when there are any. */
    reason?: string;
  };
}

export function requireNeed(state: NeedState, needId: string): PostedNeed {
  if (state.status === 'none') {
    return refuse(
      'not_found',
      'need_not_found',
      `找不到这项服务需求（编号 ${needId}）。`,
      `There is no service need with id ${needId}.`,
    );
  }
  return state;
}

function checkProject(command: PostNeed): void {
  const { source, communityId } = command.data;
  if (source.kind !== 'project') return;
  const project = requireActive(command.project ?? { status: 'none' }, source.projectId);
  if (project.opened.communityId !== communityId) {
    refuse(
      'invalid',
      'project_elsewhere',
      '这个项目不属于本社区，不能由本社区发布给团队。',
      'The project belongs to another community; this community cannot offer it to teams.',
      'source.projectId',
    );
  }
  const last = source.part === 'whole' ? 'budget_reviewed' : 'started';
  if (projectStages.indexOf(project.stage) > projectStages.indexOf(last)) {
    refuse(
      'conflict',
      'project_too_far',
      source.part === 'whole'
        ? '项目已签订施工合同，不能再整体交给团队实施。'
        : '项目已完工，不能再把其中一部分交给团队。',
      source.part === 'whole'
        ? 'The project’s contract has been awarded; it can no longer be handed to a team whole.'
        : 'The project’s works are completed; no part of it can be offered to teams any more.',
      'source.projectId',
    );
  }
}

export function postNeed(command: PostNeed, state: NeedState): NeedEventOf<'NeedPosted'>[] {
  if (state.status !== 'none') return [];
  const { startsAt, endsAt } = command.data;
  if (!(Date.parse(endsAt) > Date.parse(startsAt))) {
    refuse(
      'invalid',
      'need_ends_before_start',
      '结束时间应晚于开始时间。',
      'The end must be later than the start.',
      'endsAt',
    );
  }
  if (Date.parse(startsAt) < Date.parse(command.now)) {
    refuse(
      'invalid',
      'need_in_past',
      '服务时间已经过去，请选择以后的时间。',
      'The time of the service has passed; choose a later time.',
      'startsAt',
    );
  }
  checkProject(command);
  return [{ type: 'NeedPosted', data: command.data }];
}

export function claimNeed(command: ClaimNeed, state: NeedState): NeedEventOf<'NeedClaimed'>[] {
  const need = requireNeed(state, command.data.needId);
  const team = requireTeam(command.team, command.data.teamId);
  requireLeader(team, command.data.claimedBy);
  if (team.streetId !== need.posted.streetId) {
    return refuse(
      'forbidden',
      'need_elsewhere',
      '这项需求不在本队登记的街道，不能认领。',
      'This need is outside the street the team is registered with; it cannot claim it.',
    );
  }
  const claim = need.claims[team.teamId];
  if (claim?.status === 'claimed' || claim?.status === 'accepted') return [];
  if (need.status === 'taken') {
    return refuse(
      'conflict',
      'need_taken',
      '这项需求已由其他团队承接。',
      'Another team has already been given this need.',
    );
  }
  if (claim?.status === 'declined') {
    return refuse(
      'conflict',
      'claim_declined',
      `本队的认领已被婉拒：${claim.reason ?? ''}`,
      `The team’s claim was declined: ${claim.reason ?? ''}`,
    );
  }
  return [{ type: 'NeedClaimed', data: command.data }];
}

export function acceptNeedClaim(
  command: AcceptNeedClaim,
  state: NeedState,
): NeedEventOf<'NeedClaimAccepted' | 'NeedClaimDeclined'>[] {
  const { needId, teamId, by, reason } = command.data;
  const need = requireNeed(state, needId);
  if (need.takenBy === teamId) return [];
  if (need.status === 'taken') {
    return refuse(
      'conflict',
      'need_taken',
      '这项需求已由其他团队承接。',
      'Another team has already been given this need.',
    );
  }
  if (need.claims[teamId]?.status !== 'claimed') {
    return refuse(
      'invalid',
      'no_such_claim',
      '这个团队没有认领这项需求。',
      'This team has not claimed the need.',
      'teamId',
    );
  }
  const others = Object.entries(need.claims)
    .filter(([id, claim]) => id !== teamId && claim.status === 'claimed')
    .map(([id]) => id);
  if (others.length > 0 && !reason) {
    return refuse(
      'invalid',
      'reason_required',
      '还有其他团队认领了这项需求，请说明没有选择他们的理由。',
      'Other teams claimed this need too: say why they were not chosen.',
      'reason',
    );
  }
  return [
    { type: 'NeedClaimAccepted', data: { needId, teamId, by } },
    ...others.map((other) => ({
      type: 'NeedClaimDeclined' as const,
      data: { needId, teamId: other, by, reason: reason! },
    })),
  ];
}
