import { lastWrite } from '$lib/server/read-your-writes';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, cookies }) => ({
  user: locals.user,
  // A resident's unread notices, counted in the nav.
  unread:
    locals.user?.kind === 'resident'
      ? (await locals.api.notification.inbox.query({ unreadOnly: true, limit: 1 })).unread
      : 0,
  // What waits for a staff member's act, counted in the nav: as of their last write, so that the
  // count drops on the page they land on after acting, as the inbox's list does.
  waiting:
    locals.user?.kind === 'staff'
      ? (await locals.api.notification.staffInbox.query({ minPosition: lastWrite(cookies) })).items
          .length
      : 0,
  largeText: locals.largeText,
});
