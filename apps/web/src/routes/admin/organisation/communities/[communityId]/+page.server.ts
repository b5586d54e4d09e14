import { error, fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { isApiError } from '@gongzhi/api/client';
import { closeCommunityForm, renameCommunityForm } from '$lib/organisation/forms';
import { optional } from '$lib/resident/forms';
import { m } from '$lib/paraglide/messages';
import { refusal, success } from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

const renameFormId = 'rename';
const closeFormId = 'close';
// The revision the person saw travels in a hidden field; the API answers 409 if it moved.
const hidden = ['expectedRevision'];

export const load: PageServerLoad = async ({ locals, cookies, params }) => {
  let found;
  try {
    found = await locals.api.organisation.community.query({
      communityId: params.communityId,
      minPosition: lastWrite(cookies),
    });
  } catch (cause) {
    const status = isApiError(cause) ? cause.data?.httpStatus : undefined;
    if (status === 404 || status === 400) error(404, m.admin_community_not_found());
    throw cause;
  }
  const { community } = found;
  return {
    ...found,
    renameForm: await superValidate(
      {
        name: community.name,
        nameEn: community.nameEn ?? '',
        expectedRevision: community.revision,
      },
      zod4(renameCommunityForm),
      { id: renameFormId, errors: false },
    ),
    closeForm: await superValidate(
      { expectedRevision: community.revision },
      zod4(closeCommunityForm),
      { id: closeFormId, errors: false },
    ),
  };
};

export const actions: Actions = {
  rename: async ({ request, locals, cookies, params }) => {
    const form = await superValidate(request, zod4(renameCommunityForm), { id: renameFormId });
    if (!form.valid) return fail(400, { form });
    try {
      const result = await locals.api.organisation.renameCommunity.mutate({
        communityId: params.communityId,
        name: form.data.name,
        nameEn: optional(form.data.nameEn),
        expectedRevision: optional(form.data.expectedRevision),
      });
      rememberWrite(cookies, result.position);
      // The next save from this form builds on the revision just written.
      if (result.revision !== null) form.data.expectedRevision = result.revision;
    } catch (cause) {
      return refusal(form, cause, hidden);
    }
    return success(form, m.admin_community_renamed({ name: form.data.name.trim() }));
  },

  close: async ({ request, locals, cookies, params }) => {
    const form = await superValidate(request, zod4(closeCommunityForm), { id: closeFormId });
    if (!form.valid) return fail(400, { form });
    try {
      const result = await locals.api.organisation.closeCommunity.mutate({
        communityId: params.communityId,
        reason: optional(form.data.reason),
        expectedRevision: optional(form.data.expectedRevision),
      });
      rememberWrite(cookies, result.position);
    } catch (cause) {
      return refusal(form, cause, hidden);
    }
    return success(form, m.admin_community_closed());
  },
};
