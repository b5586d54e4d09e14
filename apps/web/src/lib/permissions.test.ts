import { describe, expect, test } from 'vitest';
import {
  administeredStreets,
  canActInPerson,
  canAdministerStaff,
  careCommunities,
  staffHome,
} from './permissions';

const shuyuan = { communityId: 'shuyuan', streetId: 'yushan' };
const hongqiao = { communityId: 'hongqiao', streetId: 'yushan' };
const qinfeng = { communityId: 'qinfeng', streetId: 'qinchuan' };
const communities = [shuyuan, hongqiao, qinfeng];

const worker = { role: 'community_worker', scope: { type: 'community' as const, ...shuyuan } };
const committee = { role: 'committee_member', scope: { type: 'community' as const, ...shuyuan } };
const officer = { role: 'street_officer', scope: { type: 'street' as const, streetId: 'yushan' } };
const admin = { role: 'city_admin', scope: { type: 'city' as const } };
const consultant = { role: 'consultant', scope: { type: 'community' as const, ...shuyuan } };

describe('careCommunities', () => {
  test('a community role reaches its community, a street officer the street’s', () => {
    expect(careCommunities([worker], communities)).toEqual([shuyuan]);
    expect(careCommunities([officer], communities)).toEqual([shuyuan, hongqiao]);
  });

  test('roles that do not look after residents reach none, the city administrator’s included', () => {
    expect(careCommunities([consultant, admin], communities)).toEqual([]);
  });
});

describe('canActInPerson', () => {
  test('only a community worker of the community', () => {
    expect(canActInPerson([worker], shuyuan)).toBe(true);
    expect(canActInPerson([worker], hongqiao)).toBe(false);
    expect(canActInPerson([committee, officer], shuyuan)).toBe(false);
  });
});

describe('staff administration', () => {
  test('city administrators and street officers, each within their scope', () => {
    expect(canAdministerStaff([admin])).toBe(true);
    expect(canAdministerStaff([officer])).toBe(true);
    expect(canAdministerStaff([worker, committee])).toBe(false);
    expect(administeredStreets([officer, worker])).toEqual(['yushan']);
  });
});

describe('staffHome', () => {
  test('the first section the roles open', () => {
    expect(staffHome([officer])).toBe('/admin/organisation');
    expect(staffHome([worker])).toBe('/work');
    expect(staffHome([committee])).toBe('/work');
    expect(staffHome([consultant])).toBe('/implementation');
  });
});
