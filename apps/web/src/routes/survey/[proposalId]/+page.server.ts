import { redirect } from '@sveltejs/kit';
import { surveyOpinionSchema } from '@gongzhi/domain';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { surveyForm } from '$lib/proposal/forms';
import { surveyorOf } from '$lib/permissions';
import { yuanToFen } from '$lib/text';
import { addFieldError, blankFields, invalid, refusedBy, rowOf } from '$lib/server/forms';
import { orNotFound } from '$lib/server/cycles';
import { maxPhotos, photoAccept, receivePhotos } from '$lib/server/photos';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { refusePage } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

const formId = 'site-survey';

export const load: PageServerLoad = async ({ locals, cookies, params, parent }) => {
  const { communities, staff } = await parent();
  const proposal = await orNotFound(
    locals.api.proposal.get.query({
      proposalId: params.proposalId,
      minPosition: lastWrite(cookies),
    }),
  );
  const community = communities.find((c) => c.communityId === proposal.communityId);
  if (!community) refusePage(m.screening_survey_need_role(), staff);
  return {
    proposal,
    surveyor: surveyorOf(staff.grants, community),
    maxPhotos,
    photoAccept,
    form: await superValidate(zod4(surveyForm), { id: formId }),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const { locals, cookies, params } = event;
    const data = await event.request.formData();
    const form = await superValidate(data, zod4(surveyForm), { id: formId });
    await receivePhotos(event, form, data);
    blankFields(form, ['notes', 'opinion']);
    const revisedCost =
      form.data.revisedCost.trim() === '' ? undefined : yuanToFen(form.data.revisedCost);
    if (form.data.revisedCost.trim() !== '' && revisedCost === undefined) {
      addFieldError(form, 'revisedCost', m.cycle_form_not_amount());
    }
    const opinion = surveyOpinionSchema.safeParse(form.data.opinion);
    if (!form.valid || !opinion.success) return invalid(form);
    const optional = (value: string) => (value.trim() === '' ? undefined : value);
    try {
      const result = await locals.api.proposal.recordSurvey.mutate({
        proposalId: params.proposalId,
        organisation: optional(form.data.organisation),
        notes: form.data.notes,
        photoIds: form.data.photoIds,
        revisedCost,
        opinion: opinion.data,
        conditions: optional(form.data.conditions),
      });
      rememberWrite(cookies, result.position);
    } catch (cause) {
      return refusedBy(form, cause, (path) =>
        path.startsWith('photoIds')
          ? { field: 'photoIds', row: rowOf(path, 'photoIds') }
          : { field: path },
      );
    }
    redirect(303, `/proposals/${encodeURIComponent(params.proposalId)}?surveyed=1`);
  },
};
