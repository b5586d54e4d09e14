import { fail, redirect } from '@sveltejs/kit';
import { fieldErrorsOf, isApiError } from '@gongzhi/api/client';
import { orNotFound } from '$lib/server/cycles';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { grantorsWith } from '$lib/server/acting';
import type { Actions, PageServerLoad } from './$types';

// The ballot of the signed-in resident, or of a resident who granted them a 'vote' proxy, in
// one community of the cycle (chosen by GET, so it works without JavaScript).
export const load: PageServerLoad = async ({ locals, cookies, params, url }) => {
  if (!locals.user) {
    redirect(303, `/login?back=${encodeURIComponent(url.pathname + url.search)}`);
  }
  const minPosition = lastWrite(cookies);
  const cycle = await orNotFound(
    locals.api.cycle.get.query({ cycleId: params.cycleId, minPosition }),
  );
  if (locals.user.kind !== 'resident') {
    return { cycle, staff: true as const };
  }
  const profile = await locals.api.resident.me.query({ minPosition });
  const grantors = grantorsWith(profile, 'vote');
  const forResident = grantors.find((g) => g.residentId === url.searchParams.get('for'));
  // My own ballot goes where I have a verified tie; a grantor's ties are theirs to know, so the
  // proxy chooses among the cycle's communities and the API checks.
  const verified = new Set(
    profile.ties.filter((tie) => tie.status === 'verified').map((tie) => tie.communityId),
  );
  const communities = forResident
    ? cycle.budgets
    : cycle.budgets.filter((b) => verified.has(b.communityId));
  const communityId =
    communities.find((c) => c.communityId === url.searchParams.get('community'))?.communityId ??
    communities[0]?.communityId;
  const paper = communityId
    ? await locals.api.ballot.paper.query({ cycleId: cycle.cycleId, communityId })
    : undefined;
  const mine = forResident
    ? null
    : await locals.api.ballot.mine.query({ cycleId: cycle.cycleId, minPosition });
  return {
    cycle,
    staff: false as const,
    grantors,
    forResidentId: forResident?.residentId ?? '',
    communities,
    communityId: communityId ?? '',
    paper,
    mine,
  };
};

export const actions: Actions = {
  default: async ({ locals, cookies, params, request }) => {
    const data = await request.formData();
    const communityId = String(data.get('communityId') ?? '');
    const forResidentId = String(data.get('forResidentId') ?? '');
    const choices = data.getAll('choice').map(String);
    try {
      const cast = await locals.api.ballot.cast.mutate({
        cycleId: params.cycleId,
        communityId,
        choices,
        ...(forResidentId && { forResidentId }),
      });
      rememberWrite(cookies, cast.position);
      // The receipt is in this answer only: neither in the address nor stored.
      return { receipt: cast.receipt, changed: cast.changed, communityId, choices };
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      const status = cause.data?.httpStatus ?? 400;
      const fields = fieldErrorsOf(cause);
      return fail(status >= 400 && status < 600 ? status : 400, {
        refused: fields.length > 0 ? fields.map((f) => f.message).join(' ') : cause.message,
        choices,
      });
    }
  },
};
