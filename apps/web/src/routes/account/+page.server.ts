import { redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { changePasswordForm } from '$lib/resident/forms';
import { m } from '$lib/paraglide/messages';
import { sessionCookie } from '$lib/server/api';
import { incomplete, itemRefusal, itemSuccess, refusal, success } from '$lib/server/forms';
import { requireSignIn } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

// Anyone signed in (resident or staff): the devices signed in to the account, and the password.
const passwordFormId = 'change-password';

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.user) requireSignIn(url, 'resident');
  return {
    account: locals.user,
    sessions: (await locals.api.session.list.query()).sessions,
    passwordForm: await superValidate(zod4(changePasswordForm), { id: passwordFormId }),
  };
};

export const actions: Actions = {
  revoke: async ({ request, locals, cookies }) => {
    const sessionId = String((await request.formData()).get('sessionId') ?? '');
    let signedOut;
    try {
      ({ signedOut } = await locals.api.session.revoke.mutate({ sessionId }));
    } catch (error) {
      return itemRefusal(sessionId, error);
    }
    if (signedOut) {
      cookies.delete(sessionCookie, { path: '/' });
      redirect(303, '/');
    }
    return itemSuccess(sessionId, m.session_revoked());
  },

  revokeOthers: async ({ locals }) => {
    let revoked;
    try {
      ({ revoked } = await locals.api.session.revokeOthers.mutate());
    } catch (error) {
      return itemRefusal('others', error);
    }
    return itemSuccess('others', m.sessions_others_revoked({ count: revoked }));
  },

  changePassword: async ({ request, locals }) => {
    const form = await superValidate(request, zod4(changePasswordForm), { id: passwordFormId });
    const { currentPassword, newPassword } = form.data;
    // Passwords never go back to the page.
    form.data.currentPassword = '';
    form.data.newPassword = '';
    const blank = [currentPassword, newPassword].some((value) => value === '');
    if (blank) {
      if (currentPassword === '') form.errors.currentPassword = [m.error_required()];
      if (newPassword === '') form.errors.newPassword = [m.error_required()];
      form.valid = false;
      return incomplete(form);
    }
    let revokedSessions;
    try {
      ({ revokedSessions } = await locals.api.session.changePassword.mutate({
        currentPassword,
        newPassword,
      }));
    } catch (error) {
      return refusal(form, error);
    }
    return success(form, m.password_changed({ count: revokedSessions }));
  },
};
