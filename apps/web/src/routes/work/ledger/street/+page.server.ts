import { m } from '$lib/paraglide/messages';
import { mayOverseeStreet } from '$lib/ledger/labels';
import { loadOverview } from '$lib/server/places';
import { lastWrite } from '$lib/server/read-your-writes';
import { refusePage } from '$lib/server/sign-in';
import type { PageServerLoad } from './$types';

// The street's dashboard: its figures by community, and the relapses waiting to be removed again.
export const load: PageServerLoad = async ({ locals, cookies, parent }) => {
  const { community, staff } = await parent();
  const streetId = community.streetId;
  if (!mayOverseeStreet(staff.grants, streetId)) refusePage(m.ledger_street_heading(), staff);
  const minPosition = lastWrite(cookies);
  const [figures, { items: relapses }, overview, offCatalogue] = await Promise.all([
    locals.api.ledger.figures.query({ streetId, minPosition }),
    locals.api.ledger.streetItems.query({ streetId, status: 'relapsed', minPosition }),
    loadOverview(locals.api, cookies),
    locals.api.catalogue.streetOffCatalogueTasks.query({ streetId, minPosition }),
  ]);
  const communities = overview.streets.find((s) => s.streetId === streetId)?.communities ?? [];
  return { figures, relapses, communities, offCatalogue };
};
