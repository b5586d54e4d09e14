// The community's deliberative bodies and meetings: establishing a body (the law's rules by
// default) and convening a meeting of one with its notice.
import { m } from '$lib/paraglide/messages';
import { chinaDateTime, lines } from '$lib/meeting/forms';
import { formText, itemBlank, itemRefusal, itemSuccess } from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, cookies, parent }) => {
  const { community } = await parent();
  const minPosition = lastWrite(cookies);
  const [{ bodies }, { meetings }, { topics }, { resolutions: overdue }] = await Promise.all([
    locals.api.meeting.bodies.query({ communityId: community.communityId, minPosition }),
    locals.api.meeting.meetings.query({ communityId: community.communityId, minPosition }),
    locals.api.meeting.topics.query({ communityId: community.communityId, minPosition }),
    locals.api.meeting.overdueResolutions.query({
      communityId: community.communityId,
      minPosition,
    }),
  ]);
  const bodyName = new Map(bodies.map((body) => [body.bodyId, body.name]));
  // Topics accepted for a body's agenda, to be put on it when convening (topics/).
  const accepted = topics
    .filter((topic) => topic.status === 'accepted')
    .map((topic) => ({
      topicId: topic.topicId,
      label: `${topic.title}（${bodyName.get(topic.bodyId ?? '') ?? ''}）`,
    }));
  return { bodies, meetings, accepted, overdue };
};

export const actions: Actions = {
  establish: async ({ request, locals, cookies }) => {
    const data = await request.formData();
    const name = formText(data, 'name');
    if (name === '') return itemBlank('establish');
    try {
      const result = await locals.api.meeting.establishBody.mutate({
        communityId: formText(data, 'communityId'),
        kind: formText(data, 'kind') as never,
        name,
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal('establish', error);
    }
    return itemSuccess('establish', m.meeting_body_established({ name }));
  },

  convene: async ({ request, locals, cookies }) => {
    const data = await request.formData();
    const title = formText(data, 'title');
    const startsAt = chinaDateTime(formText(data, 'startsAt'));
    const agenda = [
      ...lines(formText(data, 'agenda')).map((line) => ({ title: line })),
      ...lines(formText(data, 'reserved')).map((line) => ({ title: line, reserved: true })),
    ];
    const topicIds = data.getAll('topicIds').map(String);
    if (title === '' || formText(data, 'place') === '' || agenda.length + topicIds.length === 0) {
      return itemBlank('convene');
    }
    if (!startsAt)
      return fail(400, {
        item: 'convene',
        kind: 'error' as const,
        text: m.meeting_starts_invalid(),
      });
    try {
      const result = await locals.api.meeting.convene.mutate({
        bodyId: formText(data, 'bodyId'),
        title,
        agenda,
        startsAt,
        place: formText(data, 'place'),
        topicIds,
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal('convene', error);
    }
    return itemSuccess('convene', m.meeting_convened({ title }));
  },
};
