import { describe, it } from 'vitest';
import { streetDecider } from '../../src/organisation/index.ts';
import type { StreetEvent } from '../../src/organisation/index.ts';
import { given, refused } from '../given.ts';

const registered: StreetEvent = {
  type: 'StreetRegistered',
  data: { streetId: 'yushan', name: '虞山街道', nameEn: 'Yushan Subdistrict' },
};
const closed: StreetEvent = { type: 'StreetClosed', data: { streetId: 'yushan' } };

describe('street', () => {
  describe('RegisterStreet', () => {
    it('registers a new street', () =>
      given(streetDecider, [])
        .when({ type: 'RegisterStreet', data: registered.data, namesInUse: ['琴川街道'] })
        .then([registered]));

    it('refuses a street id that exists', () =>
      given(streetDecider, [registered])
        .when({ type: 'RegisterStreet', data: registered.data, namesInUse: [] })
        .then(refused('conflict', 'street_exists')));

    it('refuses a name another open street has', () =>
      given(streetDecider, [])
        .when({ type: 'RegisterStreet', data: registered.data, namesInUse: ['虞山街道'] })
        .then(refused('conflict', 'street_name_taken')));
  });

  describe('RenameStreet', () => {
    it('renames, recording the previous name', () =>
      given(streetDecider, [registered])
        .when({
          type: 'RenameStreet',
          data: { streetId: 'yushan', name: '虞山镇', nameEn: 'Yushan Town' },
          namesInUse: [],
        })
        .then([
          {
            type: 'StreetRenamed',
            data: {
              streetId: 'yushan',
              name: '虞山镇',
              nameEn: 'Yushan Town',
              previousName: '虞山街道',
            },
          },
        ]));

    it('records nothing when neither name changes', () =>
      given(streetDecider, [registered])
        .when({
          type: 'RenameStreet',
          data: { streetId: 'yushan', name: '虞山街道', nameEn: 'Yushan Subdistrict' },
          namesInUse: [],
        })
        .then([]));

    it('refuses a street that does not exist', () =>
      given(streetDecider, [])
        .when({
          type: 'RenameStreet',
          data: { streetId: 'yushan', name: '虞山镇' },
          namesInUse: [],
        })
        .then(refused('not_found', 'street_not_found')));

    it('refuses a closed street', () =>
      given(streetDecider, [registered, closed])
        .when({
          type: 'RenameStreet',
          data: { streetId: 'yushan', name: '虞山镇' },
          namesInUse: [],
        })
        .then(refused('conflict', 'street_closed')));

    it('refuses a name another open street has', () =>
      given(streetDecider, [registered])
        .when({
          type: 'RenameStreet',
          data: { streetId: 'yushan', name: '琴川街道' },
          namesInUse: ['琴川街道'],
        })
        .then(refused('conflict', 'street_name_taken')));
  });

  describe('CloseStreet', () => {
    it('closes an open street', () =>
      given(streetDecider, [registered])
        .when({ type: 'CloseStreet', data: { streetId: 'yushan', reason: '区划调整' } })
        .then([{ type: 'StreetClosed', data: { streetId: 'yushan', reason: '区划调整' } }]));

    it('refuses a street that does not exist', () =>
      given(streetDecider, [])
        .when({ type: 'CloseStreet', data: { streetId: 'yushan' } })
        .then(refused('not_found', 'street_not_found')));

    it('refuses a street already closed', () =>
      given(streetDecider, [registered, closed])
        .when({ type: 'CloseStreet', data: { streetId: 'yushan' } })
        .then(refused('conflict', 'street_closed')));
  });
});
