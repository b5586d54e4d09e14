// A meeting's notice as an A4 poster to print and post: the agenda, time and place, and a QR code
// to the notice page.
import { qrSvg } from '$lib/meeting/qr';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const meeting = await locals.api.meeting.meeting.query({ meetingId: params.meetingId });
  const noticeUrl = new URL(`/meetings/${params.meetingId}`, url.origin).toString();
  return { meeting, noticeUrl, qr: await qrSvg(noticeUrl) };
};
