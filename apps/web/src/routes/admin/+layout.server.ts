import { m } from '$lib/paraglide/messages';
import { refusePage, requireSignIn } from '$lib/server/sign-in';
import type { LayoutServerLoad } from './$types';

// Staff pages: without a session, sign in first and come back; a resident is refused.
export const load: LayoutServerLoad = ({ locals, url }) => {
  if (!locals.user) requireSignIn(url, 'staff');
  if (locals.user.kind === 'resident') refusePage(m.refused_staff_pages(), locals.user);
  return { staff: locals.user };
};
