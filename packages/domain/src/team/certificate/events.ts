// Certificates of volunteer service (志愿服务记录证明): stream `certificate-<certificateId>`. A
// volunteer asks for one over a period; the organising body (acting through a leader of the team
// or staff of its community) issues it with the four parts the regulation asks for — the
// volunteer (name, ID type and a masked number, volunteer number), the service (hours and
// content), the issuer (name, person in charge, handler, contact) and the certificate's number,
// date and remarks — numbered in the team's register (`certregister-<teamId>`). It is announced
// inside the team for 7 days before it is final; an objection in that time puts it on hold until
// it is resolved; it can be revoked with a reason. The verification code is random.
//
// The volunteer's name, masked ID number and the handler's name are personal data: they sit in
// the `personal` object beside `residentId` (the volunteer), sealed with the volunteer's key, so
// that forgetting the volunteer shreds them. docs/events.md is the catalogue.
import { z } from 'zod';
import { eventParsing, type EventUnion } from '../../shared/events.ts';
import { storedText } from '../../shared/text.ts';
import { idSchema, storedReasonSchema } from '../../organisation/events.ts';
import { isoDateSchema } from '../../resident/events.ts';

/** Days a certificate is announced inside the team before it is final (公示). */
export const ANNOUNCEMENT_DAYS = 7;

/** 居民身份证, or none given (the certificate then says so). */
export const idTypeSchema = z.enum(['resident_id_card', 'none']);
export type IdType = z.infer<typeof idTypeSchema>;

/** A verification code: 12 characters of an alphabet without look-alikes, in groups of four. */
export const verificationCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);

export const certificateNumberSchema = z.string().regex(/^ZYFW-\d{4}-[0-9A-Z]{6}-\d{4}$/);

const onCertificate = { certificateId: idSchema, teamId: idSchema };

export const certificateEventSchemas = {
  CertificateRequested: {
    version: 1,
    schema: z.object({
      ...onCertificate,
      volunteerId: idSchema,
      /** The period of service, China days, inclusive. */
      from: isoDateSchema,
      until: isoDateSchema,
    }),
  },
  CertificateIssued: {
    version: 1,
    schema: z.object({
      ...onCertificate,
      /** The volunteer: the key their personal data is sealed with. */
      residentId: idSchema,
      personal: z
        .object({
          name: storedText.name({ max: 40 }),
          idType: idTypeSchema,
          /** Like 320***********123X; empty without an ID. */
          idMasked: z.string().max(18),
          /** Who handled the issue (经办人). */
          handler: storedText.name({ max: 40 }),
        })
        .nullable(),
      personalForgotten: z.literal(true).optional(),
      volunteerNumber: storedText.line({ max: 30 }),
      from: isoDateSchema,
      until: isoDateSchema,
      /** Confirmed minutes on site in the period, and how many records they come from. */
      minutes: z.number().int().min(1),
      records: z.number().int().min(1),
      content: storedText.paragraph({ max: 500 }),
      issuer: z.object({
        name: storedText.name({ min: 2, max: 60 }),
        personInCharge: storedText.name({ max: 40 }),
        contact: storedText.line({ max: 60 }),
      }),
      number: certificateNumberSchema,
      code: verificationCodeSchema,
      issuedOn: isoDateSchema,
      /** The day it becomes final unless an objection holds it: issuedOn + 7 days. */
      finalOn: isoDateSchema,
      remarks: storedText.paragraph({ max: 300 }).optional(),
      issuedBy: idSchema,
    }),
  },
  CertificateObjected: {
    version: 1,
    schema: z.object({ ...onCertificate, by: idSchema, reason: storedReasonSchema }),
  },
  CertificateObjectionResolved: {
    version: 1,
    schema: z.object({
      ...onCertificate,
      /** dismissed: the certificate stands (final on its day or now, whichever is later). */
      decision: z.enum(['dismissed', 'upheld']),
      reason: storedReasonSchema,
      by: idSchema,
    }),
  },
  CertificateRevoked: {
    version: 1,
    schema: z.object({ ...onCertificate, reason: storedReasonSchema, by: idSchema }),
  },
} as const;

/** The team's register of certificate numbers: stream `certregister-<teamId>`. */
export const certificateRegisterEventSchemas = {
  CertificateNumbered: {
    version: 1,
    schema: z.object({
      teamId: idSchema,
      certificateId: idSchema,
      year: z.number().int().min(2000).max(2200),
      /** 1, 2, 3 … within the team and the year. */
      sequence: z.number().int().min(1),
      number: certificateNumberSchema,
    }),
  },
} as const;

type Schemas = typeof certificateEventSchemas;
export type CertificateEventType = keyof Schemas;
export type CertificateEventData<T extends CertificateEventType> = z.output<Schemas[T]['schema']>;
export type CertificateEvent = EventUnion<Schemas>;
export type CertificateEventOf<T extends CertificateEventType> = Extract<
  CertificateEvent,
  { type: T }
>;
type RegisterSchemas = typeof certificateRegisterEventSchemas;
export type CertificateRegisterEvent = EventUnion<RegisterSchemas>;

export const {
  types: certificateEventTypes,
  isType: isCertificateEventType,
  parse: parseCertificateEvent,
} = eventParsing(certificateEventSchemas, 'a certificate event');

export const { types: certificateRegisterEventTypes, parse: parseCertificateRegisterEvent } =
  eventParsing(certificateRegisterEventSchemas, 'a certificate register event');

export const certificateStreams = {
  certificate: (certificateId: string) => `certificate-${certificateId}`,
  register: (teamId: string) => `certregister-${teamId}`,
};
