import { redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { residentLoginForm } from '$lib/resident/forms';
import { blankRequired, incomplete, refusal } from '$lib/server/forms';
import { afterSignIn } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

/** The prefix of the fields' ids (`resident-phone`). */
const formId = 'resident';

export const load: PageServerLoad = async ({ locals, url }) => {
  if (locals.user) redirect(303, afterSignIn(url, locals.user));
  return { form: await superValidate(zod4(residentLoginForm), { id: formId }) };
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const form = await superValidate(request, zod4(residentLoginForm), { id: formId });
    if (!form.valid) return incomplete(form);
    const { phone, password } = form.data;
    // The password never goes back to the page.
    form.data.password = '';
    if (blankRequired(form, ['phone'])) return incomplete(form);
    try {
      await locals.api.resident.login.mutate({ phone, password });
    } catch (error) {
      return refusal(form, error);
    }
    redirect(303, afterSignIn(url, { kind: 'resident', grants: [] }));
  },
};
