import { describe, expect, it } from 'vitest';
import { maskAddress } from '../src/session/router.ts';

describe('maskAddress', () => {
  it.each([
    ['203.0.113.45', '203.0.113.*'],
    ['::ffff:203.0.113.45', '203.0.113.*'],
    ['2001:0db8:85a3:0000:0000:8a2e:0370:7334', '2001:db8:85a3::*'],
    ['2001:db8::1', '2001:db8:0::*'],
    ['::1', '0:0:0::*'],
    ['not an address', null],
    [null, null],
  ])('%s → %s', (ip, masked) => {
    expect(maskAddress(ip)).toBe(masked);
  });
});
