// What the paper ballot pages answer when the API refuses one of their forms.
import { fail } from '@sveltejs/kit';
import type { ApiError } from '@gongzhi/api/client';
import { refusalKind } from './forms';

/** The refusal's status (a 4xx or 5xx) with the form's data and its kind of message. */
export function paperRefusal<T extends Record<string, unknown>>(cause: ApiError, data: T) {
  const status = cause.data?.httpStatus ?? 500;
  return fail(status >= 400 && status < 600 ? status : 500, {
    ...data,
    kind: refusalKind(cause),
  });
}
