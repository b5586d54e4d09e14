import { describe, expect, test } from 'vitest';
import { decodePlace, encodePlace } from './staff';

describe('places in forms', () => {
  test('a grant’s scope round-trips through the form value', () => {
    for (const scope of [
      { type: 'city' },
      { type: 'street', streetId: 'yushan' },
      { type: 'community', communityId: 'shuyuan' },
    ] as const) {
      expect(decodePlace(encodePlace(scope))).toEqual(scope);
    }
  });

  test('a community scope names its community only (the API looks up the street)', () => {
    expect(encodePlace({ type: 'community', communityId: 'shuyuan', streetId: 'yushan' })).toBe(
      'community:shuyuan',
    );
  });

  test.each(['', 'street:', 'town:x', 'community'])('%j names no place', (value) => {
    expect(decodePlace(value)).toBeUndefined();
  });
});
