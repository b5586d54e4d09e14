// The feedback thread of a proposal not selected, as both its author (/me/feedback) and the
// community's workers (/work/feedback) see it: loading it, and posting a message to it.
import type { ApiClient } from '@gongzhi/api/client';
import type { Cookies } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { formText, itemBlank, itemRefusal, itemSuccess } from '$lib/server/forms';
import { orNotFound } from '$lib/server/cycles';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';

/** The page's data: the thread, as fresh as this browser's last write. */
export async function loadThread(api: ApiClient, cookies: Cookies, proposalId: string) {
  return {
    thread: await orNotFound(
      api.feedback.thread.query({ proposalId, minPosition: lastWrite(cookies) }),
    ),
  };
}

/** Posts the form's `text` with `send` (the author's reply or a worker's answer). */
export async function postThreadMessage(
  request: Request,
  cookies: Cookies,
  send: (text: string) => Promise<{ position: string }>,
) {
  const text = formText(await request.formData(), 'text');
  if (text === '') return itemBlank('message');
  try {
    const result = await send(text);
    rememberWrite(cookies, result.position);
  } catch (cause) {
    return itemRefusal('message', cause);
  }
  return itemSuccess('message', m.feedback_sent());
}
