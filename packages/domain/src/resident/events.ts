// Resident events: registration, phone confirmation, passwords, ties to communities (在此居住、
// 工作、学习), family proxies (家人代办) and "forget me". Stream `resident-<residentId>`, plus
// `phone-<digest>` to keep mobile numbers unique. docs/events.md is the catalogue.
//
// Personal data (个人信息) lives only in a `personal` object beside a `residentId`. The store
// decorator of @gongzhi/auth (withPersonalData) encrypts that object with the resident's own key
// before it is written and decrypts it on reading; once the resident is forgotten their key is
// gone, and readers get `personal: null, personalForgotten: true`. Everything outside `personal`
// stays readable for ever, so it holds ids, dates and choices, never a name or a number.
import { z } from 'zod';
import { eventParsing, type EventUnion } from '../shared/events.ts';
import { idSchema } from '../organisation/events.ts';

/** A mainland China mobile number in its canonical 11-digit form, e.g. 13812341234. */
export const mainlandMobileSchema = z.string().regex(/^1[3-9]\d{9}$/);

/**
 * HMAC-SHA256 of the normalized number, in hex, computed outside the domain with a server key
 * (see @gongzhi/auth `createPhoneDigester`): it names the `phone-<digest>` stream and lets login
 * find a resident, without the number itself ever appearing outside `personal`.
 */
export const phoneDigestSchema = z.string().regex(/^[0-9a-f]{64}$/);

/** 居民身份证号: 17 digits and a check character. */
export const idNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/);

export const personalDataSchema = z.object({
  name: z.string().trim().min(1).max(40),
  phone: mainlandMobileSchema,
  idNumber: idNumberSchema.optional(),
  address: z.string().trim().min(1).max(200).optional(),
});
export type PersonalData = z.infer<typeof personalDataSchema>;

/** 在此居住 / 工作 / 学习. */
export const tieKindSchema = z.enum(['lives', 'works', 'studies']);
export type TieKind = z.infer<typeof tieKindSchema>;

export const proxyPowerSchema = z.enum(['propose', 'vote']);
export type ProxyPower = z.infer<typeof proxyPowerSchema>;

/** What a proxy may do: propose, vote, or both; each at most once. */
export const proxyPowersSchema = z
  .array(proxyPowerSchema)
  .min(1)
  .max(2)
  .refine((powers) => new Set(powers).size === powers.length, 'each power at most once');

/** argon2id PHC string; never the password. */
export const passwordHashSchema = z.string().startsWith('$argon2id$');

/** A calendar date, YYYY-MM-DD (Beijing time is the caller's business). */
export const isoDateSchema = z.iso.date();

/**
 * Adds the `personal` object as readers see it: the plaintext, or null with
 * `personalForgotten: true` once the resident's key has been deleted.
 */
function withPersonal<Shape extends z.ZodRawShape, Personal extends z.ZodType>(
  shape: Shape,
  personal: Personal,
) {
  return z.object({
    ...shape,
    personal: personal.nullable(),
    personalForgotten: z.literal(true).optional(),
  });
}

const freeTextSchema = z.string().trim().min(1).max(500);

export const residentEventSchemas = {
  PhoneClaimed: {
    version: 1,
    schema: z.object({ phoneDigest: phoneDigestSchema, residentId: idSchema }),
  },
  PhoneReleased: {
    version: 1,
    schema: z.object({ phoneDigest: phoneDigestSchema, residentId: idSchema }),
  },
  ResidentRegistered: {
    version: 1,
    schema: withPersonal(
      {
        residentId: idSchema,
        phoneDigest: phoneDigestSchema,
        birthYear: z.number().int().min(1900).max(2100),
        /** Absent for a resident a worker registered on the spot, until they set one. */
        passwordHash: passwordHashSchema.optional(),
        channel: z.enum(['online', 'offline']),
        /** Recorded when a worker registers the resident on the spot (channel offline). */
        consent: z
          .object({ recordedBy: idSchema, form: z.enum(['paper', 'online']), at: z.iso.datetime() })
          .optional(),
      },
      personalDataSchema,
    ),
  },
  PhoneConfirmed: {
    version: 1,
    schema: z.object({ residentId: idSchema }),
  },
  PasswordChanged: {
    version: 1,
    schema: z.object({ residentId: idSchema, passwordHash: passwordHashSchema }),
  },
  CommunityTieDeclared: {
    version: 1,
    schema: z.object({
      residentId: idSchema,
      tieId: idSchema,
      communityId: idSchema,
      streetId: idSchema,
      kind: tieKindSchema,
    }),
  },
  // A worker's note and a rejection's reason are free text about a person (“checked the lease
  // of room 201”), so they are personal data too.
  CommunityTieVerified: {
    version: 1,
    schema: withPersonal(
      {
        residentId: idSchema,
        tieId: idSchema,
        communityId: idSchema,
        streetId: idSchema,
        verifiedBy: idSchema,
      },
      z.object({ note: freeTextSchema }),
    ),
  },
  CommunityTieRejected: {
    version: 1,
    schema: withPersonal(
      {
        residentId: idSchema,
        tieId: idSchema,
        communityId: idSchema,
        streetId: idSchema,
        rejectedBy: idSchema,
      },
      /** The reason the resident sees. */
      z.object({ reason: freeTextSchema }),
    ),
  },
  ProxyGranted: {
    version: 1,
    schema: z.object({
      residentId: idSchema,
      proxyId: idSchema,
      granteeAccountId: idSchema,
      powers: proxyPowersSchema,
      /** Last day the proxy may act (inclusive); none = until revoked. */
      until: isoDateSchema.optional(),
    }),
  },
  ProxyRevoked: {
    version: 1,
    schema: z.object({ residentId: idSchema, proxyId: idSchema, granteeAccountId: idSchema }),
  },
  ResidentForgotten: {
    version: 1,
    schema: z.object({
      residentId: idSchema,
      requestedBy: z.enum(['self', 'worker']),
      /** Reference of the written request a worker acted on, e.g. its register number. */
      writtenRequestRef: z.string().trim().min(1).max(80).optional(),
    }),
  },
} as const;

type Schemas = typeof residentEventSchemas;
export type ResidentEventType = keyof Schemas;
export type ResidentEventData<T extends ResidentEventType> = z.output<Schemas[T]['schema']>;

/** The union of all resident events as deciders see them. */
export type ResidentEvent = EventUnion<Schemas>;

export type ResidentEventOf<T extends ResidentEventType> = Extract<ResidentEvent, { type: T }>;

export const {
  types: residentEventTypes,
  isType: isResidentEventType,
  parse: parseResidentEvent,
} = eventParsing(residentEventSchemas, 'a resident event');

/**
 * Stream names: one stream per resident, plus `phone-<digest>` to keep mobile numbers unique.
 * A resident signs in as the account whose id is their residentId.
 */
export const residentStreams = {
  resident: (residentId: string) => `resident-${residentId}`,
  phone: (phoneDigest: string) => `phone-${phoneDigest}`,
};
