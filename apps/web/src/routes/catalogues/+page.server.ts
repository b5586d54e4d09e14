import type { PageServerLoad } from './$types';

// The published admission catalogues, newest first; no account needed.
export const load: PageServerLoad = async ({ locals }) => ({
  versions: (await locals.api.catalogue.list.query()).versions,
});
