import { describe, expect, it } from 'vitest';
import { createShiftCodes, SHIFT_CODE_WINDOW_MS } from '../src/shift-codes.ts';

const key = new Uint8Array(32).fill(7);
const codes = createShiftCodes(key);
const start = new Date(
  Math.floor(Date.UTC(2026, 4, 10, 1) / SHIFT_CODE_WINDOW_MS) * SHIFT_CODE_WINDOW_MS,
);
const later = (ms: number) => new Date(start.getTime() + ms);

describe('rotating shift codes', () => {
  it('changes every 30 s and accepts the current and the previous window only', () => {
    const { code, validUntil } = codes.current('s1', start);
    expect(validUntil).toEqual(later(SHIFT_CODE_WINDOW_MS));
    expect(codes.current('s1', later(SHIFT_CODE_WINDOW_MS)).code).not.toBe(code);
    expect(codes.verify('s1', code, later(29_999))).toBe(true);
    expect(codes.verify('s1', code, later(SHIFT_CODE_WINDOW_MS + 29_999))).toBe(true);
    expect(codes.verify('s1', code, later(2 * SHIFT_CODE_WINDOW_MS))).toBe(false);
    expect(codes.verify('s1', code, later(-1))).toBe(false);
  });

  it('is bound to the shift and the key', () => {
    const { code } = codes.current('s1', start);
    expect(codes.verify('s2', code, start)).toBe(false);
    expect(createShiftCodes(new Uint8Array(32).fill(8)).verify('s1', code, start)).toBe(false);
    expect(codes.verify('s1', code.toUpperCase(), start)).toBe(true);
    expect(codes.verify('s1', 'not-a-code', start)).toBe(false);
  });
});
