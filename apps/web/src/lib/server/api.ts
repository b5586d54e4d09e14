// The API as the web server calls it: one tRPC client per request. In the one-process server
// (apps/api) the API's fetch handler is called in-process; otherwise GONGZHI_API_URL is used.
// The client forwards the session cookie and the interface language, and passes cookies the API
// sets (sign-in, sign-out, session renewal) on to the browser.
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { createApiClient, type ApiClient } from '@gongzhi/api/client';
import { getLocale } from '$lib/paraglide/runtime';

export const sessionCookie = 'gongzhi_session';
const inProcessFetchKey = Symbol.for('gongzhi.apiFetch');
const defaultApiUrl = 'http://127.0.0.1:3001';

type InProcessFetch = (request: Request) => Response | Promise<Response>;

function inProcessFetch(): InProcessFetch | undefined {
  const candidate = (globalThis as Record<symbol, unknown>)[inProcessFetchKey];
  return typeof candidate === 'function' ? (candidate as InProcessFetch) : undefined;
}

/**
 * A plain HTTP request to one of the API's own paths (e.g. POST /api/photos), in-process when
 * the API runs in this process, with the browser's session cookie and language.
 */
export function fetchApi(event: RequestEvent, path: string, init: RequestInit): Promise<Response> {
  const local = inProcessFetch();
  const base = local ? event.url.origin : (env.GONGZHI_API_URL ?? defaultApiUrl);
  const headers = new Headers(init.headers);
  headers.set('x-gongzhi-locale', getLocale());
  headers.set('x-forwarded-for', event.getClientAddress());
  const token = event.cookies.get(sessionCookie);
  if (token) headers.set('cookie', `${sessionCookie}=${token}`);
  const request = new Request(new URL(path, base.replace(/\/+$/, '') + '/'), { ...init, headers });
  return local ? Promise.resolve(local(request)) : fetch(request);
}

/**
 * The API for one request. With `asOf` (YYYY-MM-DD), its public queries read the record as it
 * stood at the end of that day (see $lib/server/as-of.ts); it refuses commands.
 */
export function createRequestApi(event: RequestEvent, options: { asOf?: string } = {}): ApiClient {
  const local = inProcessFetch();
  // In-process requests carry the browser-facing origin, so the API marks cookies Secure
  // exactly when the site is served over https.
  const url = local
    ? new URL('/trpc', event.url).href
    : `${(env.GONGZHI_API_URL ?? defaultApiUrl).replace(/\/+$/, '')}/trpc`;

  return createApiClient({
    url,
    // One call, one request: each refusal keeps its own HTTP status for the form it answers.
    unbatched: true,
    ...(options.asOf !== undefined && { asOf: options.asOf }),
    ...(local && {
      fetch: async (input, init) => local(new Request(input, init)),
    }),
    headers: () => {
      const headers: Record<string, string> = {
        'x-gongzhi-locale': getLocale(),
        'x-forwarded-for': event.getClientAddress(),
      };
      const token = event.cookies.get(sessionCookie);
      if (token) headers.cookie = `${sessionCookie}=${token}`;
      const userAgent = event.request.headers.get('user-agent');
      if (userAgent) headers['user-agent'] = userAgent;
      return headers;
    },
    onResponseHeaders: (headers) => {
      for (const line of headers.getSetCookie()) applySetCookie(event.cookies, line);
    },
  });
}

/** Copies one Set-Cookie line from the API onto the SvelteKit response (session cookie only). */
export function applySetCookie(cookies: Cookies, line: string): void {
  const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
  const separator = pair.indexOf('=');
  if (separator <= 0 || pair.slice(0, separator) !== sessionCookie) return;
  const value = pair.slice(separator + 1);

  const options: Parameters<Cookies['set']>[2] = {
    path: '/',
    httpOnly: false,
    secure: false,
    // Tokens are `<id>.<secret>`: passed through exactly as the API wrote them.
    encode: (v: string) => v,
  };
  for (const attribute of attributes) {
    const [key = '', ...rest] = attribute.split('=');
    const attributeValue = rest.join('=');
    switch (key.toLowerCase()) {
      case 'path':
        options.path = attributeValue || '/';
        break;
      case 'max-age':
        options.maxAge = Number(attributeValue);
        break;
      case 'httponly':
        options.httpOnly = true;
        break;
      case 'secure':
        options.secure = true;
        break;
      case 'samesite':
        options.sameSite = attributeValue.toLowerCase() as 'lax' | 'strict' | 'none';
        break;
    }
  }
  if (value === '' || options.maxAge === 0) {
    cookies.delete(sessionCookie, { path: options.path, secure: options.secure });
  } else {
    cookies.set(sessionCookie, value, options);
  }
}
