import { redirect } from '@sveltejs/kit';
import { sessionCookie } from '$lib/server/api';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ locals, cookies }) => {
    await locals.api.auth.logout.mutate();
    // The API clears the cookie too; this also covers a session the API no longer knew.
    cookies.delete(sessionCookie, { path: '/' });
    redirect(303, '/');
  },
};
