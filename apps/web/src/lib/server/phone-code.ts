// Asking the API to text a one-time code to the number in a form (registration, setting a
// password), answered in that form.
import type { ApiClient } from '@gongzhi/api/client';
import type { SuperValidated } from 'sveltekit-superforms';
import { m } from '$lib/paraglide/messages';
import { maskTypedPhone } from '$lib/residents';
import { refusal, success, type FormMessage } from './forms';

export async function requestPhoneCode<
  F extends SuperValidated<{ phone: string } & Record<string, unknown>, FormMessage>,
>(api: ApiClient, form: F) {
  let sent;
  try {
    sent = await api.resident.requestPhoneCode.mutate({ phone: form.data.phone });
  } catch (error) {
    return refusal(form, error);
  }
  const minutes = Math.max(1, Math.round((Date.parse(sent.expiresAt) - Date.now()) / 60_000));
  return success(form, m.phone_code_sent({ phone: maskTypedPhone(form.data.phone), minutes }));
}
