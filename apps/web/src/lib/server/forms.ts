// Turns an API refusal into a form result: field errors beside their fields, anything else
// (conflict, no permission, not found) as the form's message, all in the person's language.
import type { NumericRange } from '@sveltejs/kit';
import { fieldErrorsOf, isApiError } from '@gongzhi/api/client';
import { message, type SuperValidated } from 'sveltekit-superforms';
import { m } from '$lib/paraglide/messages';

export type FormMessage = { kind: 'success' | 'conflict' | 'error'; text: string };

type Form = SuperValidated<Record<string, unknown>, FormMessage>;

/**
 * `hidden` names fields the person cannot see (e.g. expectedRevision): their errors go to the
 * form's message instead.
 */
export function refusal<F extends Form>(form: F, error: unknown, hidden: readonly string[] = []) {
  if (!isApiError(error)) throw error;
  const status = error.data?.httpStatus ?? 500;
  let unplaced = false;
  const errors = form.errors as Record<string, string[] | undefined>;
  const fieldErrors = fieldErrorsOf(error);
  for (const { path, message: text } of fieldErrors) {
    if (path in form.data && !hidden.includes(path)) errors[path] = [...(errors[path] ?? []), text];
    else unplaced = true;
  }
  form.valid = false;
  const kind = status === 409 ? 'conflict' : 'error';
  const text = unplaced
    ? error.message
    : fieldErrors.length > 0
      ? m.error_form_heading()
      : error.message;
  const failure = (status >= 400 && status < 600 ? status : 500) as NumericRange<400, 599>;
  return message(form, { kind, text }, { status: failure });
}
