// A topic's public page (议题): what it asks, where it came from, how many support it and what
// became of it; a resident of its community supports it here.
import { m } from '$lib/paraglide/messages';
import { itemRefusal, itemSuccess } from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { requireSignIn } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, cookies }) => {
  const topic = await locals.api.meeting.topic.query({
    topicId: params.topicId,
    minPosition: lastWrite(cookies),
  });
  return { ...topic, resident: locals.user?.kind === 'resident' };
};

export const actions: Actions = {
  support: async ({ locals, params, cookies, url }) => {
    if (locals.user?.kind !== 'resident') requireSignIn(url, 'resident');
    try {
      const result = await locals.api.meeting.supportTopic.mutate({ topicId: params.topicId });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal('support', error);
    }
    return itemSuccess('support', m.meeting_topic_supported());
  },
};
