import { describe, expect, test } from 'vitest';
import { actionHref } from './action';

describe('actionHref', () => {
  test('names the action after the page query', () => {
    const url = new URL('http://x/work/residents?community=shuyuan&q=%E7%8E%8B');
    expect(actionHref(url, 'requestErasure')).toBe(
      '?community=shuyuan&q=%E7%8E%8B&/requestErasure',
    );
  });

  test('a page without a query gets the plain action', () => {
    expect(actionHref(new URL('http://x/work/verification'), 'verify')).toBe('?/verify');
  });

  test('drops the key of the action that rendered the page', () => {
    const url = new URL('http://x/work/verification?community=shuyuan&/verify');
    expect(actionHref(url, 'reject')).toBe('?community=shuyuan&/reject');
  });
});
