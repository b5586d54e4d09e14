// The organisation's forms: streets and communities, staff accounts, roles and staff sign-in.
// Plain strings: the rules (lengths, kinds, ids) live in the API, which answers a malformed
// input with field errors in the person's language.
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

// Staff administration. `place` is `city`, `street:<id>` or `community:<id>`.
export const createStaffForm = z.object({
  loginName: text,
  displayName: text,
  password: text,
  role: z.string().default('community_worker'),
  place: text,
});
export const grantRoleForm = z.object({ role: text, place: text });
