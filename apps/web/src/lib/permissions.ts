// What the interface offers to whom. The API decides (every procedure declares its roles and
// scope, packages/api/src/<module>/router.ts); these only choose which pages, links and forms a
// person sees, so that nobody is shown a form they could not use.
type Grant = {
  role: string;
  scope:
    | { type: 'city' }
    | { type: 'street'; streetId: string }
    | { type: 'community'; streetId: string; communityId: string };
};

type Community = { communityId: string; streetId: string };
type Place = { streetId: string; communityId?: string };

export function canRegisterStreet(grants: readonly Grant[]): boolean {
  return grants.some((grant) => grant.role === 'city_admin');
}

export function canManageCommunitiesOf(grants: readonly Grant[], streetId: string): boolean {
  return grants.some(
    (grant) =>
      grant.role === 'city_admin' ||
      (grant.role === 'street_officer' &&
        grant.scope.type === 'street' &&
        grant.scope.streetId === streetId),
  );
}

/** Roles that look after a community's residents: verification queue and resident search. */
const residentCareRoles = ['community_worker', 'committee_member', 'street_officer'];

function reaches(grant: Grant, place: Place): boolean {
  switch (grant.scope.type) {
    case 'city':
      return true;
    case 'street':
      return grant.scope.streetId === place.streetId;
    case 'community':
      return place.communityId !== undefined && grant.scope.communityId === place.communityId;
  }
}

/** Communities whose verification queue and residents the person may see. */
export function careCommunities<C extends Community>(
  grants: readonly Grant[],
  communities: readonly C[],
): C[] {
  return communities.filter((community) =>
    grants.some((grant) => residentCareRoles.includes(grant.role) && reaches(grant, community)),
  );
}

export function mayCareForResidents(grants: readonly Grant[]): boolean {
  return grants.some((grant) => residentCareRoles.includes(grant.role));
}

/** Acts for a resident who came in person (register, declare a tie, request an erasure): workers only. */
export function canActInPerson(grants: readonly Grant[], community: Community): boolean {
  return grants.some((grant) => grant.role === 'community_worker' && reaches(grant, community));
}

/**
 * Confirms or stops a worker's erasure of a resident: the community's workers (not the one who
 * requested it; the API says so) and the officers of its street.
 */
export function canConfirmErasures(grants: readonly Grant[], community: Community): boolean {
  return grants.some(
    (grant) =>
      (grant.role === 'community_worker' || grant.role === 'street_officer') &&
      grant.scope.type !== 'city' &&
      reaches(grant, community),
  );
}

/** City administrators manage all staff; street officers those of their streets' communities. */
export function canAdministerStaff(grants: readonly Grant[]): boolean {
  return grants.some((grant) => grant.role === 'city_admin' || grant.role === 'street_officer');
}

/** Streets whose staff a street officer administers (the city administrator sees all). */
export function administeredStreets(grants: readonly Grant[]): string[] {
  return grants.flatMap((grant) =>
    grant.role === 'street_officer' && grant.scope.type === 'street' ? [grant.scope.streetId] : [],
  );
}

/**
 * Where a staff member lands after signing in: the first section their roles open. Community
 * work starts at its overview, which counts what waits in each queue.
 */
export function staffHome(grants: readonly Grant[]): string {
  if (canAdministerStaff(grants)) return '/admin/organisation';
  if (mayCareForResidents(grants)) return '/work';
  if (leadsTeams(grants)) return '/service';
  if (keepsProjectDesk(grants)) return '/implementation';
  return '/account';
}

// Cycles, screening, objections and surveys.
const has = (grants: readonly Grant[], roles: readonly string[], place: Place) =>
  grants.some((grant) => roles.includes(grant.role) && reaches(grant, place));

/** Street officers (of the street) and city administrators set up cycles and move phases. */
export const mayManageCycles = (grants: readonly Grant[], streetId: string) =>
  has(grants, ['city_admin', 'street_officer'], { streetId });

export const managesAnyCycles = (grants: readonly Grant[]) =>
  grants.some((grant) => grant.role === 'city_admin' || grant.role === 'street_officer');

/** Community workers take in, merge and screen proposals and record round-tables. */
export const mayScreen = (grants: readonly Grant[], community: Required<Place>) =>
  has(grants, ['community_worker'], community);

/** Community workers of the community, street officers of its street and city administrators answer objections. */
export const mayAnswerObjections = (grants: readonly Grant[], community: Required<Place>) =>
  has(grants, ['community_worker', 'street_officer', 'city_admin'], community);

