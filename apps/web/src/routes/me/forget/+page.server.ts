import { redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { forgetMeForm } from '$lib/resident/forms';
import { m } from '$lib/paraglide/messages';
import { sessionCookie } from '$lib/server/api';
import { incomplete, refusal } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const formId = 'forget';

export const load: PageServerLoad = async () => ({
  form: await superValidate(zod4(forgetMeForm), { id: formId }),
});

export const actions: Actions = {
  default: async ({ request, locals, cookies }) => {
    const form = await superValidate(request, zod4(forgetMeForm), { id: formId });
    const { password } = form.data;
    form.data.password = '';
    if (password === '') {
      form.errors.password = [m.error_required()];
      form.valid = false;
      return incomplete(form);
    }
    try {
      // Deletes the personal data for good and ends every session (the API clears the cookie).
      await locals.api.resident.forgetMe.mutate({ password });
    } catch (error) {
      return refusal(form, error);
    }
    cookies.delete(sessionCookie, { path: '/' });
    redirect(303, '/goodbye');
  },
};
