import { fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { registerCommunityForm, registerStreetForm } from '$lib/organisation/forms';
import { optional } from '$lib/resident/forms';
import { m } from '$lib/paraglide/messages';
import { canManageCommunitiesOf, canRegisterStreet } from '$lib/permissions';
import { refusal, success } from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

const streetFormId = 'register-street';
const communityFormId = 'register-community';

export const load: PageServerLoad = async ({ locals, cookies, parent }) => {
  const { staff } = await parent();
  const overview = await locals.api.organisation.overview.query({
    minPosition: lastWrite(cookies),
  });
  const manageable = overview.streets.filter(
    (street) => street.status === 'open' && canManageCommunitiesOf(staff.grants, street.streetId),
  );
  return {
    overview,
    manageableStreetIds: manageable.map((street) => street.streetId),
    mayRegisterStreet: canRegisterStreet(staff.grants),
    streetForm: await superValidate(zod4(registerStreetForm), { id: streetFormId }),
    communityForm: await superValidate(
      { streetId: manageable[0]?.streetId ?? '', kind: 'urban' },
      zod4(registerCommunityForm),
      { id: communityFormId, errors: false },
    ),
  };
};

export const actions: Actions = {
  registerStreet: async ({ request, locals, cookies }) => {
    const form = await superValidate(request, zod4(registerStreetForm), { id: streetFormId });
    if (!form.valid) return fail(400, { form });
    try {
      const result = await locals.api.organisation.registerStreet.mutate({
        name: form.data.name,
        nameEn: optional(form.data.nameEn),
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return refusal(form, error);
    }
    const text = m.admin_street_registered({ name: form.data.name.trim() });
    const fresh = await superValidate(zod4(registerStreetForm), { id: streetFormId });
    return success(fresh, text);
  },

  registerCommunity: async ({ request, locals, cookies }) => {
    const form = await superValidate(request, zod4(registerCommunityForm), {
      id: communityFormId,
    });
    if (!form.valid) return fail(400, { form });
    try {
      const result = await locals.api.organisation.registerCommunity.mutate({
        streetId: form.data.streetId,
        // Checked by the API, which names the field if it is neither.
        kind: form.data.kind as 'urban' | 'village',
        name: form.data.name,
        nameEn: optional(form.data.nameEn),
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return refusal(form, error);
    }
    const text = m.admin_community_registered({ name: form.data.name.trim() });
    // Ready for the next one in the same street.
    const fresh = await superValidate(
      { streetId: form.data.streetId, kind: form.data.kind },
      zod4(registerCommunityForm),
      { id: communityFormId, errors: false },
    );
    return success(fresh, text);
  },
};
