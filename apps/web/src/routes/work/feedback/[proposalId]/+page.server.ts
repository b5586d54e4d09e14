import { m } from '$lib/paraglide/messages';
import { loadThread, postThreadMessage } from '$lib/server/feedback';
import { formText, itemBlank, itemRefusal, itemSuccess } from '$lib/server/forms';
import { rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

// One proposal not selected: the worker gives the feedback (theirs, or representatives' whom
// they name) once, then answers the author in the thread.
export const load: PageServerLoad = ({ locals, cookies, params }) =>
  loadThread(locals.api, cookies, params.proposalId);

export const actions: Actions = {
  give: async ({ request, locals, cookies, params }) => {
    const data = await request.formData();
    const reason = formText(data, 'reason');
    const suggestions = formText(data, 'suggestions');
    if (reason === '' || suggestions === '') return itemBlank('give');
    const representatives = formText(data, 'representatives')
      .split(/[,，、;；\n]/)
      .map((name) => name.trim())
      .filter((name) => name !== '');
    const givenBy =
      formText(data, 'givenBy') === 'resident_representatives'
        ? ('resident_representatives' as const)
        : ('community_worker' as const);
    try {
      const result = await locals.api.feedback.give.mutate({
        proposalId: params.proposalId,
        reason,
        suggestions,
        givenBy,
        ...(representatives.length > 0 ? { representatives } : {}),
      });
      rememberWrite(cookies, result.position);
    } catch (cause) {
      return itemRefusal('give', cause);
    }
    return itemSuccess('give', m.feedback_given());
  },

  respond: ({ request, locals, cookies, params }) =>
    postThreadMessage(request, cookies, (text) =>
      locals.api.feedback.respond.mutate({ proposalId: params.proposalId, text }),
    ),
};
