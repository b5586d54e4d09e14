// The session cookie: HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site
// POSTs), Path=/, and Secure whenever the site is served over https. Max-Age follows the
// inactivity timeout and is renewed whenever the session's activity is refreshed.

export const SESSION_COOKIE_NAME = 'gongzhi_session';

/** Options in the shape SvelteKit's `cookies.set` and Hono's `setCookie` both accept. */
export interface SessionCookieOptions {
  httpOnly: true;
  sameSite: 'lax';
  path: '/';
  secure: boolean;
  /** Seconds. */
  maxAge: number;
}

export function sessionCookieOptions(settings: {
  secure: boolean;
  maxAgeMs: number;
}): SessionCookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: settings.secure,
    maxAge: Math.floor(settings.maxAgeMs / 1000),
  };
}

/** A Set-Cookie header value that stores the token. */
export function serializeSessionCookie(
  token: string,
  settings: { secure: boolean; maxAgeMs: number },
): string {
  const { maxAge, secure } = sessionCookieOptions(settings);
  return `${SESSION_COOKIE_NAME}=${token}; Max-Age=${maxAge}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** A Set-Cookie header value that removes the cookie (sign-out, or an invalid token). */
export function serializeBlankSessionCookie(settings: { secure: boolean }): string {
  return serializeSessionCookie('', { secure: settings.secure, maxAgeMs: 0 });
}

/** The session token from a Cookie request header, if there is one. */
export function readSessionToken(cookieHeader: string | null | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const pair of cookieHeader.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0) continue;
    if (pair.slice(0, separator).trim() === SESSION_COOKIE_NAME) {
      return pair.slice(separator + 1).trim() || undefined;
    }
  }
  return undefined;
}

/**
 * Whether the browser reached us over https: the request URL says so, or the reverse proxy in
 * front does (X-Forwarded-Proto). Trusting that header is harmless here: a client that forges
 * it only changes the Secure flag of its own cookie.
 */
export function isServedOverHttps(request: {
  url: string;
  forwardedProto?: string | null;
}): boolean {
  const proto = request.forwardedProto?.split(',')[0]?.trim().toLowerCase();
  if (proto) return proto === 'https';
  // An absolute URL's scheme is its first characters, case-insensitive.
  return request.url.slice(0, 6).toLowerCase() === 'https:';
}
