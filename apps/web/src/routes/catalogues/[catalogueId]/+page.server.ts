import { orNotFound } from '$lib/server/cycles';
import type { PageServerLoad } from './$types';

// One published version: its entries, what changed from the version before and why, and for a
// certificate catalogue the look-up that tells a resident the alternative to an unlisted one.
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const version = await orNotFound(
    locals.api.catalogue.get.query({ catalogueId: params.catalogueId }),
  );
  const query = (url.searchParams.get('certificate') ?? '').trim().slice(0, 60);
  const found =
    query === ''
      ? undefined
      : (version.entries.find((e) => e.title.includes(query) || query.includes(e.title)) ?? null);
  return { version, query, found };
};
