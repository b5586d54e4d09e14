// A meeting's public page: its notice (agenda, time, place, participants by kind, when the notice
// was given, and whether it was late), attendance and quorum, each motion's result, and how each
// adopted resolution is followed through (落实反馈). No names.
import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, cookies, params }) => {
  const input = { meetingId: params.meetingId, minPosition: lastWrite(cookies) };
  const [meeting, { resolutions }] = await Promise.all([
    locals.api.meeting.meeting.query(input),
    locals.api.meeting.resolutions.query(input),
  ]);
  return { meeting, resolutions };
};
