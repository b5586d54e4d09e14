import { loadOverview } from '$lib/server/places';
import { pastView } from '$lib/server/as-of';
import type { PageServerLoad } from './$types';

// Public figures of burden reduction: a street's (by default the first) or a community's; a city
// administrator also sees the whole city's. No account needed. A street's or a community's may be
// seen as of a past day (`?asOf=`); the city's, for its administrators only, is today's.
export const load: PageServerLoad = async (event) => {
  const { locals, cookies, url } = event;
  const overview = await loadOverview(locals.api, cookies);
  const streets = overview.streets.filter((s) => s.status === 'open');
  const chosen = url.searchParams.get('place') ?? `street:${streets[0]?.streetId ?? ''}`;
  const [type, id] = chosen.split(':') as [string, string | undefined];
  const isCityAdmin = locals.user?.grants.some((g) => g.role === 'city_admin') ?? false;
  const city = type === 'city' && isCityAdmin;
  const view = pastView(event);
  const asOf = city ? null : view.asOf;
  const api = city ? locals.api : view.api;
  const figures = city
    ? await locals.api.ledger.cityFigures.query()
    : type === 'community' && id
      ? await api.ledger.figures.query({ communityId: id })
      : await api.ledger.figures.query({ streetId: id ?? streets[0]!.streetId });
  return { streets, chosen, figures, isCityAdmin, asOf, nowHref: view.nowHref };
};
