import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
  user: locals.user,
  // A resident's unread notices, counted in the nav.
  unread:
    locals.user?.kind === 'resident'
      ? (await locals.api.notification.inbox.query({ unreadOnly: true, limit: 1 })).unread
      : 0,
  // What waits for a staff member's act, counted in the nav.
  waiting:
    locals.user?.kind === 'staff'
      ? (await locals.api.notification.staffInbox.query()).items.length
      : 0,
  largeText: locals.largeText,
});
