// Passwords are hashed with argon2id at OWASP's minimum parameters (m=19 MiB, t=2, p=1): about
// 40 ms per hash on one core, affordable for sign-in and costly for offline guessing.
import { hash, parseOptions, verify, type Algorithm, type Options } from '@node-rs/argon2';
import type { LocalizedText } from '@gongzhi/domain';

// `Algorithm` is an ambient const enum, which isolated modules cannot read; 2 is Argon2id.
const ARGON2ID = 2 satisfies Algorithm;

export const ARGON2ID_PARAMETERS = {
  algorithm: ARGON2ID,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const satisfies Options;

export const PASSWORD_MIN_LENGTH = 8;
/** Long enough for any passphrase; short enough that hashing cannot be used to load the server. */
export const PASSWORD_MAX_LENGTH = 128;

// The same password typed with full-width characters (common with Chinese input methods) must
// match: NFKC folds ｐａｓｓ１ into pass1.
const normalize = (password: string): string => password.normalize('NFKC');

/** Hashes a password into a PHC string ($argon2id$v=19$m=19456,t=2,p=1$salt$hash). */
export function hashPassword(password: string): Promise<string> {
  return hash(normalize(password), ARGON2ID_PARAMETERS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no hash (unknown account) it still spends the
 * time of one verification and returns false, so response times do not reveal which accounts
 * exist.
 */
export async function verifyPassword(
  storedHash: string | null | undefined,
  password: string,
): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword('gongzhi-no-such-account');
    await verify(await dummyHash, normalize(password));
    return false;
  }
  return verify(storedHash, normalize(password));
}

/** True when a stored hash was made with other parameters than today's; rehash after sign-in. */
export function passwordNeedsRehash(storedHash: string): boolean {
  const used = parseOptions(storedHash);
  return (
    used.algorithm !== ARGON2ID_PARAMETERS.algorithm ||
    used.memoryCost !== ARGON2ID_PARAMETERS.memoryCost ||
    used.timeCost !== ARGON2ID_PARAMETERS.timeCost ||
    used.parallelism !== ARGON2ID_PARAMETERS.parallelism
  );
}

export type PasswordProblemCode =
  'too_short' | 'too_long' | 'digits_only' | 'one_character' | 'too_common' | 'contains_phone';

export interface PasswordProblem {
  code: PasswordProblemCode;
  text: LocalizedText;
}

const PROBLEM_TEXT: Record<PasswordProblemCode, LocalizedText> = {
  too_short: {
    'zh-CN': `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`,
    en: `The password must be at least ${PASSWORD_MIN_LENGTH} characters long`,
  },
  too_long: {
    'zh-CN': `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符`,
    en: `The password must be at most ${PASSWORD_MAX_LENGTH} characters long`,
  },
  digits_only: {
    'zh-CN': '密码不能全是数字，请加入字母或符号',
    en: 'The password must not be digits only; add letters or symbols',
  },
  one_character: {
    'zh-CN': '密码不能由同一个字符重复组成',
    en: 'The password must not repeat a single character',
  },
  too_common: {
    'zh-CN': '这个密码太常见，很容易被猜到',
    en: 'This password is too common and easy to guess',
  },
  contains_phone: {
    'zh-CN': '密码不能包含您的手机号',
    en: 'The password must not contain your mobile number',
  },
};

// Passwords that pass the other rules yet top every leaked-password list, in China and abroad.
const COMMON_PASSWORDS = new Set([
  'password',
  'password1',
  'password123',
  'passw0rd',
  'qwertyui',
  'qwerty123',
  'qwertyuiop',
  'qwer1234',
  'asdfghjk',
  'zxcvbnm1',
  '1qaz2wsx',
  'a1234567',
  'a12345678',
  'a123456789',
  'aa123456',
  'abc12345',
  'abcd1234',
  'abc123456',
  'admin123',
  'iloveyou',
  'woaini1314',
  'woaini520',
  'letmein1',
]);

/** Problems with a new password, in both languages; an empty list means it is acceptable. */
export function checkPasswordPolicy(
  password: string,
  context: { phone?: string } = {},
): PasswordProblem[] {
  const normalized = normalize(password);
  const length = [...normalized].length;
  const codes: PasswordProblemCode[] = [];
  if (length < PASSWORD_MIN_LENGTH) codes.push('too_short');
  if (length > PASSWORD_MAX_LENGTH) codes.push('too_long');
  if (/^\d+$/.test(normalized)) codes.push('digits_only');
  else if (length > 1 && new Set(normalized).size === 1) codes.push('one_character');
  if (COMMON_PASSWORDS.has(normalized.toLowerCase())) codes.push('too_common');
  if (context.phone && context.phone.length >= 7 && normalized.includes(context.phone)) {
    codes.push('contains_phone');
  }
  return codes.map((code) => ({ code, text: PROBLEM_TEXT[code] }));
}
