import { redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { setPasswordForm } from '$lib/resident/forms';
import { m } from '$lib/paraglide/messages';
import { blankRequired, incomplete, refusal } from '$lib/server/forms';
import { requestPhoneCode } from '$lib/server/phone-code';
import type { Actions, PageServerLoad } from './$types';

// A resident sets a password with a code texted to their number: the first one after a
// community worker registered them in person, or a new one when they forgot it.
const formId = 'set-password';

async function readForm(request: Request) {
  const form = await superValidate(request, zod4(setPasswordForm), { id: formId });
  // The password never goes back to the page.
  const { password } = form.data;
  form.data.password = '';
  return { form, password };
}

export const load: PageServerLoad = async () => ({
  form: await superValidate(zod4(setPasswordForm), { id: formId }),
});

export const actions: Actions = {
  requestCode: async ({ request, locals }) => {
    const { form } = await readForm(request);
    if (blankRequired(form, ['phone'])) return incomplete(form);
    return requestPhoneCode(locals.api, form);
  },

  setPassword: async ({ request, locals }) => {
    const { form, password } = await readForm(request);
    const blank = blankRequired(form, ['phone', 'code']);
    if (password === '') {
      form.errors.password = [m.error_required()];
      form.valid = false;
    }
    if (blank || password === '') return incomplete(form);
    try {
      // Confirms the number, ends every other session, and signs in.
      await locals.api.resident.setPassword.mutate({
        phone: form.data.phone,
        code: form.data.code,
        password,
      });
    } catch (error) {
      return refusal(form, error);
    }
    redirect(303, '/me?password=1');
  },
};
