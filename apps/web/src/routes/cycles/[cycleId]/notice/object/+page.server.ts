import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { objectionForm } from '$lib/outcome/forms';
import { m } from '$lib/paraglide/messages';
import { blankFields, invalid, refusedBy } from '$lib/server/forms';
import { orNotFound } from '$lib/server/cycles';
import { maxPhotos, photoAccept, receivePhotos } from '$lib/server/photos';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

const formId = 'objection';

const targetOf = (value: string) => {
  const [communityId = '', proposalId] = value.split('/');
  return { communityId, proposalId };
};

// Anyone signed in objects, during the notice period, to a pool project of a community or to its
// count, with text and optional photos.
export const load: PageServerLoad = async ({ locals, cookies, params, url }) => {
  if (!locals.user) {
    redirect(303, `/login?back=${encodeURIComponent(url.pathname + url.search)}`);
  }
  const notice = await orNotFound(
    locals.api.outcome.notice.query({ cycleId: params.cycleId, minPosition: lastWrite(cookies) }),
  );
  return {
    notice,
    maxPhotos,
    photoAccept,
    form: await superValidate(
      { target: url.searchParams.get('target') ?? '' },
      zod4(objectionForm),
      { id: formId, errors: false },
    ),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const { locals, cookies, params, request } = event;
    if (!locals.user) return fail(401, { text: m.proposal_sign_in_first() });
    const data = await request.formData();
    const form = await superValidate(data, zod4(objectionForm), { id: formId });
    await receivePhotos(event, form, data);
    if (blankFields(form, ['target', 'text']) || !form.valid) return invalid(form);
    const { communityId, proposalId } = targetOf(form.data.target);
    let position: string;
    try {
      const result = await locals.api.outcome.file.mutate({
        cycleId: params.cycleId,
        communityId,
        ...(proposalId ? { proposalId } : {}),
        text: form.data.text,
        photoIds: form.data.photoIds,
      });
      position = result.position;
    } catch (cause) {
      return refusedBy(form, cause, (path) =>
        path === 'communityId' || path === 'proposalId'
          ? { field: 'target' }
          : { field: path.replace(/\.\d+$/, '') },
      );
    }
    rememberWrite(cookies, position);
    redirect(303, `/cycles/${encodeURIComponent(params.cycleId)}/notice?done=filed`);
  },
};
