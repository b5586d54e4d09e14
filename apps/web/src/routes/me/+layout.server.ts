import { m } from '$lib/paraglide/messages';
import { refusePage, requireSignIn } from '$lib/server/sign-in';
import type { LayoutServerLoad } from './$types';

// A resident's own pages. Staff accounts have no resident record: their page is /account.
export const load: LayoutServerLoad = ({ locals, url }) => {
  if (!locals.user) requireSignIn(url, 'resident');
  if (locals.user.kind !== 'resident') {
    refusePage(m.refused_resident_pages(), locals.user, {
      href: '/account',
      label: m.nav_account(),
    });
  }
  return { resident: locals.user };
};
