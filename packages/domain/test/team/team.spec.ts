// The team stream: registration with an organising body, join requests answered by a leader,
// leaving, handing over leadership, skills.
import { describe, it } from 'vitest';
import { teamDecider, type TeamCommand, type TeamEvent } from '../../src/team/index.ts';
import { given, refused } from '../given.ts';
import { registered } from './fixtures.ts';

const asked = (accountId: string): TeamEvent => ({
  type: 'TeamJoinRequested',
  data: { teamId: 't1', accountId },
});
const accepted = (accountId: string): TeamEvent => ({
  type: 'TeamJoinAccepted',
  data: { teamId: 't1', accountId, by: 'lead' },
});

const answer = (
  accountId: string,
  a: 'accepted' | 'declined',
  by = 'lead',
  reason?: string,
): TeamCommand => ({
  type: 'AnswerJoinRequest',
  data: { teamId: 't1', accountId, answer: a, by, ...(reason ? { reason } : {}) },
});

describe('a team', () => {
  it('is registered once, with distinct leaders', () => {
    given(teamDecider, []).when({ type: 'RegisterTeam', data: registered.data }).then([registered]);
    given(teamDecider, [registered])
      .when({ type: 'RegisterTeam', data: registered.data })
      .then(refused('conflict', 'team_exists'));
    given(teamDecider, [])
      .when({ type: 'RegisterTeam', data: { ...registered.data, leaders: ['a', 'a'] } })
      .then(refused('invalid', 'leader_twice'));
  });

  it('takes requests to join, once; a member cannot ask again', () => {
    given(teamDecider, [registered])
      .when({ type: 'RequestToJoinTeam', data: asked('r1').data as never })
      .then([asked('r1')]);
    given(teamDecider, [registered, asked('r1')])
      .when({ type: 'RequestToJoinTeam', data: { teamId: 't1', accountId: 'r1' } })
      .then([]);
    given(teamDecider, [registered, asked('r1'), accepted('r1')])
      .when({ type: 'RequestToJoinTeam', data: { teamId: 't1', accountId: 'r1' } })
      .then(refused('conflict', 'already_in_team'));
    given(teamDecider, [])
      .when({ type: 'RequestToJoinTeam', data: { teamId: 't1', accountId: 'r1' } })
      .then(refused('not_found', 'team_not_found'));
  });

  it('a leader accepts a request, or declines it with a reason; nobody else answers', () => {
    given(teamDecider, [registered, asked('r1')])
      .when(answer('r1', 'accepted'))
      .then([accepted('r1')]);
    given(teamDecider, [registered, asked('r1')])
      .when(answer('r1', 'declined', 'lead', '本队只招本小区居民'))
      .then([
        {
          type: 'TeamJoinDeclined',
          data: { teamId: 't1', accountId: 'r1', by: 'lead', reason: '本队只招本小区居民' },
        },
      ]);
    given(teamDecider, [registered, asked('r1')])
      .when(answer('r1', 'declined'))
      .then(refused('invalid', 'reason_required'));
    given(teamDecider, [registered, asked('r1'), asked('r2'), accepted('r2')])
      .when(answer('r1', 'accepted', 'r2'))
      .then(refused('forbidden', 'not_team_leader'));
    given(teamDecider, [registered, asked('r1'), accepted('r1')])
      .when(answer('r1', 'accepted'))
      .then(refused('conflict', 'no_join_request'));
  });

  it('members leave; the only leader hands over first', () => {
    const leave = (accountId: string): TeamCommand => ({
      type: 'LeaveTeam',
      data: { teamId: 't1', accountId },
    });
    given(teamDecider, [registered, asked('r1'), accepted('r1')])
      .when(leave('r1'))
      .then([{ type: 'TeamMemberLeft', data: { teamId: 't1', accountId: 'r1' } }]);
    given(teamDecider, [registered]).when(leave('r1')).then([]);
    given(teamDecider, [registered]).when(leave('lead')).then(refused('conflict', 'last_leader'));
    const handedOver: TeamEvent = {
      type: 'TeamLeadershipHandedOver',
      data: { teamId: 't1', from: 'lead', to: 'r1' },
    };
    given(teamDecider, [registered, asked('r1'), accepted('r1'), handedOver])
      .when(leave('lead'))
      .then([{ type: 'TeamMemberLeft', data: { teamId: 't1', accountId: 'lead' } }]);
  });

  it('a leader hands over to a member only', () => {
    const handOver = (from: string, to: string): TeamCommand => ({
      type: 'HandOverLeadership',
      data: { teamId: 't1', from, to },
    });
    given(teamDecider, [registered, asked('r1'), accepted('r1')])
      .when(handOver('lead', 'r1'))
      .then([{ type: 'TeamLeadershipHandedOver', data: { teamId: 't1', from: 'lead', to: 'r1' } }]);
    given(teamDecider, [registered, asked('r1')])
      .when(handOver('lead', 'r1'))
      .then(refused('invalid', 'not_a_member'));
    given(teamDecider, [registered, asked('r1'), accepted('r1')])
      .when(handOver('r1', 'lead'))
      .then(refused('forbidden', 'not_team_leader'));
  });

  it('a leader changes the skills; the same list changes nothing', () => {
    const skills = (list: string[], by = 'lead'): TeamCommand => ({
      type: 'ChangeTeamSkills',
      data: { teamId: 't1', skills: list, by },
    });
    given(teamDecider, [registered])
      .when(skills(['陪诊', '理发', '广场舞']))
      .then([
        {
          type: 'TeamSkillsChanged',
          data: { teamId: 't1', skills: ['陪诊', '理发', '广场舞'], by: 'lead' },
        },
      ]);
    given(teamDecider, [registered])
      .when(skills(['陪诊', '理发']))
      .then([]);
    given(teamDecider, [registered])
      .when(skills(['x'], 'worker'))
      .then(refused('forbidden', 'not_team_leader'));
  });
});
