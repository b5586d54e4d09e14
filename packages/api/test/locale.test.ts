import { describe, expect, it } from 'vitest';
import { resolveLocale } from '../src/locale.ts';

const locale = (headers: Record<string, string>) => resolveLocale(new Headers(headers));

describe('request locale', () => {
  it('defaults to zh-CN', () => {
    expect(locale({})).toBe('zh-CN');
    expect(locale({ 'accept-language': 'fr-FR,de;q=0.8' })).toBe('zh-CN');
  });

  it('follows Accept-Language by quality', () => {
    expect(locale({ 'accept-language': 'fr;q=0.9,en-GB;q=0.8,zh;q=0.5' })).toBe('en');
    expect(locale({ 'accept-language': 'en;q=0.3,zh-Hans-CN' })).toBe('zh-CN');
  });

  it('prefers the Paraglide cookie to Accept-Language, and the header to both', () => {
    const cookie = 'a=1; PARAGLIDE_LOCALE=en';
    expect(locale({ cookie, 'accept-language': 'zh-CN' })).toBe('en');
    expect(locale({ cookie, 'x-gongzhi-locale': 'zh-CN' })).toBe('zh-CN');
  });

  it('passes over a cookie that cannot be percent-decoded (found by the fuzzer: it was a 500)', () => {
    const cookie = 'PARAGLIDE_LOCALE=%E0%A4%A';
    expect(locale({ cookie, 'accept-language': 'en' })).toBe('en');
  });
});
