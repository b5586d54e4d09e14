import { m } from '$lib/paraglide/messages';
import { formText, itemRefusal, itemSuccess } from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { requireSignIn } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

// Where the leader's QR code leads: the member, signed in on their own phone, checks in or out
// with the code in the link (or typed from the leader's screen).
export const load: PageServerLoad = async ({ locals, cookies, params, url }) => {
  if (!locals.user) requireSignIn(url, 'resident');
  const mine = await locals.api.team.mine.query({ minPosition: lastWrite(cookies) });
  return {
    shift: mine.shifts.find((s) => s.shiftId === params.shiftId) ?? null,
    code: url.searchParams.get('code') ?? '',
  };
};

export const actions: Actions = {
  default: async ({ request, locals, cookies, params }) => {
    const data = await request.formData();
    const direction = formText(data, 'direction') === 'out' ? 'out' : 'in';
    try {
      const result = await locals.api.team.checkIn.mutate({
        activityId: params.activityId,
        shiftId: params.shiftId,
        code: formText(data, 'code') || '-',
        direction,
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal('checkin', error);
    }
    return itemSuccess('checkin', direction === 'in' ? m.team_checked_in() : m.team_checked_out());
  },
};
