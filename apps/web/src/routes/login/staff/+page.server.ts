import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { loginForm } from '$lib/organisation/forms';
import { refusal } from '$lib/server/forms';
import { afterSignIn } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

/** The prefix of the fields' ids (`staff-login-name`). */
const formId = 'staff';

export const load: PageServerLoad = async ({ locals, url }) => {
  if (locals.user) redirect(303, afterSignIn(url, locals.user));
  return { form: await superValidate(zod4(loginForm), { id: formId }) };
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const form = await superValidate(request, zod4(loginForm), { id: formId });
    if (!form.valid) return fail(400, { form });
    const { loginName, password } = form.data;
    // The password never goes back to the page.
    form.data.password = '';
    let signedIn;
    try {
      // The API's Set-Cookie (the session) reaches the browser through the request's client.
      signedIn = await locals.api.auth.login.mutate({ loginName, password });
    } catch (error) {
      return refusal(form, error);
    }
    redirect(303, afterSignIn(url, signedIn.account));
  },
};
