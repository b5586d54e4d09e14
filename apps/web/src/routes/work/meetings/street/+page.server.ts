// The street's meetings dashboard: decisions of its communities' meetings left open past their
// due day (落实反馈), for the street's officers and the city's administrators.
import { m } from '$lib/paraglide/messages';
import { mayOverseeStreet } from '$lib/ledger/labels';
import { loadOverview } from '$lib/server/places';
import { lastWrite } from '$lib/server/read-your-writes';
import { refusePage } from '$lib/server/sign-in';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, cookies, parent }) => {
  const { community, staff } = await parent();
  const streetId = community.streetId;
  if (!mayOverseeStreet(staff.grants, streetId)) refusePage(m.meeting_street_title(), staff);
  const [{ resolutions }, overview] = await Promise.all([
    locals.api.meeting.streetOverdueResolutions.query({
      streetId,
      minPosition: lastWrite(cookies),
    }),
    loadOverview(locals.api, cookies),
  ]);
  const communities = overview.streets.find((s) => s.streetId === streetId)?.communities ?? [];
  return { resolutions, communities, streetId };
};
