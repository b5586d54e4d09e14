// A certificate of volunteer service names the volunteer's ID type and a masked number (the
// national standard's four parts): never more than the first three and the last four characters.
import { describe, expect, it } from 'vitest';
import { maskIdNumber } from '../src/team/certificates.ts';

describe('maskIdNumber', () => {
  it('keeps the first three and the last four characters of an ID number', () => {
    expect(maskIdNumber('32058119900101123X')).toBe('320***********123X');
    expect(maskIdNumber('320581199001011234')).toHaveLength(18);
  });

  it('shows nothing in between, whatever the number', () => {
    expect(maskIdNumber('110101198001010011')).not.toMatch(/19800101/);
  });
});
