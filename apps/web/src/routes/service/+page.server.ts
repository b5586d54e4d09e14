import { m } from '$lib/paraglide/messages';
import { formText, itemBlank, itemRefusal, itemSuccess } from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { requireSignIn } from '$lib/server/sign-in';
import { chinaInstant } from '$lib/team/forms';
import type { Actions, PageServerLoad } from './$types';

// My volunteer service: the teams I stand in (those I lead linked to their own page), my service
// records with their evaluation, my confirmed hours and milestones (no ranking), and asking for a
// correction of a record's times on site.
export const load: PageServerLoad = async ({ locals, cookies, url }) => {
  if (!locals.user) requireSignIn(url, 'resident');
  return { mine: await locals.api.team.mine.query({ minPosition: lastWrite(cookies) }) };
};

export const actions: Actions = {
  correct: async ({ request, locals, cookies }) => {
    const data = await request.formData();
    const recordId = formText(data, 'recordId');
    const date = formText(data, 'date');
    const startedAt = chinaInstant(date, formText(data, 'from'));
    const endedAt = chinaInstant(date, formText(data, 'until'));
    const reason = formText(data, 'reason');
    if (!startedAt || !endedAt || reason === '') return itemBlank(recordId);
    try {
      const result = await locals.api.team.requestCorrection.mutate({
        recordId,
        startedAt,
        endedAt,
        reason,
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal(recordId, error);
    }
    return itemSuccess(recordId, m.team_correction_sent());
  },
};
