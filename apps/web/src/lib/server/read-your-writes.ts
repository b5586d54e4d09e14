// Read-your-writes across a redirect or a client-side reload: after a write, the position it
// reached is kept in a short-lived cookie, and queries ask the API to wait until its read
// models have passed it.
import type { Cookies } from '@sveltejs/kit';

const positionCookie = 'gongzhi_position';
const decimal = /^\d{1,19}$/;

export function rememberWrite(cookies: Cookies, position: string): void {
  cookies.set(positionCookie, position, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    maxAge: 60,
  });
}

/** The position of this browser's latest write, for a query's `minPosition`. */
export function lastWrite(cookies: Cookies): string | undefined {
  const value = cookies.get(positionCookie);
  return value && decimal.test(value) ? value : undefined;
}
