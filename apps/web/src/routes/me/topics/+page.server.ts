// A resident's topics (议题): raising one in a community they belong to, what became of each they
// raised (with the reason), and supporting the open topics their neighbours raised.
import { m } from '$lib/paraglide/messages';
import { formText, itemBlank, itemRefusal, itemSuccess } from '$lib/server/forms';
import { communitiesById, loadOverview } from '$lib/server/places';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, cookies }) => {
  const minPosition = lastWrite(cookies);
  const [profile, overview, { topics: mine }] = await Promise.all([
    locals.api.resident.me.query({ minPosition }),
    loadOverview(locals.api, cookies),
    locals.api.meeting.myTopics.query({ minPosition }),
  ]);
  const byId = communitiesById(overview);
  const communityIds = [
    ...new Set(
      profile.ties
        .filter((tie) => tie.status === 'verified' || tie.status === 'declared')
        .map((tie) => tie.communityId),
    ),
  ];
  const perCommunity = await Promise.all(
    communityIds.map(async (communityId) => ({
      topics: (await locals.api.meeting.topics.query({ communityId, minPosition })).topics,
      meetings: (await locals.api.meeting.meetings.query({ communityId, minPosition })).meetings,
    })),
  );
  const mineIds = new Set(mine.map((topic) => topic.topicId));
  const titles = Object.fromEntries(
    perCommunity.flatMap(({ topics, meetings }) => [
      ...topics.map((t) => [t.topicId, t.title] as const),
      ...meetings.map((mt) => [mt.meetingId, mt.title] as const),
    ]),
  );
  return {
    communities: communityIds.map((communityId) => ({
      communityId,
      name: byId[communityId]?.name ?? communityId,
    })),
    mine,
    open: perCommunity
      .flatMap(({ topics }) => topics)
      .filter((t) => !mineIds.has(t.topicId) && (t.status === 'raised' || t.status === 'accepted')),
    titles,
  };
};

export const actions: Actions = {
  raise: async ({ request, locals, cookies }) => {
    const data = await request.formData();
    const title = formText(data, 'title');
    const detail = formText(data, 'detail');
    if (title === '' || detail === '') return itemBlank('raise');
    try {
      const result = await locals.api.meeting.raiseTopic.mutate({
        communityId: formText(data, 'communityId'),
        title,
        detail,
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal('raise', error);
    }
    return itemSuccess('raise', m.meeting_topic_raised({ title }));
  },

  support: async ({ request, locals, cookies }) => {
    const topicId = formText(await request.formData(), 'topicId');
    try {
      const result = await locals.api.meeting.supportTopic.mutate({ topicId });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal(topicId, error);
    }
    return itemSuccess(topicId, m.meeting_topic_supported());
  },
};
