// The community's deliberative bodies and meetings: establishing a body (the law's rules by
// default) and convening a meeting of one with its notice.
import { conveneMeeting, establishBody } from '$lib/server/meeting-actions';
import { lastWrite } from '$lib/server/read-your-writes';
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

export const actions: Actions = { establish: establishBody, convene: conveneMeeting };
