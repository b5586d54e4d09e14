import { describe, expect, test } from 'vitest';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { chinaToday, dayText, fenToYuan, momentText, yuanToFen } from './text';

describe('yuanToFen', () => {
  test.each([
    ['200000', 20_000_000],
    ['200,000', 20_000_000],
    ['1 234.5', 123_450],
    ['¥80', 8_000],
    ['80元', 8_000],
    ['0.01', 1],
    ['12.34', 1_234],
  ])('reads %s as %i fen', (typed, fen) => {
    expect(yuanToFen(typed)).toBe(fen);
  });

  test.each([[''], ['abc'], ['1.234'], ['-5'], ['1e5'], ['12.']])('refuses %j', (typed) => {
    expect(yuanToFen(typed)).toBeUndefined();
  });
});

describe('fenToYuan', () => {
  test.each([
    [20_000_000, '200000'],
    [123_450, '1234.50'],
    [1, '0.01'],
  ])('shows %i fen as %s', (fen, typed) => {
    expect(fenToYuan(fen)).toBe(typed);
    expect(yuanToFen(typed)).toBe(fen);
  });
});

test('chinaToday is the calendar day at UTC+8', () => {
  expect(chinaToday(new Date('2025-03-31T16:00:00Z'))).toBe('2025-04-01');
  expect(chinaToday(new Date('2025-03-31T15:59:59Z'))).toBe('2025-03-31');
});

describe('dates in the interface language', () => {
  test('each language keeps its own format, however often they alternate', () => {
    const reset = getLocale;
    let locale: 'zh-CN' | 'en' = 'zh-CN';
    overwriteGetLocale(() => locale);
    try {
      for (let round = 0; round < 2; round++) {
        locale = 'zh-CN';
        expect(dayText('2025-03-01')).toBe('2025年3月1日');
        expect(momentText('2025-03-01T02:05:00Z')).toBe('2025年3月1日 10:05');
        locale = 'en';
        expect(dayText('2025-03-01')).toBe('Mar 1, 2025');
        expect(momentText('2025-03-01T02:05:00Z')).toBe('Mar 1, 2025, 10:05 AM');
      }
    } finally {
      overwriteGetLocale(reset);
    }
  });
});
