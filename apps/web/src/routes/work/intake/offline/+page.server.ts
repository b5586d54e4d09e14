import { fieldErrorsOf, isApiError } from '@gongzhi/api/client';
import { redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { addFieldError, blankFields, invalid, refusedBy } from '$lib/server/forms';
import { openCyclesOf } from '$lib/server/cycles';
import { maxPhotos, photoAccept } from '$lib/server/photos';
import { proposalFieldOf, proposalForm, readProposalForm } from '$lib/proposal/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { searchResidents } from '$lib/server/resident-search';
import type { Actions, PageServerLoad } from './$types';

const formId = 'offline-proposal';

// A worker enters a resident's paper proposal: find the resident (`?q=`), choose them
// (`&resident=`), then fill in the form as the paper says.
export const load: PageServerLoad = async ({ locals, cookies, url, parent }) => {
  const { community } = await parent();
  const minPosition = lastWrite(cookies);
  const { query, found, searchError } = await searchResidents(
    locals.api,
    community.communityId,
    url,
  );
  const resident = found?.find((r) => r.residentId === url.searchParams.get('resident')) ?? null;
  const cycles = (await openCyclesOf(locals.api, community, minPosition)).filter(
    (cycle) => cycle.phase === 'proposing',
  );
  return {
    query,
    found,
    searchError,
    resident,
    cycles: cycles.map((c) => ({
      cycleId: c.cycleId,
      title: c.title,
      titleEn: c.titleEn,
      caps: c.rules.caps,
    })),
    maxPhotos,
    photoAccept,
    form: resident
      ? await superValidate(
          {
            communityId: community.communityId,
            residentId: resident.residentId,
            cycleId: cycles[0]?.cycleId ?? '',
          },
          zod4(proposalForm),
          { id: formId, errors: false },
        )
      : null,
  };
};

export const actions: Actions = {
  default: async (event) => {
    const { locals, cookies } = event;
    const { form, content } = await readProposalForm(event, formId);
    if (blankFields(form, ['cycleId', 'residentId', 'communityId']) || !content) {
      return invalid(form);
    }
    const { communityId } = form.data;
    let proposalId: string;
    try {
      const result = await locals.api.proposal.submitFor.mutate({
        communityId,
        residentId: form.data.residentId,
        cycleId: form.data.cycleId,
        ...content,
        ...(form.data.confirmDuplicate ? { confirmDuplicate: true } : {}),
      });
      rememberWrite(cookies, result.position);
      proposalId = result.proposalId;
    } catch (cause) {
      if (isApiError(cause) && cause.data?.httpStatus === 409) {
        // Name the proposal already entered, so the worker can compare it with the paper.
        const { proposals } = await locals.api.proposal.list.query({
          cycleId: form.data.cycleId,
          communityId,
        });
        const same = (title: string) => title.replace(/\s+/g, '').toLowerCase();
        form.data.existingId =
          proposals.find((p) => same(p.title) === same(form.data.title))?.proposalId ?? '';
        for (const { message: text } of fieldErrorsOf(cause)) {
          addFieldError(form, 'confirmDuplicate', text);
        }
        // Not a conflict with someone else's change: a question to the worker.
        return message(form, { kind: 'error', text: cause.message }, { status: 409 });
      }
      return refusedBy(form, cause, proposalFieldOf);
    }
    redirect(303, `/proposals/${encodeURIComponent(proposalId)}?entered=1`);
  },
};
