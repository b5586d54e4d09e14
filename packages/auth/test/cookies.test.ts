import { describe, expect, it } from 'vitest';
import {
  isServedOverHttps,
  readSessionToken,
  serializeBlankSessionCookie,
  serializeSessionCookie,
  sessionCookieOptions,
} from '../src/index.ts';

const THIRTY_DAYS = 30 * 24 * 60 * 60 * 1000;

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/, with Max-Age, and Secure only over https', () => {
    expect(serializeSessionCookie('abc.def', { secure: false, maxAgeMs: THIRTY_DAYS })).toBe(
      'gongzhi_session=abc.def; Max-Age=2592000; Path=/; HttpOnly; SameSite=Lax',
    );
    expect(serializeSessionCookie('abc.def', { secure: true, maxAgeMs: THIRTY_DAYS })).toBe(
      'gongzhi_session=abc.def; Max-Age=2592000; Path=/; HttpOnly; SameSite=Lax; Secure',
    );
    expect(sessionCookieOptions({ secure: true, maxAgeMs: THIRTY_DAYS })).toEqual({
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: true,
      maxAge: 2592000,
    });
  });

  it('is removed with an empty value and Max-Age=0', () => {
    expect(serializeBlankSessionCookie({ secure: false })).toBe(
      'gongzhi_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax',
    );
  });

  it('is read back from a Cookie header among others', () => {
    expect(readSessionToken('theme=dark; gongzhi_session=abc.def; lang=zh-CN')).toBe('abc.def');
    expect(readSessionToken('gongzhi_session_old=x; theme=dark')).toBeUndefined();
    expect(readSessionToken('gongzhi_session=')).toBeUndefined();
    expect(readSessionToken(undefined)).toBeUndefined();
  });

  it('knows https from the URL or from the reverse proxy', () => {
    expect(isServedOverHttps({ url: 'http://127.0.0.1:3000/login' })).toBe(false);
    expect(isServedOverHttps({ url: 'https://gongzhi.example/login' })).toBe(true);
    expect(isServedOverHttps({ url: 'http://api:3001/trpc', forwardedProto: 'https' })).toBe(true);
    expect(isServedOverHttps({ url: 'http://api:3001/trpc', forwardedProto: 'http, https' })).toBe(
      false,
    );
  });
});
