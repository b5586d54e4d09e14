// The street's meetings page, for its officers and the city's administrators: the street's own
// deliberative bodies (街道议事协商委员会) with their meetings, establishing one and convening it,
// and the decisions of all its meetings left open past their due day (落实反馈).
import { m } from '$lib/paraglide/messages';
import { mayOverseeStreet } from '$lib/ledger/labels';
import { loadOverview } from '$lib/server/places';
import { conveneMeeting, establishBody } from '$lib/server/meeting-actions';
import { lastWrite } from '$lib/server/read-your-writes';
import { refusePage } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, cookies, parent }) => {
  const { community, staff } = await parent();
  const streetId = community.streetId;
  if (!mayOverseeStreet(staff.grants, streetId)) refusePage(m.meeting_street_title(), staff);
  const minPosition = lastWrite(cookies);
  const [{ resolutions }, { bodies }, { meetings }, overview] = await Promise.all([
    locals.api.meeting.streetOverdueResolutions.query({ streetId, minPosition }),
    locals.api.meeting.bodies.query({ streetId, minPosition }),
    locals.api.meeting.meetings.query({ streetId, minPosition }),
    loadOverview(locals.api, cookies),
  ]);
  const communities = overview.streets.find((s) => s.streetId === streetId)?.communities ?? [];
  return { resolutions, bodies, meetings, communities, streetId };
};

export const actions: Actions = { establish: establishBody, convene: conveneMeeting };
