// Service needs and teams' claims: posted for the future, from a project only while it can still
// be handed over; claimed by a leader for their own team of the same street; one claim accepted,
// the others declined with the reason; a project offered whole is then implemented by the team.
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/shared/index.ts';
import {
  needDecider,
  teamDecider,
  type NeedCommand,
  type NeedEvent,
  type TeamEvent,
} from '../../src/team/index.ts';
import { projectDecider, type ProjectEvent } from '../../src/project/index.ts';
import { given, refused } from '../given.ts';
import { registered } from './fixtures.ts';

const NOW = '2026-05-01T00:00:00.000Z';
const teamA = fold(teamDecider, [registered]);
const teamB = fold(teamDecider, [
  {
    ...registered,
    data: { ...registered.data, teamId: 't2', name: '书院青年志愿队', leaders: ['leadB'] },
  },
] as TeamEvent[]);
const teamElsewhere = fold(teamDecider, [
  {
    ...registered,
    data: { ...registered.data, teamId: 't3', streetId: 'other', leaders: ['lead3'] },
  },
] as TeamEvent[]);

const posted: NeedEvent = {
  type: 'NeedPosted',
  data: {
    needId: 'n1',
    streetId: 'yushan',
    communityId: 'shuyuan',
    title: '重阳节陪老人体检',
    description: '陪同独居老人到社区卫生服务中心体检。',
    place: '书院社区卫生服务中心',
    startsAt: '2026-05-10T01:00:00.000Z',
    endsAt: '2026-05-10T04:00:00.000Z',
    people: 6,
    skills: ['陪诊'],
    source: { kind: 'community' },
    postedBy: 'worker',
  },
};
const claimed = (teamId: string, claimedBy: string): NeedEvent => ({
  type: 'NeedClaimed',
  data: { needId: 'n1', teamId, claimedBy },
});
const claim = (team = teamA, teamId = 't1', claimedBy = 'lead'): NeedCommand => ({
  type: 'ClaimNeed',
  data: { needId: 'n1', teamId, claimedBy },
  team,
});
const accept = (teamId: string, reason?: string): NeedCommand => ({
  type: 'AcceptNeedClaim',
  data: { needId: 'n1', teamId, by: 'worker', ...(reason ? { reason } : {}) },
});

const project: ProjectEvent = {
  type: 'ProjectOpened',
  data: {
    projectId: 'p1',
    cycleId: 'c1',
    proposalId: 'p1',
    streetId: 'yushan',
    communityId: 'shuyuan',
    title: '楼道助老扶手',
    category: 'works',
    selectedCost: 1_000_000,
    votes: 10,
    ballotCount: 20,
    tallyDigest: 'a'.repeat(64),
  },
};
const post = (changes: object, projectEvents: ProjectEvent[] = []): NeedCommand => ({
  type: 'PostNeed',
  data: { ...posted.data, ...changes } as Extract<NeedEvent, { type: 'NeedPosted' }>['data'],
  project: fold(projectDecider, projectEvents),
  now: NOW,
});

describe('a service need', () => {
  it('is posted for a time to come that ends after it starts', () => {
    given(needDecider, []).when(post({})).then([posted]);
    given(needDecider, [posted]).when(post({})).then([]);
    given(needDecider, [])
      .when(post({ endsAt: posted.data.startsAt }))
      .then(refused('invalid', 'need_ends_before_start'));
    given(needDecider, [])
      .when(post({ startsAt: '2026-04-01T00:00:00.000Z' }))
      .then(refused('invalid', 'need_in_past'));
  });

  it('offers a project of its own community only, whole only before the contract', () => {
    const whole = { source: { kind: 'project', projectId: 'p1', part: 'whole' } };
    given(needDecider, [])
      .when(post(whole, [project]))
      .then([{ type: 'NeedPosted', data: { ...posted.data, ...whole } } as NeedEvent]);
    given(needDecider, []).when(post(whole, [])).then(refused('not_found', 'project_not_found'));
    given(needDecider, [])
      .when(post({ ...whole, communityId: 'hupan' }, [project]))
      .then(refused('invalid', 'project_elsewhere'));
  });

  it('is claimed by a leader for their own team, of the same street, once', () => {
    given(needDecider, [posted])
      .when(claim())
      .then([claimed('t1', 'lead')]);
    given(needDecider, [posted, claimed('t1', 'lead')])
      .when(claim())
      .then([]);
    // The leader of team A names team B: refused (the leader of B did not ask).
    given(needDecider, [posted])
      .when(claim(teamB, 't2', 'lead'))
      .then(refused('forbidden', 'not_team_leader'));
    given(needDecider, [posted])
      .when(claim(teamElsewhere, 't3', 'lead3'))
      .then(refused('forbidden', 'need_elsewhere'));
    given(needDecider, []).when(claim()).then(refused('not_found', 'need_not_found'));
  });

  it('accepts one claim and declines the others with the reason', () => {
    const both = [posted, claimed('t1', 'lead'), claimed('t2', 'leadB')];
    given(needDecider, both).when(accept('t1')).then(refused('invalid', 'reason_required'));
    given(needDecider, both)
      .when(accept('t1', '银龄队有陪诊经验'))
      .then([
        { type: 'NeedClaimAccepted', data: { needId: 'n1', teamId: 't1', by: 'worker' } },
        {
          type: 'NeedClaimDeclined',
          data: { needId: 'n1', teamId: 't2', by: 'worker', reason: '银龄队有陪诊经验' },
        },
      ]);
    given(needDecider, [posted]).when(accept('t1')).then(refused('invalid', 'no_such_claim'));
    const taken = [
      ...both,
      { type: 'NeedClaimAccepted', data: { needId: 'n1', teamId: 't1', by: 'worker' } },
      {
        type: 'NeedClaimDeclined',
        data: { needId: 'n1', teamId: 't2', by: 'worker', reason: '因' },
      },
    ] as NeedEvent[];
    given(needDecider, taken).when(accept('t1')).then([]);
    given(needDecider, taken).when(accept('t2', '改')).then(refused('conflict', 'need_taken'));
    given(needDecider, taken)
      .when(claim(teamB, 't2', 'leadB'))
      .then(refused('conflict', 'need_taken'));
    const state = fold(needDecider, taken);
    expect(state.status === 'taken' && state.claims.t2).toEqual({
      status: 'declined',
      reason: '因',
    });
  });
});

describe('a project handed to a team', () => {
  const hand = {
    type: 'HandProjectToTeam' as const,
    data: { projectId: 'p1', by: 'worker', teamId: 't1', needId: 'n1' },
  };
  it('makes the team its implementer, once', () => {
    given(projectDecider, [project])
      .when(hand)
      .then([{ type: 'ProjectHandedToTeam', data: hand.data }]);
    const handed = fold(projectDecider, [
      project,
      { type: 'ProjectHandedToTeam', data: hand.data },
    ]);
    expect(handed.status !== 'none' && handed.implementer).toEqual({ kind: 'team', teamId: 't1' });
    given(projectDecider, [project, { type: 'ProjectHandedToTeam', data: hand.data }])
      .when(hand)
      .then([]);
    given(projectDecider, []).when(hand).then(refused('not_found', 'project_not_found'));
  });
});
