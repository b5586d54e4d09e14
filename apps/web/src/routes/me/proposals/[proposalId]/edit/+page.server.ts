import { redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { fenToYuan } from '$lib/text';
import { invalid, refusedBy } from '$lib/server/forms';
import { orNotFound } from '$lib/server/cycles';
import { maxPhotos, photoAccept } from '$lib/server/photos';
import { proposalFieldOf, proposalForm, readProposalForm } from '$lib/proposal/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { refusePage } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

const formId = 'edit-proposal';

// The author edits a proposal (until screening starts), or revises one the round-table returned
// and resubmits it (while screening is open). Each save is a new entry in its history.
export const load: PageServerLoad = async ({ locals, cookies, params }) => {
  const minPosition = lastWrite(cookies);
  const proposal = await orNotFound(
    locals.api.proposal.get.query({ proposalId: params.proposalId, minPosition }),
  );
  if (proposal.myRole !== 'author') refusePage(m.proposal_edit_not_author(), locals.user);
  const cycle = await locals.api.cycle.get.query({ cycleId: proposal.cycleId, minPosition });
  return {
    proposal,
    caps: cycle.rules.caps,
    resubmit: proposal.status === 'returned',
    maxPhotos,
    photoAccept,
    form: await superValidate(
      {
        title: proposal.title,
        description: proposal.description,
        category: proposal.category,
        estimatedCost: fenToYuan(proposal.estimatedCost),
        location: proposal.location.text,
        photoIds: proposal.photos.map((photo) => photo.fileId),
        expectedRevision: proposal.revision,
      },
      zod4(proposalForm),
      { id: formId, errors: false },
    ),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const { locals, cookies, params } = event;
    const proposal = await locals.api.proposal.get.query({ proposalId: params.proposalId });
    const { form, content } = await readProposalForm(event, formId, proposal.cycleId);
    if (!content) return invalid(form);
    const input = {
      proposalId: params.proposalId,
      ...content,
      // Unchanged text keeps any coordinates stored with it.
      location: content.location.text === proposal.location.text ? undefined : content.location,
      expectedRevision: form.data.expectedRevision || undefined,
    };
    const resubmit = proposal.status === 'returned';
    try {
      const result = resubmit
        ? await locals.api.proposal.resubmit.mutate(input)
        : await locals.api.proposal.edit.mutate(input);
      rememberWrite(cookies, result.position);
    } catch (cause) {
      return refusedBy(form, cause, proposalFieldOf);
    }
    redirect(
      303,
      `/proposals/${encodeURIComponent(params.proposalId)}?${resubmit ? 'resubmitted' : 'edited'}=1`,
    );
  },
};
