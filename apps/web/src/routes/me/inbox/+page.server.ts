import { m } from '$lib/paraglide/messages';
import { itemRefusal, itemSuccess } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

// What I was told about the proposals I made or co-signed, and about my objections, newest first.
export const load: PageServerLoad = async ({ locals }) => {
  const { notices, unread } = await locals.api.notification.inbox.query({ limit: 200 });
  return { notices, unread };
};

export const actions: Actions = {
  read: async ({ request, locals }) => {
    const noticeId = String((await request.formData()).get('noticeId') ?? '');
    try {
      await locals.api.notification.markRead.mutate({ noticeIds: [noticeId] });
    } catch (cause) {
      return itemRefusal(noticeId, cause);
    }
    return itemSuccess(noticeId, m.inbox_marked_read());
  },

  readAll: async ({ locals }) => {
    try {
      await locals.api.notification.markRead.mutate({ all: true });
    } catch (cause) {
      return itemRefusal('all', cause);
    }
    return itemSuccess('all', m.inbox_all_read());
  },
};
