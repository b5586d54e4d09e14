// The projector screen of a meeting: the sign-in QR code, which changes every 30 seconds, and who
// is present with the live quorum. The page re-reads this load when the meeting changes (server-
// sent events from /live/meeting/<id>) and when the code's window ends; without JavaScript it
// reloads itself every 30 seconds.
import { qrSvg } from '$lib/meeting/qr';
import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, cookies, params, url }) => {
  const [meeting, code] = await Promise.all([
    locals.api.meeting.attendance.query({
      meetingId: params.meetingId,
      minPosition: lastWrite(cookies),
    }),
    locals.api.meeting.signInCode.query({ meetingId: params.meetingId }),
  ]);
  const signInUrl = new URL(`/meetings/${params.meetingId}/sign-in`, url.origin);
  signInUrl.searchParams.set('code', code.code);
  return { meeting, code, signInUrl: signInUrl.toString(), qr: await qrSvg(signInUrl.toString()) };
};
