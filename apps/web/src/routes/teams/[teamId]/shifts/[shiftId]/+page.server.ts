import QRCode from 'qrcode';
import { m } from '$lib/paraglide/messages';
import { orNotFound } from '$lib/server/cycles';
import { formText, itemRefusal, itemSuccess } from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { requireSignIn } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

// A shift at its place, on the leader's phone: the rotating sign-in code as a QR code (it changes
// every 30 seconds; the page reloads itself), who signed up, confirmed, checked in and out,
// buttons to record someone without a phone, and closing the shift.
export const load: PageServerLoad = async ({ locals, cookies, params, url }) => {
  if (!locals.user) requireSignIn(url, 'staff');
  const view = await orNotFound(
    locals.api.team.shift.query({ shiftId: params.shiftId, minPosition: lastWrite(cookies) }),
  );
  const checkIn = view.code
    ? `${url.origin}/checkin/${encodeURIComponent(view.shift.activityId)}/${encodeURIComponent(
        params.shiftId,
      )}?code=${view.code.code}`
    : null;
  const qr = checkIn ? await QRCode.toString(checkIn, { type: 'svg', margin: 1 }) : null;
  return { ...view, checkIn, qr };
};

async function attendance(
  request: Request,
  locals: App.Locals,
  cookies: Parameters<typeof rememberWrite>[0],
  shiftId: string,
) {
  const data = await request.formData();
  const activityId = formText(data, 'activityId');
  const accountId = formText(data, 'accountId');
  const direction = formText(data, 'direction') === 'out' ? 'out' : 'in';
  try {
    const result = await locals.api.team.recordAttendance.mutate({
      activityId,
      shiftId,
      accountId,
      direction,
    });
    rememberWrite(cookies, result.position);
  } catch (error) {
    return itemRefusal(accountId, error);
  }
  return itemSuccess(accountId, direction === 'in' ? m.team_checked_in() : m.team_checked_out());
}

export const actions: Actions = {
  attend: ({ request, locals, cookies, params }) =>
    attendance(request, locals, cookies, params.shiftId),

  close: async ({ request, locals, cookies, params }) => {
    const activityId = formText(await request.formData(), 'activityId');
    try {
      const result = await locals.api.team.closeShift.mutate({
        activityId,
        shiftId: params.shiftId,
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal('close', error);
    }
    return itemSuccess('close', m.team_shift_closed());
  },
};
