// Language and text-size switches: plain form posts that set a cookie and go back, so they work
// without JavaScript.
import { redirect } from '@sveltejs/kit';
import {
  largeTextValue,
  localeCookie,
  parseLocale,
  preferenceCookieOptions,
  safeReturnPath,
  textSizeCookie,
} from '$lib/preferences';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, cookies }) => {
  const form = await request.formData();
  const locale = parseLocale(form.get('locale'));
  if (locale) cookies.set(localeCookie, locale, preferenceCookieOptions);
  const text = form.get('text');
  if (text === largeTextValue) cookies.set(textSizeCookie, largeTextValue, preferenceCookieOptions);
  else if (text === 'standard') cookies.delete(textSizeCookie, { path: '/' });
  redirect(303, safeReturnPath(form.get('back')));
};
