// A meeting's public page: its notice (agenda, time, place, participants by kind, when the notice
// was given, and whether it was late), attendance and quorum, and each motion's result. No names.
import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, cookies, params }) => ({
  meeting: await locals.api.meeting.meeting.query({
    meetingId: params.meetingId,
    minPosition: lastWrite(cookies),
  }),
});
