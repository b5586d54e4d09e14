import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { safeReturnPath } from '$lib/preferences';
import { staffHome } from '$lib/permissions';
import type { SessionUser } from './session';

type Person = Pick<SessionUser, 'kind' | 'grants'>;

/** A person's own start page: a resident's 我的, a staff member's first section. */
const startPage = (user: Person): string =>
  user.kind === 'resident' ? '/me' : staffHome(user.grants);

/** Where to go after signing in: back where the person was headed, else their own start page. */
export function afterSignIn(url: URL, user: Person): string {
  const back = url.searchParams.get('back');
  if (back) return safeReturnPath(back);
  return startPage(user);
}

/**
 * A page the person may not see. Every such page answers alike: a 403 refusal page that says
 * why and links to where the person can go instead, their own start page unless `elsewhere`.
 */
export function refusePage(why: string, user: Person | null, elsewhere?: App.Elsewhere): never {
  error(403, {
    message: why,
    elsewhere:
      elsewhere ??
      (user
        ? { href: startPage(user), label: m.refused_go_start() }
        : { href: '/', label: m.nav_home() }),
  });
}

/** Pages for signed-in people: without a session, sign in first (as `as`) and come back. */
export function requireSignIn(url: URL, as: 'resident' | 'staff'): never {
  const back = encodeURIComponent(url.pathname + url.search);
  redirect(303, `${as === 'staff' ? '/login/staff' : '/login'}?back=${back}`);
}
