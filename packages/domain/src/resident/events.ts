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
import { inputText, storedText, type TextRules } from '../shared/text.ts';
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

const personalData = (text: TextRules) =>
  z.object({
    name: text.name({ max: 40 }),
    phone: mainlandMobileSchema,
    idNumber: idNumberSchema.optional(),
    address: text.line({ max: 200 }).optional(),
  });

/** Personal data as a command gives it (text checked by shared/text.ts). */
export const personalDataSchema = personalData(inputText);
export type PersonalData = z.infer<typeof personalDataSchema>;

/** 在此居住 / 工作 / 学习. */
export const tieKindSchema = z.enum(['lives', 'works', 'studies']);
export type TieKind = z.infer<typeof tieKindSchema>;

/**
 * How the resident agreed to a tie a worker declared for them: they read out a one-time code sent
 * to their registered phone (`phone_code`), they are to confirm it themselves online
 * (`awaiting_resident`), or they signed the paper form of an on-the-spot registration
 * (`paper_form`).
 */
export const tieConsentSchema = z.enum(['phone_code', 'awaiting_resident', 'paper_form']);
export type TieConsent = z.infer<typeof tieConsentSchema>;

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

/** The register number of a resident's written request, e.g. 书院2025-017. */
const WRITTEN_REQUEST_REF = { max: 80 };
export const writtenRequestRefSchema = inputText.line(WRITTEN_REQUEST_REF);
const storedWrittenRequestRef = storedText.line(WRITTEN_REQUEST_REF);

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
      personalData(storedText),
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
      /** The worker who declared it for the resident; absent when the resident declared it. */
      declaredBy: idSchema.optional(),
      /** How the resident agreed, when a worker declared it. */
      consent: tieConsentSchema.optional(),
    }),
  },
  /** The resident confirmed online a tie a worker declared for them (consent awaiting_resident). */
  CommunityTieConfirmed: {
    version: 1,
    schema: z.object({
      residentId: idSchema,
      tieId: idSchema,
      communityId: idSchema,
      streetId: idSchema,
    }),
  },
  /** The resident declined a tie a worker declared for them: it can never be verified. */
  CommunityTieDeclined: {
    version: 1,
    schema: z.object({
      residentId: idSchema,
      tieId: idSchema,
      communityId: idSchema,
      streetId: idSchema,
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
  // A worker's erasure (注销) of a resident is a workflow: requested by a worker of a community
  // the resident has a verified tie to, confirmed by a second person, carried out by the server
  // once `dueAt` has passed unless someone stopped it in between.
  ResidentErasureRequested: {
    version: 1,
    schema: z.object({
      residentId: idSchema,
      erasureId: idSchema,
      communityId: idSchema,
      streetId: idSchema,
      requestedBy: idSchema,
      writtenRequestRef: storedWrittenRequestRef,
    }),
  },
  ResidentErasureConfirmed: {
    version: 1,
    schema: z.object({
      residentId: idSchema,
      erasureId: idSchema,
      confirmedBy: idSchema,
      /** When the server destroys the keys, unless stopped before. */
      dueAt: z.iso.datetime(),
    }),
  },
  ResidentErasureStopped: {
    version: 1,
    schema: withPersonal(
      { residentId: idSchema, erasureId: idSchema, stoppedBy: idSchema },
      /** Why it was stopped: free text about a person, so personal data. */
      z.object({ reason: freeTextSchema }),
    ),
  },
  ResidentForgotten: {
    version: 1,
    schema: z.object({
      residentId: idSchema,
      requestedBy: z.enum(['self', 'worker']),
      /** Reference of the written request a worker acted on, e.g. its register number. */
      writtenRequestRef: storedWrittenRequestRef.optional(),
      /** The confirmed erasure this carries out (a worker's request); absent before there was one. */
      erasureId: idSchema.optional(),
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
/**
 * Who declared a tie: `declaredBy` when recorded, else, for declarations made before it was (a
 * worker's on-the-spot registration or declaration for a resident), the worker the event's
 * metadata names on the offline channel. Readers of the stream pass each declaration through it.
 */
export function withTieDeclarer<E extends { type: string; data: unknown }>(
  event: E,
  metadata: { actor: string; channel: string },
): E {
  if (event.type !== 'CommunityTieDeclared') return event;
  const data = event.data as ResidentEventData<'CommunityTieDeclared'>;
  if (data.declaredBy !== undefined || metadata.channel !== 'offline') return event;
  if (metadata.actor === data.residentId) return event;
  return { ...event, data: { ...data, declaredBy: metadata.actor } };
}

export const residentStreams = {
  resident: (residentId: string) => `resident-${residentId}`,
  phone: (phoneDigest: string) => `phone-${phoneDigest}`,
};
