// A meeting's minutes, public and printable: the published versions. A resident who attended
// also reads the circulated draft here, signs it (a member) or asks for a correction.
import { m } from '$lib/paraglide/messages';
import { formText, itemBlank, itemRefusal, itemSuccess } from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { requireSignIn } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, cookies }) => {
  const minPosition = lastWrite(cookies);
  const { meetingId } = params;
  const [meeting, minutes, review] = await Promise.all([
    locals.api.meeting.meeting.query({ meetingId, minPosition }),
    locals.api.meeting.minutes.query({ meetingId, minPosition }),
    locals.user?.kind === 'resident'
      ? locals.api.meeting.minutesDraft.query({ meetingId, minPosition })
      : Promise.resolve(null),
  ]);
  return { meeting, minutes, review };
};

export const actions: Actions = {
  sign: async ({ locals, params, cookies, url }) => {
    if (locals.user?.kind !== 'resident') requireSignIn(url, 'resident');
    try {
      const result = await locals.api.meeting.signMinutes.mutate({ meetingId: params.meetingId });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal('review', error);
    }
    return itemSuccess('review', m.meeting_minutes_signed());
  },
  request: async ({ request, locals, params, cookies, url }) => {
    if (locals.user?.kind !== 'resident') requireSignIn(url, 'resident');
    const text = formText(await request.formData(), 'text');
    if (text === '') return itemBlank('review');
    try {
      const result = await locals.api.meeting.requestMinutesCorrection.mutate({
        meetingId: params.meetingId,
        text,
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal('review', error);
    }
    return itemSuccess('review', m.meeting_minutes_requested());
  },
};
