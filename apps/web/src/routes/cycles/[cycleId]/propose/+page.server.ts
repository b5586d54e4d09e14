import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { grantorsWith } from '$lib/server/acting';
import { blankFields, invalid, refusedBy } from '$lib/server/forms';
import { orNotFound } from '$lib/server/cycles';
import { photoAccept, maxPhotos } from '$lib/server/photos';
import { proposalFieldOf, proposalForm, readProposalForm } from '$lib/proposal/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

/** The prefix of the fields' ids (`proposal-title`). */
const formId = 'proposal';

function signInFirst(url: URL): never {
  redirect(303, `/login?back=${encodeURIComponent(url.pathname + url.search)}`);
}

/** The resident the proposal is for: `?for=` names one who gave me a 'propose' proxy. */
const proposingFor = (url: URL) => url.searchParams.get('for') ?? '';

// A resident proposes in a community of the cycle they have a verified tie to, or, holding a
// relative's 'propose' proxy, for that relative (whose ties the API checks).
export const load: PageServerLoad = async ({ locals, cookies, params, url }) => {
  if (!locals.user) signInFirst(url);
  const minPosition = lastWrite(cookies);
  const cycle = await orNotFound(
    locals.api.cycle.get.query({ cycleId: params.cycleId, minPosition }),
  );
  const base = { cycle, photoAccept, maxPhotos };
  if (locals.user.kind !== 'resident') {
    return { ...base, staff: true as const, communities: [], form: null };
  }
  const profile = await locals.api.resident.me.query({ minPosition });
  const verified = new Set(
    profile.ties.filter((tie) => tie.status === 'verified').map((tie) => tie.communityId),
  );
  const grantors = grantorsWith(profile, 'propose');
  const forResident = grantors.find((g) => g.residentId === proposingFor(url));
  const communities = forResident
    ? cycle.budgets
    : cycle.budgets.filter((b) => verified.has(b.communityId));
  return {
    ...base,
    staff: false as const,
    grantors,
    forResidentId: forResident?.residentId ?? '',
    communities,
    form: await superValidate(
      { communityId: communities[0]?.communityId ?? '' },
      zod4(proposalForm),
      { id: formId, errors: false },
    ),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const { locals, cookies, params, url } = event;
    const forResidentId = proposingFor(url);
    if (!locals.user) return fail(401, { text: m.proposal_sign_in_first() });
    const { form, content } = await readProposalForm(event, formId, params.cycleId);
    if (blankFields(form, ['communityId']) || !content) return invalid(form);
    let proposalId: string;
    try {
      const result = await locals.api.proposal.submit.mutate({
        cycleId: params.cycleId,
        communityId: form.data.communityId,
        ...content,
        ...(forResidentId && { forResidentId }),
      });
      rememberWrite(cookies, result.position);
      proposalId = result.proposalId;
    } catch (cause) {
      return refusedBy(form, cause, proposalFieldOf);
    }
    redirect(303, `/proposals/${encodeURIComponent(proposalId)}?submitted=1`);
  },
};
