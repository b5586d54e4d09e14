import { m } from '$lib/paraglide/messages';
import { formText, itemBlank, itemRefusal, itemSuccess } from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { requireSignIn } from '$lib/server/sign-in';
import { chinaInstant } from '$lib/team/forms';
import type { Actions, PageServerLoad } from './$types';

// My volunteer service: the teams I stand in (those I lead linked to their own page), my service
// records with their evaluation, my confirmed hours and milestones (no ranking), and asking for a
// correction of a record's times on site; my certificates of service, and asking for one.
export const load: PageServerLoad = async ({ locals, cookies, url }) => {
  if (!locals.user) requireSignIn(url, 'resident');
  const minPosition = lastWrite(cookies);
  const [mine, { certificates }] = await Promise.all([
    locals.api.team.mine.query({ minPosition }),
    locals.api.team.myCertificates.query({ minPosition }),
  ]);
  return { mine, certificates };
};

/** A sign-up, cancellation or confirmation of a shift, answered beside it. */
async function onShift(
  request: Request,
  cookies: Parameters<typeof rememberWrite>[0],
  call: (shift: { activityId: string; shiftId: string }) => Promise<{ position: string }>,
  done: string,
) {
  const data = await request.formData();
  const shift = { activityId: formText(data, 'activityId'), shiftId: formText(data, 'shiftId') };
  try {
    rememberWrite(cookies, (await call(shift)).position);
  } catch (error) {
    return itemRefusal(shift.shiftId, error);
  }
  return itemSuccess(shift.shiftId, done);
}

export const actions: Actions = {
  requestCertificate: async ({ request, locals, cookies }) => {
    const data = await request.formData();
    const [teamId, from, until] = ['teamId', 'from', 'until'].map((n) => formText(data, n));
    if (!teamId || !from || !until) return itemBlank('certificate');
    try {
      const result = await locals.api.team.requestCertificate.mutate({ teamId, from, until });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal('certificate', error);
    }
    return itemSuccess('certificate', m.team_certificate_requested());
  },

  signUp: ({ request, locals, cookies }) =>
    onShift(request, cookies, (s) => locals.api.team.signUp.mutate(s), m.team_signed_up()),
  cancel: ({ request, locals, cookies }) =>
    onShift(request, cookies, (s) => locals.api.team.cancelSignUp.mutate(s), m.team_cancelled()),
  confirmShift: ({ request, locals, cookies }) =>
    onShift(
      request,
      cookies,
      (s) => locals.api.team.confirmShift.mutate(s),
      m.team_shift_confirmed(),
    ),

  correct: async ({ request, locals, cookies }) => {
    const data = await request.formData();
    const recordId = formText(data, 'recordId');
    const date = formText(data, 'date');
    const startedAt = chinaInstant(date, formText(data, 'from'));
    const endedAt = chinaInstant(date, formText(data, 'until'));
    const reason = formText(data, 'reason');
    if (!startedAt || !endedAt || reason === '') return itemBlank(recordId);
    try {
      const result = await locals.api.team.requestCorrection.mutate({
        recordId,
        startedAt,
        endedAt,
        reason,
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal(recordId, error);
    }
    return itemSuccess(recordId, m.team_correction_sent());
  },
};
