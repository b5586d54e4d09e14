import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { mayManageCycles } from '$lib/permissions';
import { chinaToday } from '$lib/text';
import { cycleFieldOf, cycleForm, definitionOf, newCycleValues } from '$lib/cycle/forms';
import { blankFields, invalid, refusedBy } from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { refusePage } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

// A new cycle of one street (`?street=`): a row per open community of it.
/** The prefix of the fields' ids (`cycle-title`). */
const formId = 'cycle';

export const load: PageServerLoad = async ({ locals, cookies, parent, url }) => {
  const { staff } = await parent();
  const overview = await locals.api.organisation.overview.query({
    minPosition: lastWrite(cookies),
  });
  const streets = overview.streets.filter(
    (s) => s.status === 'open' && mayManageCycles(staff.grants, s.streetId),
  );
  if (streets.length === 0) refusePage(m.cycle_admin_need_role(), staff);
  const street = streets.find((s) => s.streetId === url.searchParams.get('street')) ?? streets[0]!;
  const communities = street.communities.filter((c) => c.status === 'open');
  const year = Number(chinaToday().slice(0, 4));
  return {
    street,
    communities: Object.fromEntries(communities.map((c) => [c.communityId, c])),
    form: await superValidate(
      newCycleValues(
        street.streetId,
        communities.map((c) => c.communityId),
        year,
      ),
      zod4(cycleForm),
      { id: formId, errors: false },
    ),
  };
};

export const actions: Actions = {
  default: async ({ request, locals, cookies }) => {
    const form = await superValidate(request, zod4(cycleForm), { id: formId });
    if (!form.valid) return fail(400, { form });
    const blank = blankFields(form, ['title', 'year']);
    const parsed = definitionOf(form);
    if (blank || !parsed) return invalid(form);
    let cycleId: string;
    try {
      const result = await locals.api.cycle.draft.mutate({
        streetId: form.data.streetId,
        ...parsed.definition,
      });
      rememberWrite(cookies, result.position);
      cycleId = result.cycleId;
    } catch (cause) {
      return refusedBy(form, cause, cycleFieldOf(parsed.communityRows));
    }
    redirect(303, `/admin/cycles/${encodeURIComponent(cycleId)}`);
  },
};
