import type { PageServerLoad } from './$types';

// The published admission catalogues, newest first; no account needed. Staff who keep them, and
// departments that may ask to add an item, find their pages from here.
export const load: PageServerLoad = async ({ locals }) => {
  const grants = locals.user?.kind === 'staff' ? locals.user.grants : [];
  return {
    versions: (await locals.api.catalogue.list.query()).versions,
    mayKeep: grants.some((g) => g.role === 'city_admin' || g.role === 'street_officer'),
    mayAsk: grants.some((g) =>
      ['department_staff', 'street_officer', 'city_admin'].includes(g.role),
    ),
  };
};
