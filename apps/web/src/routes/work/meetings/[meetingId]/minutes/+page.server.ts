// The minutes of a meeting as the recorder works on them: a first draft written from the
// meeting's record, redrafting, circulating to those who attended, the corrections they asked
// and the members' signatures, approving (published, immutable), and corrected versions.
import { m } from '$lib/paraglide/messages';
import { minutesDraftOf } from '$lib/meeting/minutes';
import { formText, itemBlank, itemRefusal, itemSuccess } from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, cookies, params }) => {
  const minPosition = lastWrite(cookies);
  const { meetingId } = params;
  const [meeting, { minutes }] = await Promise.all([
    locals.api.meeting.attendance.query({ meetingId, minPosition }),
    locals.api.meeting.minutesWork.query({ meetingId, minPosition }),
  ]);
  return {
    meeting,
    minutes,
    draft: minutes?.status === 'approved' ? '' : (minutes?.draftText ?? minutesDraftOf(meeting)),
  };
};

type Step = 'circulateMinutes' | 'approveMinutes';

const step = (name: Step, done: () => string): Actions[string] => {
  return async ({ locals, cookies, params }) => {
    try {
      const result = await locals.api.meeting[name].mutate({ meetingId: params.meetingId });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal(name, error);
    }
    return itemSuccess(name, done());
  };
};

export const actions: Actions = {
  draft: async ({ request, locals, cookies, params }) => {
    const text = formText(await request.formData(), 'text');
    if (text === '') return itemBlank('draft');
    try {
      const result = await locals.api.meeting.draftMinutes.mutate({
        meetingId: params.meetingId,
        text,
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal('draft', error);
    }
    return itemSuccess('draft', m.meeting_minutes_drafted());
  },
  circulate: step('circulateMinutes', () => m.meeting_minutes_circulated()),
  approve: step('approveMinutes', () => m.meeting_minutes_approved()),
  correct: async ({ request, locals, cookies, params }) => {
    const data = await request.formData();
    const text = formText(data, 'text');
    const reason = formText(data, 'reason');
    if (text === '' || reason === '') return itemBlank('correct');
    try {
      const result = await locals.api.meeting.correctMinutes.mutate({
        meetingId: params.meetingId,
        text,
        reason,
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal('correct', error);
    }
    return itemSuccess('correct', m.meeting_minutes_corrected());
  },
};
