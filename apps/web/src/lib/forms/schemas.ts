// Form shapes. Every field is a plain string: the rules (lengths, kinds, ids) live in the API,
// which answers a malformed input with field errors in the person's language.
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

/** An optional text field left blank is not sent. */
export const optional = (value: string): string | undefined =>
  value.trim() === '' ? undefined : value;
