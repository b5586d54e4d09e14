import { redirect } from '@sveltejs/kit';
import { requireSignIn } from '$lib/server/sign-in';
import type { LayoutServerLoad } from './$types';

// A resident's own pages. Staff accounts have no resident record: their page is /account.
export const load: LayoutServerLoad = ({ locals, url }) => {
  if (!locals.user) requireSignIn(url, 'resident');
  if (locals.user.kind !== 'resident') redirect(303, '/account');
  return { resident: locals.user };
};
