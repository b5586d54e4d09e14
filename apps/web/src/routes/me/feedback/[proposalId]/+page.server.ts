import { redirect } from '@sveltejs/kit';
import { loadThread, postThreadMessage } from '$lib/server/feedback';
import { formText, itemBlank, itemRefusal } from '$lib/server/forms';
import { rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

// The feedback on one of my proposals not selected: the reason and suggestions, the discussion
// with the community, and carrying the proposal into a cycle of the street open for proposals.
export const load: PageServerLoad = ({ locals, cookies, params }) =>
  loadThread(locals.api, cookies, params.proposalId);

export const actions: Actions = {
  reply: ({ request, locals, cookies, params }) =>
    postThreadMessage(request, cookies, (text) =>
      locals.api.feedback.reply.mutate({ proposalId: params.proposalId, text }),
    ),

  carry: async ({ request, locals, cookies, params }) => {
    const cycleId = formText(await request.formData(), 'cycleId');
    if (cycleId === '') return itemBlank('carry');
    let proposalId: string;
    try {
      const result = await locals.api.feedback.carryForward.mutate({
        proposalId: params.proposalId,
        cycleId,
      });
      rememberWrite(cookies, result.position);
      proposalId = result.proposalId;
    } catch (cause) {
      return itemRefusal('carry', cause);
    }
    redirect(303, `/proposals/${encodeURIComponent(proposalId)}`);
  },
};
