import { error, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { answerForm } from '$lib/outcome/forms';
import { m } from '$lib/paraglide/messages';
import { mayAnswerObjections } from '$lib/permissions';
import { addFieldError, blankFields, invalid, refusedBy } from '$lib/server/forms';
import { orNotFound } from '$lib/server/cycles';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { refusePage } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

const formId = 'objection-answer';

// A community worker of the objection's community, or a street officer of its street, answers
// it: upheld (with its consequence) or dismissed, each with a reason the notice page shows.
export const load: PageServerLoad = async ({ locals, cookies, params, url }) => {
  if (!locals.user) {
    redirect(303, `/login/staff?back=${encodeURIComponent(url.pathname + url.search)}`);
  }
  const notice = await orNotFound(
    locals.api.outcome.notice.query({ cycleId: params.cycleId, minPosition: lastWrite(cookies) }),
  );
  const community = notice.communities.find((c) =>
    c.objections.some((o) => o.objectionId === params.objectionId),
  );
  const objection = community?.objections.find((o) => o.objectionId === params.objectionId);
  if (!community || !objection) error(404, m.notice_objection_not_found());
  const place = { streetId: notice.streetId, communityId: community.communityId };
  if (!mayAnswerObjections(locals.user.grants, place)) {
    refusePage(m.notice_answer_need_role(), locals.user);
  }
  return {
    notice,
    community,
    objection,
    form: await superValidate(zod4(answerForm), { id: formId, errors: false }),
  };
};

export const actions: Actions = {
  default: async ({ locals, cookies, params, request }) => {
    const form = await superValidate(request, zod4(answerForm), { id: formId });
    const blank = blankFields(form, ['answer', 'reason']);
    if (!blank && !['upheld', 'dismissed'].includes(form.data.answer)) {
      addFieldError(form, 'answer', m.proposal_field_required());
    }
    if (!form.valid) return invalid(form);
    try {
      const result = await locals.api.outcome.answer.mutate({
        objectionId: params.objectionId,
        answer: form.data.answer as 'upheld' | 'dismissed',
        reason: form.data.reason,
      });
      rememberWrite(cookies, result.position);
    } catch (cause) {
      return refusedBy(form, cause);
    }
    redirect(
      303,
      `/cycles/${encodeURIComponent(params.cycleId)}/notice?done=answered#objection-${encodeURIComponent(params.objectionId)}`,
    );
  },
};
