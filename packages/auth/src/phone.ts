// Mainland China mobile numbers: 11 digits, 1 then 3–9 (the ranges carriers have issued).

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** True for a mainland mobile number in its canonical 11-digit form, e.g. 13812341234. */
export function isMainlandMobile(value: string): boolean {
  return MAINLAND_MOBILE.test(value);
}

/**
 * The canonical 11-digit form of a number as people type it (spaces, dashes, +86 / 0086), or
 * undefined when it is not a mainland mobile number.
 */
export function normalizeMainlandMobile(value: string): string | undefined {
  const digits = value.replace(/[\s\-()]/g, '').replace(/^(\+86|0086)/, '');
  return isMainlandMobile(digits) ? digits : undefined;
}

/** Shows the first three and last four characters: 13812341234 → 138****1234. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}
