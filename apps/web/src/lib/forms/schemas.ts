// Form shapes. Every field is a plain string (or a list of them): the rules (lengths, kinds, ids)
// live in the API, which answers a malformed input with field errors in the person's language.
import { z } from 'zod';

const text = z.string().default('');

export const loginForm = z.object({ loginName: text, password: text });
export const registerStreetForm = z.object({ name: text, nameEn: text });
export const registerCommunityForm = z.object({
  streetId: text,
  kind: z.string().default('urban'),
  name: text,
  nameEn: text,
});
export const renameCommunityForm = z.object({ name: text, nameEn: text, expectedRevision: text });
export const closeCommunityForm = z.object({ reason: text, expectedRevision: text });

// Residents.
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

// Staff administration. `place` is `city`, `street:<id>` or `community:<id>`.
export const createStaffForm = z.object({
  loginName: text,
  displayName: text,
  password: text,
  role: z.string().default('community_worker'),
  place: text,
});
export const grantRoleForm = z.object({ role: text, place: text });

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
