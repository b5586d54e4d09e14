// A team's registration and its people: registering with a street or community and an organising
// body, asking to join, a leader's answer, leaving, handing over leadership, and the team's skills.
import { refuse } from '../../shared/errors.ts';
import type { TeamEventData, TeamEventOf } from '../events.ts';
import type { TeamState } from '../state.ts';
import { requireLeader, requireTeam } from './rules.ts';

export interface RegisterTeam {
  type: 'RegisterTeam';
  data: TeamEventData<'TeamRegistered'>;
}

export interface RequestToJoinTeam {
  type: 'RequestToJoinTeam';
  data: TeamEventData<'TeamJoinRequested'>;
}

export interface AnswerJoinRequest {
  type: 'AnswerJoinRequest';
  data: {
    teamId: string;
    accountId: string;
    answer: 'accepted' | 'declined';
    /** Required when declined: the person is told why. */
    reason?: string;
    by: string;
  };
}

export interface LeaveTeam {
  type: 'LeaveTeam';
  data: TeamEventData<'TeamMemberLeft'>;
}

export interface HandOverLeadership {
  type: 'HandOverLeadership';
  data: TeamEventData<'TeamLeadershipHandedOver'>;
}

export interface ChangeTeamSkills {
  type: 'ChangeTeamSkills';
  data: TeamEventData<'TeamSkillsChanged'>;
}

export function registerTeam(
  command: RegisterTeam,
  state: TeamState,
): TeamEventOf<'TeamRegistered'>[] {
  if (state.status !== 'none') {
    return refuse(
      'conflict',
      'team_exists',
      '这个志愿服务队已经登记过了。',
      'This volunteer team has already been registered.',
    );
  }
  if (new Set(command.data.leaders).size !== command.data.leaders.length) {
    return refuse(
      'invalid',
      'leader_twice',
      '同一位队长只能列一次。',
      'Each leader may be listed only once.',
      'leaders',
    );
  }
  return [{ type: 'TeamRegistered', data: command.data }];
}

export function requestToJoinTeam(
  command: RequestToJoinTeam,
  state: TeamState,
): TeamEventOf<'TeamJoinRequested'>[] {
  const team = requireTeam(state, command.data.teamId);
  const standing = team.people[command.data.accountId];
  if (standing === 'requested') return [];
  if (standing) {
    return refuse(
      'conflict',
      'already_in_team',
      `您已经是「${team.name}」的成员。`,
      `You are already in “${team.name}”.`,
    );
  }
  return [{ type: 'TeamJoinRequested', data: command.data }];
}

export function answerJoinRequest(
  command: AnswerJoinRequest,
  state: TeamState,
): TeamEventOf<'TeamJoinAccepted' | 'TeamJoinDeclined'>[] {
  const { teamId, accountId, answer, reason, by } = command.data;
  const team = requireTeam(state, teamId);
  requireLeader(team, by);
  if (team.people[accountId] !== 'requested') {
    return refuse(
      'conflict',
      'no_join_request',
      '这个人没有在等待加入本队的答复（可能已被处理）。',
      'This person has no request to join the team waiting (it may have been answered).',
    );
  }
  if (answer === 'accepted') return [{ type: 'TeamJoinAccepted', data: { teamId, accountId, by } }];
  if (!reason) {
    return refuse(
      'invalid',
      'reason_required',
      '婉拒加入申请时请说明理由。',
      'Say why when declining a request to join.',
      'reason',
    );
  }
  return [{ type: 'TeamJoinDeclined', data: { teamId, accountId, by, reason } }];
}

export function leaveTeam(command: LeaveTeam, state: TeamState): TeamEventOf<'TeamMemberLeft'>[] {
  const team = requireTeam(state, command.data.teamId);
  const standing = team.people[command.data.accountId];
  if (standing === undefined) return [];
  const leaders = Object.values(team.people).filter((s) => s === 'leader').length;
  if (standing === 'leader' && leaders === 1) {
    return refuse(
      'conflict',
      'last_leader',
      '您是本队唯一的队长，请先把队长职责交给另一位队员再退出。',
      'You are the team’s only leader: hand the leadership over to another member before leaving.',
    );
  }
  return [{ type: 'TeamMemberLeft', data: command.data }];
}

export function handOverLeadership(
  command: HandOverLeadership,
  state: TeamState,
): TeamEventOf<'TeamLeadershipHandedOver'>[] {
  const { teamId, from, to } = command.data;
  const team = requireTeam(state, teamId);
  requireLeader(team, from);
  if (team.people[to] !== 'member') {
    return refuse(
      'invalid',
      'not_a_member',
      '队长职责只能交给本队的队员。',
      'Leadership can only be handed over to a member of the team.',
      'to',
    );
  }
  return [{ type: 'TeamLeadershipHandedOver', data: command.data }];
}

export function changeTeamSkills(
  command: ChangeTeamSkills,
  state: TeamState,
): TeamEventOf<'TeamSkillsChanged'>[] {
  const team = requireTeam(state, command.data.teamId);
  requireLeader(team, command.data.by);
  const same =
    team.skills.length === command.data.skills.length &&
    team.skills.every((s, i) => s === command.data.skills[i]);
  return same ? [] : [{ type: 'TeamSkillsChanged', data: command.data }];
}
