// Which micro-project pages, links and forms a person is offered. The API decides (see
// packages/api/src/cycle/router.ts and proposal/router.ts); these only keep people from being
// shown forms they could not use.
type Grant = {
  role: string;
  scope:
    | { type: 'city' }
    | { type: 'street'; streetId: string }
    | { type: 'community'; streetId: string; communityId: string };
};

type Place = { streetId: string; communityId?: string };

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
