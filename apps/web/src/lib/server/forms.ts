// Turns an API refusal into a form result: field errors beside their fields, anything else
// (conflict, no permission, not found) as the form's message, all in the person's language.
import { fail, type NumericRange } from '@sveltejs/kit';
import { fieldErrorsOf, isApiError, type ApiError } from '@gongzhi/api/client';
import { message, type SuperValidated } from 'sveltekit-superforms';
import { m } from '$lib/paraglide/messages';
import { rememberWrite } from './read-your-writes';

export type FormMessage = { kind: 'success' | 'conflict' | 'error'; text: string };

type Form = SuperValidated<Record<string, unknown>, FormMessage>;

/** Refusals because someone else changed the thing after the person opened it. */
const changedMeanwhile = ['changed_meanwhile', 'revision_mismatch', 'kept_changing'];

/**
 * The kind of message a refusal shows: 'conflict' (under "someone changed this first") only when
 * that is what happened; any other refusal, a 409 for a rule of the moment included (e.g. the
 * notice period is still open), shows its own reason alone.
 */
export function refusalKind(error: ApiError): 'conflict' | 'error' {
  return changedMeanwhile.includes(error.data?.reason ?? '') ? 'conflict' : 'error';
}

function httpStatus(error: unknown): NumericRange<400, 599> {
  const status = (isApiError(error) && error.data?.httpStatus) || 500;
  return (status >= 400 && status < 600 ? status : 500) as NumericRange<400, 599>;
}

/**
 * `hidden` names fields the person cannot see (e.g. expectedRevision): their errors go to the
 * form's message instead. `fieldOf` maps an API input path to the form field that holds it
 * (e.g. `ties.0.communityId` → `tieCommunityIds`).
 */
export function refusal<F extends Form>(
  form: F,
  error: unknown,
  hidden: readonly string[] = [],
  fieldOf: (path: string) => string = (path) => path,
) {
  if (!isApiError(error)) throw error;
  const status = httpStatus(error);
  let unplaced = false;
  const errors = form.errors as Record<string, string[] | undefined>;
  const fieldErrors = fieldErrorsOf(error);
  for (const { path, message: text } of fieldErrors) {
    const field = fieldOf(path);
    if (field in form.data && !hidden.includes(field)) {
      errors[field] = [...(errors[field] ?? []), text];
    } else unplaced = true;
  }
  form.valid = false;
  const kind = refusalKind(error);
  const text = unplaced
    ? error.message
    : fieldErrors.length > 0
      ? m.error_form_heading()
      : error.message;
  return message(form, { kind, text }, { status });
}

/**
 * A form's success message. The form may be a fresh, empty one (ready for the next entry): it is
 * marked valid, else superforms would answer 400 and the page would not reload its data.
 */
export function success<F extends Form>(form: F, text: string) {
  form.valid = true;
  return message(form, { kind: 'success', text });
}

/**
 * Marks required fields left blank, with a plain "please fill in" rather than the API's
 * technical wording; true when any was blank (the action then answers without calling the API).
 */
export function blankRequired<F extends Form>(form: F, fields: readonly string[]): boolean {
  const errors = form.errors as Record<string, string[] | undefined>;
  const data = form.data as Record<string, unknown>;
  const blank = fields.filter((field) => String(data[field] ?? '').trim() === '');
  for (const field of blank) errors[field] = [m.error_required()];
  if (blank.length > 0) form.valid = false;
  return blank.length > 0;
}

/** A form the page itself found incomplete (blank required fields), said at its top too. */
export function incomplete<F extends Form>(form: F) {
  form.valid = false;
  return message(form, { kind: 'error', text: m.error_form_heading() }, { status: 400 });
}

/** The answer of a form that acts on one item of a list (one tie, one session, one grant). */
export type ItemResult = { item: string } & FormMessage;

export function itemSuccess(item: string, text: string): ItemResult {
  return { item, kind: 'success', text };
}

/** A refused item action: its message (field problems included) shown beside the item. */
export function itemRefusal(item: string, error: unknown) {
  if (!isApiError(error)) throw error;
  const status = httpStatus(error);
  const fieldErrors = fieldErrorsOf(error);
  const text = fieldErrors.length > 0 ? fieldErrors.map((e) => e.message).join(' ') : error.message;
  return fail(status, {
    item,
    kind: refusalKind(error),
    text,
  });
}

/**
 * Runs one write of an item form (a button beside one item of a list), keeps its position for
 * read-your-writes, and answers beside the item: `done` (beside `doneItem` when the item leaves
 * its list on success), or the refusal.
 */
export async function itemWrite(
  cookies: Parameters<typeof rememberWrite>[0],
  item: string,
  write: () => Promise<{ position: string }>,
  done: string,
  doneItem = item,
) {
  try {
    rememberWrite(cookies, (await write()).position);
  } catch (error) {
    return itemRefusal(item, error);
  }
  return itemSuccess(doneItem, done);
}

/** A text field of a plain (not superforms) form, trimmed; '' when absent. */
export const formText = (data: FormData, name: string): string =>
  String(data.get(name) ?? '').trim();

/** An item action refused before it reached the API (a blank required field). */
export function itemBlank(item: string) {
  return fail(400, { item, kind: 'error' as const, text: m.error_required() });
}

// Forms with list fields (a cycle's row per community, a proposal's photos): problems found
// before calling the API (blank, not an amount, not a date) and the API's own field errors, each
// beside the field it is about. A list carries its problems on the list, prefixed with the row.

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