/** Consultants and department staff record site surveys. */
export const surveyRoles = ['consultant', 'department_staff'] as const;

export const maySurveyAnywhere = (grants: readonly Grant[]) =>
  grants.some((grant) => (surveyRoles as readonly string[]).includes(grant.role));

/** The communities where the person records surveys, of those given. */
export function surveyCommunities<C extends Required<Place>>(
  grants: readonly Grant[],
  communities: readonly C[],
): C[] {
  return communities.filter((community) => has(grants, surveyRoles, community));
}

/** Who the person surveys as: a consultant, else a department. */
export function surveyorOf(grants: readonly Grant[], community: Required<Place>) {
  return has(grants, ['consultant'], community) ? ('consultant' as const) : ('department' as const);
}

// Projects (家园共建): the street approves, reviews budgets, suspends and cancels; the implementer
// (department staff of the project's community, or the street) records the rest.
const streetRoles = ['street_officer', 'city_admin'];
const implementerRoles = ['department_staff', ...streetRoles];

export function mayActAsStreetOnProject(grants: readonly Grant[], place: Community): boolean {
  return grants.some((grant) => streetRoles.includes(grant.role) && reaches(grant, place));
}

export function mayImplementProject(grants: readonly Grant[], place: Community): boolean {
  return grants.some((grant) => implementerRoles.includes(grant.role) && reaches(grant, place));
}
/** Who names supervisors and hides comments on a project: its community's workers and the street. */
export function mayModerateProject(grants: readonly Grant[], place: Community): boolean {
  return grants.some(
    (grant) => ['community_worker', ...streetRoles].includes(grant.role) && reaches(grant, place),
  );
}

/** Volunteer team leaders: their start page is their service and the teams they lead. */
export const leadsTeams = (grants: readonly Grant[]) =>
  grants.some((grant) => grant.role === 'team_leader');

/** Staff who post service needs and accept teams' claims (the API's TEAM_STAFF). */
const teamStaffRoles = ['community_worker', 'street_officer', 'city_admin'];

/** The communities whose service needs the person may post. */
export function needCommunities<C extends Community>(
  grants: readonly Grant[],
  communities: readonly C[],
): C[] {
  return communities.filter((community) =>
    grants.some((grant) => teamStaffRoles.includes(grant.role) && reaches(grant, community)),
  );
}

/** Who has a projects desk (/implementation): the implementers, the consultants and the street. */
const projectDeskRoles = ['consultant', ...implementerRoles];

export const keepsProjectDesk = (grants: readonly Grant[]) =>
  grants.some((grant) => projectDeskRoles.includes(grant.role));

export type DeskPlace =
  | { type: 'street'; streetId: string }
  | { type: 'community'; communityId: string; streetId: string };

/**
 * The places of a person's projects desk, one per grant: a city grant gives every street, a
 * street's its street, a community's that community unless its street is listed already.
 */
export function projectDeskPlaces(
  grants: readonly Grant[],
  streetIds: readonly string[],
): DeskPlace[] {
  const desk = grants.filter((grant) => projectDeskRoles.includes(grant.role));
  const streets = new Set(
    desk.flatMap((grant) =>
      grant.scope.type === 'city'
        ? streetIds
        : grant.scope.type === 'street'
          ? [grant.scope.streetId]
          : [],
    ),
  );
  const communities = new Map<string, DeskPlace>();
  for (const { scope } of desk) {
    if (scope.type === 'community' && !streets.has(scope.streetId))
      communities.set(scope.communityId, {
        type: 'community',
        communityId: scope.communityId,
        streetId: scope.streetId,
      });
  }
  return [
    ...[...streets].map((streetId) => ({ type: 'street' as const, streetId })),
    ...communities.values(),
  ];
}

/** Compiles and publishes the street's outcome reports: its street officers. */
export function mayCompileReports(grants: readonly Grant[], streetId: string): boolean {
  return grants.some(
    (grant) =>
      grant.role === 'street_officer' &&
      grant.scope.type === 'street' &&
      grant.scope.streetId === streetId,
  );
}

/** The streets whose outcome reports the person compiles. */
export function reportStreets(grants: readonly Grant[]): string[] {
  return grants.flatMap((grant) =>
    grant.role === 'street_officer' && grant.scope.type === 'street' ? [grant.scope.streetId] : [],
  );
}
