import { describe, it } from 'vitest';
import { cityDecider } from '../../src/organisation/index.ts';
import type { CityEvent } from '../../src/organisation/index.ts';
import { given, refused } from '../given.ts';

const registered: CityEvent = {
  type: 'CityRegistered',
  data: { cityId: 'qinhu', name: '琴湖市', nameEn: 'Qinhu City' },
};

describe('city', () => {
  it('is registered once', () =>
    given(cityDecider, [])
      .when({ type: 'RegisterCity', data: registered.data })
      .then([registered]));

  it('refuses a second registration', () =>
    given(cityDecider, [registered])
      .when({ type: 'RegisterCity', data: registered.data })
      .then(refused('conflict', 'city_exists')));
});
