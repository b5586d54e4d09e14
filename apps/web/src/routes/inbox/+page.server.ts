import { m } from '$lib/paraglide/messages';
import { lastWrite } from '$lib/server/read-your-writes';
import { refusePage, requireSignIn } from '$lib/server/sign-in';
import type { PageServerLoad } from './$types';

// What waits for the staff member's act, newest first; a resident's messages are under /me/inbox.
export const load: PageServerLoad = async ({ locals, url, cookies }) => {
  if (!locals.user) requireSignIn(url, 'staff');
  if (locals.user.kind === 'resident') {
    refusePage(m.staff_inbox_residents(), locals.user, {
      href: '/me/inbox',
      label: m.staff_inbox_go_messages(),
    });
  }
  const { items } = await locals.api.notification.staffInbox.query({
    minPosition: lastWrite(cookies),
  });
  return { items };
};
