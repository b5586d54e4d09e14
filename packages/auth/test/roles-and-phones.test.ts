import { describe, expect, it } from 'vitest';
import {
  covers,
  hasGrant,
  isMainlandMobile,
  isRole,
  maskPhone,
  normalizeMainlandMobile,
  ROLE_LABELS,
  ROLES,
  type Grant,
  type Scope,
} from '../src/index.ts';

const city: Scope = { type: 'city' };
const shajiabang: Scope = { type: 'street', streetId: 'st-shajiabang' };
const yushan: Scope = { type: 'street', streetId: 'st-yushan' };
const lakeside: Scope = {
  type: 'community',
  communityId: 'cm-lakeside',
  streetId: 'st-shajiabang',
};
const riverside: Scope = {
  type: 'community',
  communityId: 'cm-riverside',
  streetId: 'st-shajiabang',
};
const hillside: Scope = { type: 'community', communityId: 'cm-hillside', streetId: 'st-yushan' };

describe('scopes', () => {
  it('the city covers everything', () => {
    for (const target of [city, shajiabang, yushan, lakeside, hillside])
      expect(covers(city, target)).toBe(true);
  });

  it('a street covers itself and its communities only', () => {
    expect(covers(shajiabang, shajiabang)).toBe(true);
    expect(covers(shajiabang, lakeside)).toBe(true);
    expect(covers(shajiabang, riverside)).toBe(true);
    expect(covers(shajiabang, hillside)).toBe(false);
    expect(covers(shajiabang, yushan)).toBe(false);
    expect(covers(shajiabang, city)).toBe(false);
  });

  it('a community covers itself only', () => {
    expect(covers(lakeside, lakeside)).toBe(true);
    expect(covers(lakeside, riverside)).toBe(false);
    expect(covers(lakeside, shajiabang)).toBe(false);
    expect(covers(lakeside, city)).toBe(false);
  });

  it('finds a grant of the right role in a covering scope', () => {
    const grants: Grant[] = [
      { role: 'community_worker', scope: lakeside },
      { role: 'street_officer', scope: yushan },
    ];
    expect(hasGrant(grants, 'community_worker', lakeside)).toBe(true);
    expect(hasGrant(grants, 'community_worker', riverside)).toBe(false);
    expect(hasGrant(grants, ['committee_member', 'street_officer'], hillside)).toBe(true);
    expect(hasGrant(grants, 'city_admin', lakeside)).toBe(false);
  });
});

describe('roles', () => {
  it('has a Chinese and an English label for every role', () => {
    expect(ROLES).toHaveLength(8);
    for (const role of ROLES) {
      expect(ROLE_LABELS[role]['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(ROLE_LABELS[role].en).toMatch(/^[A-Z]/);
    }
    expect(isRole('street_officer')).toBe(true);
    expect(isRole('mayor')).toBe(false);
  });
});

describe('mobile numbers', () => {
  it('masks the middle four digits', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('1234567')).toBe('*******');
  });

  it('recognizes mainland mobile numbers and normalizes how people type them', () => {
    expect(isMainlandMobile('13812341234')).toBe(true);
    expect(isMainlandMobile('19912341234')).toBe(true);
    expect(isMainlandMobile('12812341234')).toBe(false);
    expect(isMainlandMobile('1381234123')).toBe(false);
    expect(isMainlandMobile('138 1234 1234')).toBe(false);
    expect(normalizeMainlandMobile('+86 138-1234-1234')).toBe('13812341234');
    expect(normalizeMainlandMobile('008613812341234')).toBe('13812341234');
    expect(normalizeMainlandMobile('021-12345678')).toBeUndefined();
  });
});
