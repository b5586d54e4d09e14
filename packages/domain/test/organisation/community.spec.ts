import { describe, it } from 'vitest';
import { communityDecider } from '../../src/organisation/index.ts';
import type { CommunityEvent, StreetState } from '../../src/organisation/index.ts';
import { given, refused } from '../given.ts';

const openStreet: StreetState = {
  status: 'open',
  streetId: 'yushan',
  name: '虞山街道',
  nameEn: 'Yushan Subdistrict',
};
const registered: CommunityEvent = {
  type: 'CommunityRegistered',
  data: { communityId: 'shuyuan', streetId: 'yushan', kind: 'urban', name: '书院社区' },
};
const closed: CommunityEvent = {
  type: 'CommunityClosed',
  data: { communityId: 'shuyuan', streetId: 'yushan' },
};
const register = (street: StreetState, namesInStreet: string[] = []) =>
  ({ type: 'RegisterCommunity', data: registered.data, street, namesInStreet }) as const;

describe('community', () => {
  describe('RegisterCommunity', () => {
    it('registers a community under an open street', () =>
      given(communityDecider, [])
        .when(register(openStreet, ['虹桥社区']))
        .then([registered]));

    it('registers a village', () =>
      given(communityDecider, [])
        .when({
          type: 'RegisterCommunity',
          data: { communityId: 'xiaoyi', streetId: 'yushan', kind: 'village', name: '小义村' },
          street: openStreet,
          namesInStreet: [],
        })
        .then([
          {
            type: 'CommunityRegistered',
            data: { communityId: 'xiaoyi', streetId: 'yushan', kind: 'village', name: '小义村' },
          },
        ]));

    it('refuses a community id that exists', () =>
      given(communityDecider, [registered])
        .when(register(openStreet))
        .then(refused('conflict', 'community_exists')));

    it('refuses a street that does not exist', () =>
      given(communityDecider, [])
        .when(register({ status: 'none' }))
        .then(refused('not_found', 'street_not_found')));

    it('refuses a closed street', () =>
      given(communityDecider, [])
        .when(register({ ...openStreet, status: 'closed' }))
        .then(refused('conflict', 'street_closed')));

    it('refuses a name the street already has', () =>
      given(communityDecider, [])
        .when(register(openStreet, ['书院社区']))
        .then(refused('conflict', 'community_name_taken')));
  });

  describe('RenameCommunity', () => {
    it('renames, recording the street and the previous name', () =>
      given(communityDecider, [registered])
        .when({
          type: 'RenameCommunity',
          data: { communityId: 'shuyuan', name: '书院街社区', nameEn: 'Shuyuan Street' },
          namesInStreet: [],
        })
        .then([
          {
            type: 'CommunityRenamed',
            data: {
              communityId: 'shuyuan',
              streetId: 'yushan',
              name: '书院街社区',
              nameEn: 'Shuyuan Street',
              previousName: '书院社区',
            },
          },
        ]));

    it('records nothing when neither name changes', () =>
      given(communityDecider, [registered])
        .when({
          type: 'RenameCommunity',
          data: { communityId: 'shuyuan', name: '书院社区' },
          namesInStreet: [],
        })
        .then([]));

    it('refuses a community that does not exist', () =>
      given(communityDecider, [])
        .when({
          type: 'RenameCommunity',
          data: { communityId: 'shuyuan', name: '书院街社区' },
          namesInStreet: [],
        })
        .then(refused('not_found', 'community_not_found')));

    it('refuses a closed community', () =>
      given(communityDecider, [registered, closed])
        .when({
          type: 'RenameCommunity',
          data: { communityId: 'shuyuan', name: '书院街社区' },
          namesInStreet: [],
        })
        .then(refused('conflict', 'community_closed')));

    it('refuses a name another community of the street has', () =>
      given(communityDecider, [registered])
        .when({
          type: 'RenameCommunity',
          data: { communityId: 'shuyuan', name: '虹桥社区' },
          namesInStreet: ['虹桥社区'],
        })
        .then(refused('conflict', 'community_name_taken')));
  });

  describe('CloseCommunity', () => {
    it('closes an open community', () =>
      given(communityDecider, [registered])
        .when({ type: 'CloseCommunity', data: { communityId: 'shuyuan', reason: '撤并' } })
        .then([
          {
            type: 'CommunityClosed',
            data: { communityId: 'shuyuan', streetId: 'yushan', reason: '撤并' },
          },
        ]));

    it('refuses a community that does not exist', () =>
      given(communityDecider, [])
        .when({ type: 'CloseCommunity', data: { communityId: 'shuyuan' } })
        .then(refused('not_found', 'community_not_found')));

    it('refuses a community already closed', () =>
      given(communityDecider, [registered, closed])
        .when({ type: 'CloseCommunity', data: { communityId: 'shuyuan' } })
        .then(refused('conflict', 'community_closed')));
  });
});
