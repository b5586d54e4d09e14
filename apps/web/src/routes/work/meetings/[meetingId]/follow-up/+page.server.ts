// Following through a meeting's decisions (落实反馈): each adopted motion gets an owner and a due
// day (and may link a micro-project proposal or a ledger item); progress is reported; it is closed
// with the report back its attendees and the topic's supporters read.
import { m } from '$lib/paraglide/messages';
import { formText, itemBlank, itemRefusal, itemSuccess } from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, cookies, params }) => {
  const minPosition = lastWrite(cookies);
  const { meetingId } = params;
  const [meeting, { resolutions }] = await Promise.all([
    locals.api.meeting.meeting.query({ meetingId, minPosition }),
    locals.api.meeting.resolutions.query({ meetingId, minPosition }),
  ]);
  return {
    meeting,
    adopted: meeting.motions.filter((motion) => motion.vote?.passed),
    resolutions,
  };
};

export const actions: Actions = {
  assign: async ({ request, locals, cookies, params }) => {
    const data = await request.formData();
    const motionId = formText(data, 'motionId');
    const owner = formText(data, 'owner');
    const dueOn = formText(data, 'dueOn');
    const kind = formText(data, 'linkKind');
    const ref = formText(data, 'linkRef');
    if (owner === '' || dueOn === '') return itemBlank(motionId);
    try {
      const result = await locals.api.meeting.assignResolution.mutate({
        meetingId: params.meetingId,
        motionId,
        owner,
        dueOn,
        ...((kind === 'proposal' || kind === 'ledger') && ref !== ''
          ? { link: { kind, ref } }
          : {}),
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal(motionId, error);
    }
    return itemSuccess(motionId, m.meeting_followup_assigned());
  },

  progress: async ({ request, locals, cookies }) => {
    const data = await request.formData();
    const resolutionId = formText(data, 'resolutionId');
    const text = formText(data, 'text');
    if (text === '') return itemBlank(resolutionId);
    try {
      const result = await locals.api.meeting.reportResolutionProgress.mutate({
        resolutionId,
        text,
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal(resolutionId, error);
    }
    return itemSuccess(resolutionId, m.meeting_followup_progress_reported());
  },

  close: async ({ request, locals, cookies }) => {
    const data = await request.formData();
    const resolutionId = formText(data, 'resolutionId');
    const report = formText(data, 'report');
    if (report === '') return itemBlank(resolutionId);
    try {
      const result = await locals.api.meeting.closeResolution.mutate({ resolutionId, report });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal(resolutionId, error);
    }
    return itemSuccess(resolutionId, m.meeting_followup_closed_done());
  },
};
