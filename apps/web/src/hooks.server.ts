import type { Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { largeTextValue, textSizeCookie } from '$lib/preferences';
import { createRequestApi, sessionCookie } from '$lib/server/api';

// Locale per request (cookie → Accept-Language → zh-CN), held in AsyncLocalStorage for the
// messages and for the API client's x-gongzhi-locale header.
const locale: Handle = ({ event, resolve }) =>
  paraglideMiddleware(event.request, ({ request, locale }) => {
    event.request = request;
    return resolve(event, {
      transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale),
    });
  });

const textSize: Handle = ({ event, resolve }) => {
  event.locals.largeText = event.cookies.get(textSizeCookie) === largeTextValue;
  return resolve(event, {
    transformPageChunk: ({ html }) =>
      html.replace('%gongzhi.textsize%', event.locals.largeText ? 'text-large' : ''),
  });
};

const session: Handle = async ({ event, resolve }) => {
  event.locals.api = createRequestApi(event);
  event.locals.user = event.cookies.get(sessionCookie)
    ? (await event.locals.api.auth.me.query()).account
    : null;
  return resolve(event);
};

export const handle = sequence(locale, textSize, session);
