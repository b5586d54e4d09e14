// A street's deliberative body (街道议事协商委员会): established with no community, its resident
// members drawn from any community of the street, its meetings convened for the street.
import { describe, expect, it } from 'vitest';
import {
  bodyDecider,
  defaultBodyRules,
  meetingDecider,
  meetingUpcasters,
  type BodyCommand,
  type MeetingEventOf,
  type MemberKind,
} from '../../src/meeting/index.ts';
import { fold } from '../../src/shared/index.ts';
import { given, refused } from '../given.ts';

const streetBody: MeetingEventOf<'MeetingBodyEstablished'> = {
  type: 'MeetingBodyEstablished',
  data: {
    bodyId: 'committee',
    communityId: null,
    streetId: 'yushan',
    kind: 'residents_council',
    name: '虞山街道议事协商委员会',
    rules: defaultBodyRules('residents_council'),
  },
};

const join = (
  residentId: string,
  kind: MemberKind,
  residentStreets: string[],
): Extract<BodyCommand, { type: 'JoinBody' }> => ({
  type: 'JoinBody',
  data: { bodyId: 'committee', residentId, kind, role: 'member', from: '2026-03-01' },
  residentKnown: true,
  residentStreets,
});

describe('a street’s deliberative body', () => {
  it('is established for the street, with no community', () => {
    given(bodyDecider, [])
      .when({ type: 'EstablishBody', data: streetBody.data })
      .then([streetBody]);
  });

  it('takes residents with a tie to any community of the street, and refuses one from another street', () => {
    given(bodyDecider, [streetBody])
      .when(join('from-shuyuan', 'resident', ['yushan']))
      .then([{ type: 'BodyMemberJoined', data: join('from-shuyuan', 'resident', []).data }]);
    given(bodyDecider, [streetBody])
      .when(join('elsewhere', 'resident', ['changfu']))
      .then(refused('invalid', 'not_of_street'));
    given(bodyDecider, [streetBody])
      .when(join('no-tie', 'resident', []))
      .then(refused('invalid', 'not_of_street'));
  });

  it('takes units, experts and the other parties of the 2015 list without a tie, as a community’s body does', () => {
    for (const kind of ['expert', 'unit', 'party_organisation', 'social_organisation'] as const) {
      given(bodyDecider, [streetBody])
        .when(join('outside', kind, []))
        .then([{ type: 'BodyMemberJoined', data: join('outside', kind, []).data }]);
    }
  });

  it('leaves a community’s body as it was: a resident member needs no tie there', () => {
    const communityBody = { ...streetBody, data: { ...streetBody.data, communityId: 'shuyuan' } };
    given(bodyDecider, [communityBody])
      .when(join('anyone', 'resident', []))
      .then([{ type: 'BodyMemberJoined', data: join('anyone', 'resident', []).data }]);
  });

  it('convenes meetings for the street: the meeting carries no community', () => {
    const body = fold(bodyDecider, [
      streetBody,
      { type: 'BodyMemberJoined', data: join('r1', 'resident', []).data },
    ]);
    const [convened] = meetingDecider.decide(
      {
        type: 'ConveneMeeting',
        data: {
          meetingId: 'mtg',
          bodyId: 'committee',
          title: '街道议事协商会',
          agenda: [{ itemId: 'i1', title: '老旧小区加装电梯', reserved: false }],
          startsAt: '2026-04-10T01:00:00.000Z',
          place: '街道便民服务中心',
        },
        body,
        now: '2026-04-01T01:00:00.000Z',
      },
      meetingDecider.initialState(),
    );
    expect(convened).toMatchObject({
      type: 'MeetingConvened',
      data: { communityId: null, streetId: 'yushan' },
    });
  });

  it('reads a community’s v1 events as v2 unchanged (the log is never rewritten)', () => {
    const v1 = { ...streetBody.data, communityId: 'shuyuan' };
    for (const type of [
      'MeetingBodyEstablished',
      'MeetingConvened',
      'MinutesDrafted',
      'ResolutionAssigned',
    ]) {
      expect(meetingUpcasters[type]![1]!(v1)).toEqual(v1);
    }
  });
});
