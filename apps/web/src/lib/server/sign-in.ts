import { redirect } from '@sveltejs/kit';
import { safeReturnPath } from '$lib/preferences';
import { staffHome } from '$lib/permissions';
import type { SessionUser } from './session';

/** Where to go after signing in: back where the person was headed, else their own start page. */
export function afterSignIn(url: URL, user: Pick<SessionUser, 'kind' | 'grants'>): string {
  const back = url.searchParams.get('back');
  if (back) return safeReturnPath(back);
  return user.kind === 'resident' ? '/me' : staffHome(user.grants);
}

/** Pages for signed-in people: without a session, sign in first (as `as`) and come back. */
export function requireSignIn(url: URL, as: 'resident' | 'staff'): never {
  const back = encodeURIComponent(url.pathname + url.search);
  redirect(303, `${as === 'staff' ? '/login/staff' : '/login'}?back=${back}`);
}
