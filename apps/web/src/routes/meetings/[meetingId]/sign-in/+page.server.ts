// Signing in to a meeting on one's own phone: the QR code on the projector opens this page with
// the code of its 30-second window; the resident signs in (as a member when on the roster, else as
// an attendee, 列席). Residents only; anyone else is sent to sign in first.
import { m } from '$lib/paraglide/messages';
import { formText, itemRefusal, itemSuccess } from '$lib/server/forms';
import { rememberWrite } from '$lib/server/read-your-writes';
import { requireSignIn } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  if (locals.user?.kind !== 'resident') requireSignIn(url, 'resident');
  const meeting = await locals.api.meeting.meeting.query({ meetingId: params.meetingId });
  return { meeting, code: url.searchParams.get('code') ?? '' };
};

export const actions: Actions = {
  default: async ({ request, locals, cookies, params, url }) => {
    if (locals.user?.kind !== 'resident') requireSignIn(url, 'resident');
    const code = formText(await request.formData(), 'code');
    try {
      const result = await locals.api.meeting.signIn.mutate({ meetingId: params.meetingId, code });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal('sign-in', error);
    }
    return itemSuccess('sign-in', m.meeting_signed_in());
  },
};
