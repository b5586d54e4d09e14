import { loadOverview } from '$lib/server/places';
import type { PageServerLoad } from './$types';

// Public figures of burden reduction: a street's (by default the first) or a community's; a city
// administrator also sees the whole city's. No account needed.
export const load: PageServerLoad = async ({ locals, cookies, url }) => {
  const overview = await loadOverview(locals.api, cookies);
  const streets = overview.streets.filter((s) => s.status === 'open');
  const chosen = url.searchParams.get('place') ?? `street:${streets[0]?.streetId ?? ''}`;
  const [type, id] = chosen.split(':') as [string, string | undefined];
  const isCityAdmin = locals.user?.grants.some((g) => g.role === 'city_admin') ?? false;
  const figures =
    type === 'city' && isCityAdmin
      ? await locals.api.ledger.cityFigures.query()
      : type === 'community' && id
        ? await locals.api.ledger.figures.query({ communityId: id })
        : await locals.api.ledger.figures.query({ streetId: id ?? streets[0]!.streetId });
  return { streets, chosen, figures, isCityAdmin };
};
