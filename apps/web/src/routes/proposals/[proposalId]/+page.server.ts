import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { grantorsWith } from '$lib/server/acting';
import { itemRefusal } from '$lib/server/forms';
import { loadPlaces, orNotFound } from '$lib/server/cycles';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

// A resident co-signs for themself or, holding a relative's 'propose' proxy, for that relative
// (`?for=` chooses whom; the co-sign form carries the choice).
export const load: PageServerLoad = async ({ locals, cookies, params, url }) => {
  const minPosition = lastWrite(cookies);
  const proposal = await orNotFound(
    locals.api.proposal.get.query({ proposalId: params.proposalId, minPosition }),
  );
  const [{ entries }, cycle, places, profile] = await Promise.all([
    locals.api.proposal.timeline.query({ proposalId: proposal.proposalId, minPosition }),
    locals.api.cycle.get.query({ cycleId: proposal.cycleId, minPosition }),
    loadPlaces(locals.api, minPosition),
    locals.user?.kind === 'resident' ? locals.api.resident.me.query({ minPosition }) : null,
  ]);
  const grantors = profile ? grantorsWith(profile, 'propose') : [];
  const forResident = grantors.find((g) => g.residentId === url.searchParams.get('for'));
  return {
    proposal,
    timeline: entries,
    cycle: {
      cycleId: cycle.cycleId,
      title: cycle.title,
      titleEn: cycle.titleEn,
      phase: cycle.phase,
    },
    community: places.communities[proposal.communityId] ?? null,
    signedIn: locals.user?.kind ?? null,
    grantors,
    forResident: forResident ?? null,
  };
};

export const actions: Actions = {
  coSign: async ({ locals, cookies, params, request }) => {
    if (!locals.user) {
      return fail(401, {
        item: 'cosign',
        kind: 'error' as const,
        text: m.proposal_sign_in_first(),
      });
    }
    const forResidentId = (await request.formData()).get('forResidentId');
    try {
      const result = await locals.api.proposal.coSign.mutate({
        proposalId: params.proposalId,
        ...(typeof forResidentId === 'string' && forResidentId && { forResidentId }),
      });
      rememberWrite(cookies, result.position);
    } catch (cause) {
      return itemRefusal('cosign', cause);
    }
    return { item: 'cosign', kind: 'success' as const, text: m.proposal_cosigned() };
  },
};
