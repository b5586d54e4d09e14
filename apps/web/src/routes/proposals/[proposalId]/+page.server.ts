import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { itemRefusal } from '$lib/server/forms';
import { loadPlaces, orNotFound } from '$lib/server/micro';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, cookies, params }) => {
  const minPosition = lastWrite(cookies);
  const proposal = await orNotFound(
    locals.api.proposal.get.query({ proposalId: params.proposalId, minPosition }),
  );
  const [{ entries }, cycle, places] = await Promise.all([
    locals.api.proposal.timeline.query({ proposalId: proposal.proposalId, minPosition }),
    locals.api.cycle.get.query({ cycleId: proposal.cycleId, minPosition }),
    loadPlaces(locals.api, minPosition),
  ]);
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
  };
};

export const actions: Actions = {
  coSign: async ({ locals, cookies, params }) => {
    if (!locals.user) {
      return fail(401, {
        item: 'cosign',
        kind: 'error' as const,
        text: m.proposal_sign_in_first(),
      });
    }
    try {
      const result = await locals.api.proposal.coSign.mutate({ proposalId: params.proposalId });
      rememberWrite(cookies, result.position);
    } catch (cause) {
      return itemRefusal('cosign', cause);
    }
    return { item: 'cosign', kind: 'success' as const, text: m.proposal_cosigned() };
  },
};
