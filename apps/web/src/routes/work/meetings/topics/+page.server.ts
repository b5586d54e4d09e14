// Collecting and screening topics (议题) for the community's bodies: staff raise topics (their own
// or from a proposal, objection, supervision report or ledger item), and screen each raised one —
// accept it for a body's agenda, merge it into another, or decline it with the reason its author
// reads. Accepted topics are put on an agenda when convening (../+page.svelte).
import { m } from '$lib/paraglide/messages';
import { formText, itemBlank, itemRefusal, itemSuccess } from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, cookies, parent }) => {
  const { community } = await parent();
  const minPosition = lastWrite(cookies);
  const { communityId } = community;
  const [{ topics }, { bodies }, { meetings }] = await Promise.all([
    locals.api.meeting.topics.query({ communityId, minPosition }),
    locals.api.meeting.bodies.query({ communityId, minPosition }),
    locals.api.meeting.meetings.query({ communityId, minPosition }),
  ]);
  const titles = Object.fromEntries([
    ...topics.map((t) => [t.topicId, t.title] as const),
    ...meetings.map((mt) => [mt.meetingId, mt.title] as const),
  ]);
  return { topics, bodies, titles };
};

const optional = (value: string) => (value === '' ? undefined : value);

export const actions: Actions = {
  raise: async ({ request, locals, cookies }) => {
    const data = await request.formData();
    const title = formText(data, 'title');
    const detail = formText(data, 'detail');
    if (title === '' || detail === '') return itemBlank('raise');
    try {
      const result = await locals.api.meeting.raiseStaffTopic.mutate({
        communityId: formText(data, 'communityId'),
        title,
        detail,
        source: formText(data, 'source') as never,
        sourceRef: optional(formText(data, 'sourceRef')),
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal('raise', error);
    }
    return itemSuccess('raise', m.meeting_topic_raised({ title }));
  },

  accept: async ({ request, locals, cookies }) => {
    const data = await request.formData();
    const topicId = formText(data, 'topicId');
    try {
      const result = await locals.api.meeting.acceptTopic.mutate({
        topicId,
        bodyId: formText(data, 'bodyId'),
        note: optional(formText(data, 'note')),
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal(topicId, error);
    }
    return itemSuccess(topicId, m.meeting_topic_accepted());
  },

  merge: async ({ request, locals, cookies }) => {
    const data = await request.formData();
    const topicId = formText(data, 'topicId');
    const reason = formText(data, 'reason');
    if (reason === '') return itemBlank(topicId);
    try {
      const result = await locals.api.meeting.mergeTopic.mutate({
        topicId,
        intoTopicId: formText(data, 'intoTopicId'),
        reason,
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal(topicId, error);
    }
    return itemSuccess(topicId, m.meeting_topic_merged());
  },

  decline: async ({ request, locals, cookies }) => {
    const data = await request.formData();
    const topicId = formText(data, 'topicId');
    const reason = formText(data, 'reason');
    if (reason === '') return itemBlank(topicId);
    try {
      const result = await locals.api.meeting.declineTopic.mutate({ topicId, reason });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal(topicId, error);
    }
    return itemSuccess(topicId, m.meeting_topic_declined());
  },
};
