import { describe, expect, test } from 'vitest';
import { parseLocale, safeReturnPath } from './preferences';

describe('safeReturnPath', () => {
  test('keeps a path on this site, with its query', () => {
    expect(safeReturnPath('/organisation/streets/yushan?x=1')).toBe(
      '/organisation/streets/yushan?x=1',
    );
  });

  test.each([
    ['an absolute URL', 'https://evil.example/'],
    ['a protocol-relative URL', '//evil.example/'],
    ['a backslash trick', '/\\evil.example/'],
    ['a relative path', 'organisation'],
    ['nothing', null],
  ])('sends %s home', (_, value) => {
    expect(safeReturnPath(value)).toBe('/');
  });
});

describe('parseLocale', () => {
  test('accepts the two interface languages only', () => {
    expect(parseLocale('en')).toBe('en');
    expect(parseLocale('zh-CN')).toBe('zh-CN');
    expect(parseLocale('fr')).toBeNull();
    expect(parseLocale(undefined)).toBeNull();
  });
});
