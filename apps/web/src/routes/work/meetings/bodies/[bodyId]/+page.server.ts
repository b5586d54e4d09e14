// A body's roster as of a day (`?asOf=`, today by default): members join from a day (found by a
// search of the chosen community's residents; for a street's body, any community of the street
// the staff member looks after) and leave from a day.
import { m } from '$lib/paraglide/messages';
import { formText, itemRefusal, itemSuccess } from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { searchResidents } from '$lib/server/resident-search';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, cookies, parent, params, url }) => {
  const { community } = await parent();
  const asOf = url.searchParams.get('asOf') ?? undefined;
  const roster = await locals.api.meeting.roster.query({
    bodyId: params.bodyId,
    ...(asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? { asOf } : {}),
    minPosition: lastWrite(cookies),
  });
  return { roster, search: await searchResidents(locals.api, community.communityId, url) };
};

export const actions: Actions = {
  join: async ({ request, locals, cookies, params }) => {
    const data = await request.formData();
    const residentId = formText(data, 'residentId');
    try {
      const result = await locals.api.meeting.joinBody.mutate({
        bodyId: params.bodyId,
        residentId,
        kind: formText(data, 'kind') as never,
        role: formText(data, 'role') as never,
        from: formText(data, 'from'),
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal(residentId, error);
    }
    return itemSuccess('roster', m.meeting_member_joined());
  },

  leave: async ({ request, locals, cookies, params }) => {
    const data = await request.formData();
    const residentId = formText(data, 'residentId');
    try {
      const result = await locals.api.meeting.leaveBody.mutate({
        bodyId: params.bodyId,
        residentId,
        from: formText(data, 'from'),
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal(residentId, error);
    }
    return itemSuccess('roster', m.meeting_member_left());
  },
};
