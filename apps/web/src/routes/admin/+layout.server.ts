import { requireSignIn } from '$lib/server/sign-in';
import type { LayoutServerLoad } from './$types';

// Staff pages: without a session, sign in first and come back.
export const load: LayoutServerLoad = ({ locals, url }) => {
  if (!locals.user) requireSignIn(url, 'staff');
  return { staff: locals.user };
};
