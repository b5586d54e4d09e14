import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

// Staff pages: without a session, sign in first and come back.
export const load: LayoutServerLoad = ({ locals, url }) => {
  if (!locals.user) {
    redirect(303, `/login?back=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return { staff: locals.user };
};
