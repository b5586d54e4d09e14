// A meeting's public page: its notice (agenda, time, place, participants by kind, when the notice
// was given, and whether it was late), attendance and quorum, each motion's result, and how each
// adopted resolution is followed through (落实反馈). No names.
import { orNotFound } from '$lib/server/cycles';
import { orNotYet, pastView } from '$lib/server/as-of';
import { loadOverview } from '$lib/server/places';
import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  // As of a past day (`?asOf=`): the meeting and its resolutions as they stood then.
  const view = pastView(event);
  const minPosition = view.asOf === null ? lastWrite(event.cookies) : undefined;
  const input = { meetingId: event.params.meetingId, minPosition };
  const [meeting, { resolutions }] = await Promise.all([
    orNotFound(orNotYet(view, view.api.meeting.meeting.query(input))),
    orNotFound(orNotYet(view, view.api.meeting.resolutions.query(input))),
  ]);
  // A street's own body is shown under the street's name (it belongs to no community).
  const street =
    meeting.communityId === null
      ? ((await loadOverview(event.locals.api, event.cookies)).streets.find(
          (s) => s.streetId === meeting.streetId,
        ) ?? null)
      : null;
  return { asOf: view.asOf, nowHref: view.nowHref, meeting, resolutions, street };
};
