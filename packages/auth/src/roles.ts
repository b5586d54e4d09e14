// Who may act where. A grant gives a role in a scope; scopes nest city ⊃ street ⊃ community,
// and a grant in a scope reaches every scope inside it.
import type { LocalizedText } from '@gongzhi/domain';

export const ROLES = [
  'resident',
  'community_worker',
  'committee_member',
  'consultant',
  'department_staff',
  'team_leader',
  'street_officer',
  'city_admin',
] as const;

export type Role = (typeof ROLES)[number];

export type Scope =
  | { type: 'city' }
  | { type: 'street'; streetId: string }
  | { type: 'community'; communityId: string; streetId: string };

export interface Grant {
  role: Role;
  scope: Scope;
}

export const ROLE_LABELS: Record<Role, LocalizedText> = {
  resident: { 'zh-CN': '居民', en: 'Resident' },
  community_worker: { 'zh-CN': '社区工作者', en: 'Community worker' },
  committee_member: { 'zh-CN': '社区两委成员', en: 'Community committee member' },
  consultant: { 'zh-CN': '项目顾问', en: 'Project consultant' },
  department_staff: { 'zh-CN': '职能部门工作人员', en: 'Department staff' },
  team_leader: { 'zh-CN': '志愿服务队队长', en: 'Volunteer team leader' },
  street_officer: { 'zh-CN': '街道（镇）工作人员', en: 'Street officer' },
  city_admin: { 'zh-CN': '市级管理员', en: 'City administrator' },
};

export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

/** Whether a grant in `grantScope` reaches `target`: the city reaches all, a street its communities. */
export function covers(grantScope: Scope, target: Scope): boolean {
  switch (grantScope.type) {
    case 'city':
      return true;
    case 'street':
      return target.type !== 'city' && target.streetId === grantScope.streetId;
    case 'community':
      return target.type === 'community' && target.communityId === grantScope.communityId;
  }
}

/** Whether any of `grants` gives one of `roles` in a scope that reaches `target`. */
export function hasGrant(
  grants: readonly Grant[],
  roles: Role | readonly Role[],
  target: Scope,
): boolean {
  const wanted: readonly Role[] = typeof roles === 'string' ? [roles] : roles;
  return grants.some((grant) => wanted.includes(grant.role) && covers(grant.scope, target));
}
