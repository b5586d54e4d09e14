import { describe, expect, it } from 'vitest';
import {
  checkPasswordPolicy,
  hashPassword,
  passwordNeedsRehash,
  verifyPassword,
} from '../src/index.ts';

describe('password hashing', () => {
  it('hashes with argon2id at the OWASP parameters and verifies only the right password', async () => {
    const hash = await hashPassword('lantern-42-river');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'lantern-42-river')).toBe(true);
    expect(await verifyPassword(hash, 'lantern-42-rivers')).toBe(false);
    expect(passwordNeedsRehash(hash)).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    expect(await hashPassword('lantern-42-river')).not.toBe(await hashPassword('lantern-42-river'));
  });

  it('accepts a password typed with full-width characters', async () => {
    const hash = await hashPassword('secret123');
    expect(await verifyPassword(hash, 'ｓｅｃｒｅｔ１２３')).toBe(true);
  });

  it('refuses when there is no stored hash (unknown account)', async () => {
    expect(await verifyPassword(undefined, 'anything-at-all')).toBe(false);
  });

  it('asks for a rehash of hashes made with weaker parameters', () => {
    // A hash made with m=4096, t=3, p=1 (an older library default).
    const weaker =
      '$argon2id$v=19$m=4096,t=3,p=1$c29tZXNhbHRzb21lc2FsdA$nOIczOMMv7y+w9Y1nSgvebv+rspaCIKgUHc1CuABmpM';
    expect(passwordNeedsRehash(weaker)).toBe(true);
  });
});

describe('password policy', () => {
  const codes = (password: string, phone?: string) =>
    checkPasswordPolicy(password, phone ? { phone } : {}).map((problem) => problem.code);

  it('accepts a reasonable password', () => {
    expect(codes('社区议事2024')).toEqual([]);
    expect(codes('lantern-42-river')).toEqual([]);
  });

  it('refuses short, digit-only, repeated, common and phone-bearing passwords', () => {
    expect(codes('ab12cd')).toEqual(['too_short']);
    expect(codes('x'.repeat(129))).toEqual(['too_long', 'one_character']);
    expect(codes('20240101')).toEqual(['digits_only']);
    expect(codes('aaaaaaaaa')).toEqual(['one_character']);
    expect(codes('Password123')).toEqual(['too_common']);
    expect(codes('me13812341234', '13812341234')).toEqual(['contains_phone']);
  });

  it('counts characters, not bytes: eight Chinese characters are long enough', () => {
    expect(codes('共同治理美好社区')).toEqual([]);
    expect(codes('共同治理社区')).toEqual(['too_short']);
  });

  it('explains each problem in Chinese and English', () => {
    const [problem] = checkPasswordPolicy('1234567');
    expect(problem?.text['zh-CN']).toBe('密码至少需要 8 个字符');
    expect(problem?.text.en).toBe('The password must be at least 8 characters long');
  });
});
