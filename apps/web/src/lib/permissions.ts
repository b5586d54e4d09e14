// What the interface offers to whom. The API decides (see packages/api/src/routers/
// organisation.ts: streets by city_admin; communities by city_admin or the street's
// street_officer); these only hide forms a person could not use.
type Grant = {
  role: string;
  scope: { type: 'city' } | { type: 'street' | 'community'; streetId: string };
};

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
