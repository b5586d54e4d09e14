import { describe, expect, it } from 'vitest';
import {
  bodyDecider,
  meetingDecider,
  topicDecider,
  type MeetingEvent,
  type TopicCommand,
  type TopicEvent,
  type TopicEventOf,
} from '../../src/meeting/index.ts';
import { fold } from '../../src/shared/index.ts';
import { given, refused } from '../given.ts';
import { bodyEvents, established } from './fixtures.ts';

const raised = (
  topicId = 't1',
  over: Partial<TopicEventOf<'TopicRaised'>['data']> = {},
): TopicEventOf<'TopicRaised'> => ({
  type: 'TopicRaised',
  data: {
    topicId,
    communityId: 'shuyuan',
    streetId: 'yushan',
    title: '车棚漏雨',
    detail: '三号楼车棚雨天漏水。',
    raisedBy: 'resident',
    authorId: 'author',
    source: 'own',
    sourceRef: null,
    ...over,
  },
});
const body = fold(bodyDecider, bodyEvents);
const otherBody = fold(bodyDecider, [
  { ...established, data: { ...established.data, bodyId: 'other', communityId: 'qinhu' } },
]);
const accepted: TopicEvent = {
  type: 'TopicAccepted',
  data: { topicId: 't1', bodyId: 'council', note: null },
};
const support = (residentId: string, communities = ['shuyuan']): TopicCommand => ({
  type: 'SupportTopic',
  data: { topicId: 't1', residentId },
  supporterCommunities: communities,
});
const meetingOf = (bodyId: string) =>
  fold(meetingDecider, [
    {
      type: 'MeetingConvened',
      data: {
        meetingId: 'mtg',
        bodyId,
        communityId: 'shuyuan',
        streetId: 'yushan',
        bodyKind: 'residents_council',
        title: '四月议事会',
        agenda: [{ itemId: 'i1', title: '车棚漏雨', reserved: false }],
        startsAt: '2026-04-10T11:00:00.000Z',
        place: '议事厅',
        noticedAt: '2026-04-01T11:00:00.000Z',
        rules: established.data.rules,
        lateNotice: false,
        roster: [{ residentId: 'm1', kind: 'resident', role: 'chair' }],
      },
    } satisfies MeetingEvent,
  ]);

describe('a topic (议题)', () => {
  it('is raised once; a topic from another record names it, one of its own names none', () => {
    given(topicDecider, [])
      .when({ type: 'RaiseTopic', data: raised().data, authorCommunities: ['shuyuan'] })
      .then([raised()]);
    given(topicDecider, [])
      .when({ type: 'RaiseTopic', data: raised().data, authorCommunities: ['qinhu'] })
      .then(refused('forbidden', 'not_of_community'));
    given(topicDecider, [raised()])
      .when({ type: 'RaiseTopic', data: raised().data })
      .then(refused('conflict', 'topic_exists'));
    const fromProposal = raised('t2', { raisedBy: 'staff', source: 'proposal', sourceRef: 'p-1' });
    given(topicDecider, [])
      .when({ type: 'RaiseTopic', data: fromProposal.data })
      .then([fromProposal]);
    given(topicDecider, [])
      .when({ type: 'RaiseTopic', data: raised('t3', { source: 'ledger' }).data })
      .then(refused('invalid', 'source_ref'));
  });

  it('is supported by residents of its community, each once, never by its author', () => {
    given(topicDecider, [raised()])
      .when(support('s1'))
      .then([{ type: 'TopicSupported', data: { topicId: 't1', residentId: 's1' } }]);
    given(topicDecider, [
      raised(),
      { type: 'TopicSupported', data: { topicId: 't1', residentId: 's1' } },
    ])
      .when(support('s1'))
      .then([]);
    given(topicDecider, [raised()]).when(support('author')).then(refused('conflict', 'own_topic'));
    given(topicDecider, [raised()])
      .when(support('s2', ['qinhu']))
      .then(refused('forbidden', 'not_of_community'));
  });

  it('is accepted for a body of its own community only, and screened once', () => {
    given(topicDecider, [raised()])
      .when({ type: 'AcceptTopic', data: accepted.data, body })
      .then([accepted]);
    given(topicDecider, [raised(), accepted])
      .when({ type: 'AcceptTopic', data: accepted.data, body })
      .then([]);
    given(topicDecider, [raised()])
      .when({
        type: 'AcceptTopic',
        data: { topicId: 't1', bodyId: 'other', note: null },
        body: otherBody,
      })
      .then(refused('forbidden', 'body_of_other_community'));
    given(topicDecider, [raised(), accepted])
      .when({ type: 'DeclineTopic', data: { topicId: 't1', reason: '不属于社区事务' } })
      .then(refused('conflict', 'topic_screened'));
  });

  it('is declined with a reason, and then takes no support', () => {
    const declined: TopicEvent = {
      type: 'TopicDeclined',
      data: { topicId: 't1', reason: '属于物业合同纠纷，请走调解渠道。' },
    };
    given(topicDecider, [raised()])
      .when({ type: 'DeclineTopic', data: declined.data })
      .then([declined]);
    given(topicDecider, [raised(), declined])
      .when(support('s1'))
      .then(refused('conflict', 'topic_closed'));
  });

  it('is merged only into another open topic of its community', () => {
    const merge = (into: TopicEvent[]): TopicCommand => ({
      type: 'MergeTopic',
      data: { topicId: 't1', intoTopicId: 't2', reason: '同一车棚' },
      into: fold(topicDecider, into),
    });
    given(topicDecider, [raised()])
      .when(merge([raised('t2')]))
      .then([
        { type: 'TopicMerged', data: { topicId: 't1', intoTopicId: 't2', reason: '同一车棚' } },
      ]);
    given(topicDecider, [raised()])
      .when(merge([raised('t2', { communityId: 'qinhu' })]))
      .then(refused('invalid', 'merge_target'));
    given(topicDecider, [raised()]).when(merge([])).then(refused('invalid', 'merge_target'));
    given(topicDecider, [raised()])
      .when(merge([raised('t1')]))
      .then(refused('invalid', 'merge_target'));
  });

  it('goes on the agenda of a meeting of the body it was accepted for, once', () => {
    const scheduled: TopicEvent = {
      type: 'TopicScheduled',
      data: { topicId: 't1', meetingId: 'mtg', itemId: 'i1' },
    };
    const schedule = (bodyId: string): TopicCommand => ({
      type: 'ScheduleTopic',
      data: scheduled.data as TopicEventOf<'TopicScheduled'>['data'],
      meeting: meetingOf(bodyId),
    });
    given(topicDecider, [raised(), accepted]).when(schedule('council')).then([scheduled]);
    given(topicDecider, [raised(), accepted, scheduled]).when(schedule('council')).then([]);
    given(topicDecider, [raised(), accepted])
      .when(schedule('other'))
      .then(refused('conflict', 'topic_not_accepted'));
    given(topicDecider, [raised()])
      .when(schedule('council'))
      .then(refused('conflict', 'topic_not_accepted'));
    expect(fold(topicDecider, [raised(), accepted, scheduled])).toMatchObject({
      status: 'scheduled',
      meetings: ['mtg'],
    });
  });
});
