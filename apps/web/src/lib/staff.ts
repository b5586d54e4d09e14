// Staff roles and the places they are granted in, as forms name them: a place is `city`,
// `street:<id>` or `community:<id>`.
import { m } from '$lib/paraglide/messages';

export const cityRoles = ['city_admin'] as const;
export const streetRoles = ['street_officer'] as const;
export const communityRoles = [
  'community_worker',
  'committee_member',
  'consultant',
  'department_staff',
  'team_leader',
] as const;
export const staffRoles = [...cityRoles, ...streetRoles, ...communityRoles];
export type StaffRole = (typeof staffRoles)[number];

export const isStaffRole = (value: string): value is StaffRole =>
  (staffRoles as readonly string[]).includes(value);

export type Place =
  | { type: 'city' }
  | { type: 'street'; streetId: string }
  | { type: 'community'; communityId: string };

export function encodePlace(scope: {
  type: string;
  streetId?: string;
  communityId?: string;
}): string {
  if (scope.type === 'community') return `community:${scope.communityId}`;
  if (scope.type === 'street') return `street:${scope.streetId}`;
  return 'city';
}

/** The place a form names, or undefined when it names none. */
export function decodePlace(value: string): Place | undefined {
  if (value === 'city') return { type: 'city' };
  const separator = value.indexOf(':');
  const [type, id] = [value.slice(0, separator), value.slice(separator + 1)];
  if (separator < 0 || !id) return undefined;
  if (type === 'street') return { type: 'street', streetId: id };
  if (type === 'community') return { type: 'community', communityId: id };
  return undefined;
}

export function roleName(role: string): string {
  switch (role) {
    case 'city_admin':
      return m.role_city_admin();
    case 'street_officer':
      return m.role_street_officer();
    case 'community_worker':
      return m.role_community_worker();
    case 'committee_member':
      return m.role_committee_member();
    case 'consultant':
      return m.role_consultant();
    case 'department_staff':
      return m.role_department_staff();
    default:
      return m.role_team_leader();
  }
}
