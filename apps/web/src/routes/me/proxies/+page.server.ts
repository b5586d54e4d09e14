import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { grantProxyForm, optional } from '$lib/resident/forms';
import { m } from '$lib/paraglide/messages';
import {
  blankRequired,
  incomplete,
  itemRefusal,
  itemSuccess,
  refusal,
  success,
} from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

const grantFormId = 'grant-proxy';

const powersOf = (choice: string): ('propose' | 'vote')[] =>
  choice === 'propose' ? ['propose'] : choice === 'vote' ? ['vote'] : ['propose', 'vote'];

export const load: PageServerLoad = async ({ locals, cookies }) => ({
  profile: await locals.api.resident.me.query({ minPosition: lastWrite(cookies) }),
  grantForm: await superValidate(zod4(grantProxyForm), { id: grantFormId }),
});

export const actions: Actions = {
  grant: async ({ request, locals, cookies }) => {
    const form = await superValidate(request, zod4(grantProxyForm), { id: grantFormId });
    if (blankRequired(form, ['granteePhone'])) return incomplete(form);
    try {
      const result = await locals.api.resident.grantProxy.mutate({
        granteePhone: form.data.granteePhone,
        powers: powersOf(form.data.powers),
        until: optional(form.data.until),
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return refusal(form, error);
    }
    const fresh = await superValidate(zod4(grantProxyForm), { id: grantFormId });
    return success(fresh, m.proxy_granted());
  },

  revoke: async ({ request, locals, cookies }) => {
    const proxyId = String((await request.formData()).get('proxyId') ?? '');
    try {
      const result = await locals.api.resident.revokeProxy.mutate({ proxyId });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal(proxyId, error);
    }
    return itemSuccess(proxyId, m.proxy_revoked());
  },
};
