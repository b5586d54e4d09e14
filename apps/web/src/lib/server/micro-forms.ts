// Form answers for the micro-project pages: problems found before calling the API (blank, not an
// amount, not a date) and the API's own field errors, each beside the field it is about. Fields
// that are lists (a row per community, a line per list item) carry their problems on the list,
// prefixed with the row they are about.
import type { NumericRange } from '@sveltejs/kit';
import { fieldErrorsOf, isApiError } from '@gongzhi/api/client';
import { message, type SuperValidated } from 'sveltekit-superforms';
import { m } from '$lib/paraglide/messages';
import { refusalKind, type FormMessage } from './forms';

type Form = SuperValidated<Record<string, unknown>, FormMessage>;

/** Adds a problem to a field: a text field's list, or a list field's own `_errors`. */
export function addFieldError(form: Form, field: string, text: string): void {
  const errors = form.errors as Record<string, unknown>;
  const data = form.data as Record<string, unknown>;
  if (Array.isArray(data[field])) {
    const current = (errors[field] ?? {}) as { _errors?: string[] };
    errors[field] = { ...current, _errors: [...(current._errors ?? []), text] };
  } else {
    errors[field] = [...((errors[field] as string[] | undefined) ?? []), text];
  }
  form.valid = false;
}

/** Marks blank required fields; true when any was blank. */
export function blankFields(form: Form, fields: readonly string[]): boolean {
  const data = form.data as Record<string, unknown>;
  const blank = fields.filter((field) => String(data[field] ?? '').trim() === '');
  for (const field of blank) addFieldError(form, field, m.proposal_field_required());
  return blank.length > 0;
}

/** The form answered without calling the API: its problems are beside the fields. */
export function invalid(form: Form) {
  form.valid = false;
  return message(form, { kind: 'error', text: m.error_form_heading() }, { status: 400 });
}

/** Where an API input path belongs: a form field, and the row of a list when it names one. */
export type FieldOf = (path: string) => { field: string; row?: number | undefined } | undefined;

/** `communities.2.budget` → the index 2 after `communities`. */
export function rowOf(path: string, list: string): number | undefined {
  const match = new RegExp(`^${list}\\.(\\d+)(\\.|$)`).exec(path);
  return match ? Number(match[1]) : undefined;
}

function httpStatus(error: unknown): NumericRange<400, 599> {
  const status = (isApiError(error) && error.data?.httpStatus) || 500;
  return (status >= 400 && status < 600 ? status : 500) as NumericRange<400, 599>;
}

/** An API refusal as the form's answer: field problems placed, anything else as its message. */
export function refusedBy(
  form: Form,
  error: unknown,
  fieldOf: FieldOf = (path) => ({ field: path }),
) {
  if (!isApiError(error)) throw error;
  const status = httpStatus(error);
  const data = form.data as Record<string, unknown>;
  let unplaced = false;
  const fieldErrors = fieldErrorsOf(error);
  for (const { path, message: text } of fieldErrors) {
    const place = fieldOf(path);
    if (place && place.field in data) {
      const prefix = place.row === undefined ? '' : m.proposal_row_prefix({ row: place.row + 1 });
      addFieldError(form, place.field, `${prefix}${text}`);
    } else unplaced = true;
  }
  form.valid = false;
  const kind = refusalKind(error);
  // A conflict says what changed; field problems all placed need only a heading.
  const text =
    fieldErrors.length > 0 && !unplaced && status !== 409 ? m.error_form_heading() : error.message;
  return message(form, { kind, text }, { status });
}
