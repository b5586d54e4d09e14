// Display preferences kept in cookies so that they apply on the server, before any JavaScript.
import { cookieName as localeCookie, isLocale, type Locale } from '$lib/paraglide/runtime';

export const textSizeCookie = 'gongzhi_text';
export const largeTextValue = 'large';
export { localeCookie };

const oneYearInSeconds = 60 * 60 * 24 * 365;
export const preferenceCookieOptions = {
  path: '/',
  maxAge: oneYearInSeconds,
  sameSite: 'lax',
  // Paraglide's browser runtime reads the locale cookie, so it cannot be HttpOnly.
  httpOnly: false,
} as const;

export function parseLocale(value: unknown): Locale | null {
  return typeof value === 'string' && isLocale(value) ? value : null;
}

/** A same-site path to return to; anything else (absolute or protocol-relative URLs) becomes '/'. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return '/';
  if (value.includes('\\')) return '/';
  return value;
}
