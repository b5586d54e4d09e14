import type { Cookies } from '@sveltejs/kit';
import { describe, expect, test } from 'vitest';
import { applySetCookie } from './api';

/** Records what the function does to SvelteKit's cookies. */
function recordingCookies() {
  const calls: { op: 'set' | 'delete'; name: string; value?: string; options: object }[] = [];
  const cookies = {
    set: (name: string, value: string, options: object) =>
      calls.push({ op: 'set', name, value, options }),
    delete: (name: string, options: object) => calls.push({ op: 'delete', name, options }),
  } as unknown as Cookies;
  return { cookies, calls };
}

describe('applySetCookie', () => {
  test('passes the session cookie on with its attributes and exact value', () => {
    const { cookies, calls } = recordingCookies();
    applySetCookie(
      cookies,
      'gongzhi_session=abc123.s3cr%t; Max-Age=86400; Path=/; HttpOnly; SameSite=Lax; Secure',
    );
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call).toMatchObject({
      op: 'set',
      name: 'gongzhi_session',
      value: 'abc123.s3cr%t',
      options: { path: '/', maxAge: 86400, httpOnly: true, secure: true, sameSite: 'lax' },
    });
    const { encode } = call!.options as { encode: (v: string) => string };
    expect(encode('a%b')).toBe('a%b');
  });

  test('an emptied cookie is deleted', () => {
    const { cookies, calls } = recordingCookies();
    applySetCookie(cookies, 'gongzhi_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax');
    expect(calls).toEqual([
      { op: 'delete', name: 'gongzhi_session', options: { path: '/', secure: false } },
    ]);
  });

  test('other cookies are not passed on', () => {
    const { cookies, calls } = recordingCookies();
    applySetCookie(cookies, 'tracking=1; Path=/');
    applySetCookie(cookies, 'gongzhi_session_x=1; Path=/');
    expect(calls).toEqual([]);
  });
});
