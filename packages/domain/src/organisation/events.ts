// Organisation events: the city, its streets (街道/镇) and communities (社区/村), staff accounts
// and their role grants. Each event is a past-tense fact with a zod schema and a schema version;
// docs/events.md is the catalogue. A change that old readers cannot read gets a new version and
// an upcaster; the schemas here always describe the current version.
import { z } from 'zod';
import { eventParsing, type EventUnion } from '../shared/events.ts';
import { nameText, paragraphText, storedText } from '../shared/text.ts';

/** Ids are UUIDv7 for records created through the API, short slugs for seeded demo records. */
export const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/);

const PLACE_NAME = { min: 2, max: 40 };
const ENGLISH_NAME = { min: 2, max: 80 };
const DISPLAY_NAME = { max: 40 };
const REASON = { max: 500 };

/** A place name as registered, e.g. 虞山街道; trimmed, 2–40 characters. */
export const placeNameSchema = nameText(PLACE_NAME);

/** The name in the English interface, e.g. "Yushan Subdistrict"; optional. */
export const englishNameSchema = nameText(ENGLISH_NAME);

/** Lower-case login name: a letter, then letters, digits, '.', '_' or '-'; 3–32 characters. */
export const loginNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/);

/** A staff member's name as colleagues see it, e.g. 王芳; 1–40 characters. */
export const displayNameSchema = nameText(DISPLAY_NAME);

/** 社区 (urban community, residents' committee) or 村 (village, villagers' committee). */
export const communityKindSchema = z.enum(['urban', 'village']);
export type CommunityKind = z.infer<typeof communityKindSchema>;

/**
 * Staff roles (issue 3); the same names as @gongzhi/auth's `Role`, whose `covers` decides what a
 * grant reaches. A community scope names its street too, so that a street's grants reach it
 * without a lookup (communities do not move between streets).
 * Each role is granted in one kind of scope: city_admin in the city,
 * street_officer in a street, the others in a community (see `roleScopeType`).
 */
export const staffRoleSchema = z.enum([
  'city_admin',
  'street_officer',
  'community_worker',
  'committee_member',
  'consultant',
  'department_staff',
  'team_leader',
]);
export type StaffRole = z.infer<typeof staffRoleSchema>;

export const scopeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('city') }),
  z.object({ type: z.literal('street'), streetId: idSchema }),
  z.object({ type: z.literal('community'), communityId: idSchema, streetId: idSchema }),
]);
export type Scope = z.infer<typeof scopeSchema>;

export const roleScopeType: Record<StaffRole, Scope['type']> = {
  city_admin: 'city',
  street_officer: 'street',
  community_worker: 'community',
  committee_member: 'community',
  consultant: 'community',
  department_staff: 'community',
  team_leader: 'community',
};

/** Why something was done, in a few lines; 1–500 characters. */
export const reasonSchema = paragraphText(REASON);

/** A reason as released events hold it (written before the text rules of shared/text.ts). */
export const storedReasonSchema = storedText.paragraph(REASON);

const storedPlaceName = storedText.name(PLACE_NAME);
const storedEnglishName = storedText.name(ENGLISH_NAME);

export const organisationEventSchemas = {
  CityRegistered: {
    version: 1,
    schema: z.object({ cityId: idSchema, name: storedPlaceName, nameEn: storedEnglishName }),
  },
  StreetRegistered: {
    version: 1,
    schema: z.object({
      streetId: idSchema,
      name: storedPlaceName,
      nameEn: storedEnglishName.optional(),
    }),
  },
  StreetRenamed: {
    version: 1,
    schema: z.object({
      streetId: idSchema,
      name: storedPlaceName,
      nameEn: storedEnglishName.optional(),
      previousName: storedPlaceName,
    }),
  },
  StreetClosed: {
    version: 1,
    schema: z.object({ streetId: idSchema, reason: storedReasonSchema.optional() }),
  },
  CommunityRegistered: {
    version: 1,
    schema: z.object({
      communityId: idSchema,
      streetId: idSchema,
      kind: communityKindSchema,
      name: storedPlaceName,
      nameEn: storedEnglishName.optional(),
    }),
  },
  CommunityRenamed: {
    version: 1,
    schema: z.object({
      communityId: idSchema,
      streetId: idSchema,
      name: storedPlaceName,
      nameEn: storedEnglishName.optional(),
      previousName: storedPlaceName,
    }),
  },
  CommunityClosed: {
    version: 1,
    schema: z.object({
      communityId: idSchema,
      streetId: idSchema,
      reason: storedReasonSchema.optional(),
    }),
  },
  LoginNameClaimed: {
    version: 1,
    schema: z.object({ loginName: loginNameSchema, accountId: idSchema }),
  },
  StaffAccountCreated: {
    version: 1,
    schema: z.object({
      accountId: idSchema,
      loginName: loginNameSchema,
      displayName: storedText.name(DISPLAY_NAME),
      /** argon2id PHC string; never the password. */
      passwordHash: z.string().startsWith('$argon2id$'),
    }),
  },
  StaffPasswordChanged: {
    version: 1,
    schema: z.object({
      accountId: idSchema,
      /** argon2id PHC string of the new password. */
      passwordHash: z.string().startsWith('$argon2id$'),
    }),
  },
  StaffAccountDeactivated: {
    version: 1,
    schema: z.object({ accountId: idSchema, reason: storedReasonSchema.optional() }),
  },
  RoleGranted: {
    version: 1,
    schema: z.object({ accountId: idSchema, role: staffRoleSchema, scope: scopeSchema }),
  },
  RoleRevoked: {
    version: 1,
    schema: z.object({ accountId: idSchema, role: staffRoleSchema, scope: scopeSchema }),
  },
} as const;

type Schemas = typeof organisationEventSchemas;
export type OrganisationEventType = keyof Schemas;
export type OrganisationEventData<T extends OrganisationEventType> = z.output<Schemas[T]['schema']>;

/** The union of all organisation events as deciders see them. */
export type OrganisationEvent = EventUnion<Schemas>;

export type EventOf<T extends OrganisationEventType> = Extract<OrganisationEvent, { type: T }>;

export const {
  types: organisationEventTypes,
  isType: isOrganisationEventType,
  parse: parseOrganisationEvent,
} = eventParsing(organisationEventSchemas, 'an organisation event');

/** Stream names: one stream per record, plus `login-<name>` to keep login names unique. */
export const organisationStreams = {
  city: (cityId: string) => `city-${cityId}`,
  street: (streetId: string) => `street-${streetId}`,
  community: (communityId: string) => `community-${communityId}`,
  account: (accountId: string) => `account-${accountId}`,
  loginName: (loginName: string) => `login-${loginName}`,
};
