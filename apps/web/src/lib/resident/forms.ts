// A resident's forms: registering, signing in, a password, ties, proxies, forgetting, and a
// worker registering a resident in person. Plain strings: the rules live in the API.
import { z } from 'zod';

const text = z.string().default('');
const tieKind = z.string().default('lives');

export const residentLoginForm = z.object({ phone: text, password: text });
/** Ties are rows of two lists, side by side: a community and how the person is tied to it. */
export const registerResidentForm = z.object({
  name: text,
  phone: text,
  code: text,
  password: text,
  birthYear: text,
  tieCommunityIds: z.array(z.string()).default(['']),
  tieKinds: z.array(z.string()).default(['lives']),
});
export const setPasswordForm = z.object({ phone: text, code: text, password: text });
export const declareTieForm = z.object({ communityId: text, kind: tieKind });
/** `powers`: both, propose or vote. */
export const grantProxyForm = z.object({
  granteePhone: text,
  powers: z.string().default('both'),
  until: text,
});
export const changePasswordForm = z.object({ currentPassword: text, newPassword: text });
export const forgetMeForm = z.object({ password: text });

// Community workers.
export const registerOnSpotForm = z.object({
  communityId: text,
  kind: tieKind,
  name: text,
  phone: text,
  birthYear: text,
  idNumber: text,
  address: text,
  consent: z.boolean().default(false),
});

/** An optional text field left blank is not sent. */
export const optional = (value: string): string | undefined =>
  value.trim() === '' ? undefined : value;

/** A year of birth as typed: four digits, else undefined (the page asks again). */
export const parseBirthYear = (value: string): number | undefined =>
  /^\s*\d{4}\s*$/.test(value) ? Number(value.trim()) : undefined;

export const tieKinds = ['lives', 'works', 'studies'] as const;
export type TieKind = (typeof tieKinds)[number];
export const isTieKind = (value: string): value is TieKind =>
  (tieKinds as readonly string[]).includes(value);
