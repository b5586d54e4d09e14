import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { formText, itemBlank, itemRefusal, itemSuccess } from '$lib/server/forms';
import { orNotFound } from '$lib/server/micro';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

// The feedback on one of my proposals not selected: the reason and suggestions, the discussion
// with the community, and carrying the proposal into a cycle of the street open for proposals.
export const load: PageServerLoad = async ({ locals, cookies, params }) => ({
  thread: await orNotFound(
    locals.api.feedback.thread.query({
      proposalId: params.proposalId,
      minPosition: lastWrite(cookies),
    }),
  ),
});

export const actions: Actions = {
  reply: async ({ request, locals, cookies, params }) => {
    const text = formText(await request.formData(), 'text');
    if (text === '') return itemBlank('message');
    try {
      const result = await locals.api.feedback.reply.mutate({
        proposalId: params.proposalId,
        text,
      });
      rememberWrite(cookies, result.position);
    } catch (cause) {
      return itemRefusal('message', cause);
    }
    return itemSuccess('message', m.feedback_sent());
  },

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
