// What community workers do for residents outside ties and erasures: search the residents of
// their community, and register a resident who came in person. Merged into the resident router
// under the same names.
import { z } from 'zod';
import { idSchema, lineText, tieKindSchema } from '@gongzhi/domain';
import { normalizeMainlandMobile } from '@gongzhi/auth';
import { uuidv7 } from '@gongzhi/eventstore';
import {
  listResidentTies,
  readResident,
  readResidentLogin,
  searchResidents,
  SEARCHABLE_TIE_STATUSES,
  type ResidentRow,
} from '@gongzhi/projections/resident';
import { communityStaff } from '../access.ts';
import { now, today } from '../context.ts';
import { written } from '../positions.ts';
import { procedure } from '../trpc.ts';
import * as commands from './commands.ts';
import {
  addressSchema,
  birthYearSchema,
  idNumberSchema,
  me,
  nameSchema,
  offlineFor,
  phoneSchema,
  RESIDENT_STAFF,
} from './procedure-helpers.ts';

function residentView(resident: ResidentRow) {
  return {
    residentId: resident.residentId,
    name: resident.name,
    phoneMasked: resident.phoneMasked,
    birthYear: resident.birthYear,
    phoneConfirmed: resident.phoneConfirmed,
    hasPassword: resident.hasPassword,
    channel: resident.channel,
    registeredAt: resident.registeredAt,
  };
}

export const staffProcedures = {
  /**
   * Residents with a tie to the community they declared or agreed to (not one a worker declared
   * that awaits them), by part of the name, the last digits of the number, or the whole number.
   * Results show the number masked.
   */
  search: procedure(
    communityStaff(RESIDENT_STAFF, { 'zh-CN': '查找居民', en: 'search residents' }),
    z.object({ communityId: idSchema, query: lineText({ max: 40 }) }),
  ).query(async ({ ctx, input }) => {
    const { db } = ctx.services.readModels;
    const phone = normalizeMainlandMobile(input.query);
    let found: ResidentRow[];
    if (phone) {
      const login = await readResidentLogin(db, ctx.services.residents.digestPhone(phone));
      const resident = login && (await readResident(db, login.residentId));
      found = resident ? [resident] : [];
    } else {
      found = await searchResidents(db, { communityId: input.communityId, text: input.query });
    }
    const residents = await Promise.all(
      found.map(async (resident) => ({
        ...residentView(resident),
        ties: (await listResidentTies(db, resident.residentId))
          .filter(
            (tie) =>
              tie.communityId === input.communityId && SEARCHABLE_TIE_STATUSES.includes(tie.status),
          )
          .map((tie) => ({ tieId: tie.tieId, kind: tie.kind, status: tie.status })),
      })),
    );
    return { residents: residents.filter((resident) => resident.ties.length > 0) };
  }),

  /**
   * A worker registers a resident who came in person, from a paper form they signed (their
   * consent is recorded). The resident has no password until they set one with a code.
   */
  registerOnSpot: procedure(
    communityStaff(['community_worker'], {
      'zh-CN': '现场登记居民',
      en: 'register a resident in person',
    }),
    z.object({
      communityId: idSchema,
      kind: tieKindSchema,
      name: nameSchema,
      phone: phoneSchema,
      birthYear: birthYearSchema,
      idNumber: idNumberSchema,
      address: addressSchema,
      consent: z.object({ form: z.literal('paper') }),
    }),
  ).mutation(async ({ ctx, input }) => {
    const residentId = uuidv7();
    const worker = me(ctx).accountId;
    const { name, phone, idNumber, address } = input;
    const registration = await commands.prepareRegistration(ctx.services.store, {
      data: {
        residentId,
        phoneDigest: ctx.services.residents.digestPhone(phone),
        birthYear: input.birthYear,
        channel: 'offline',
        consent: { recordedBy: worker, form: input.consent.form, at: now(ctx).toISOString() },
        personal: { name, phone, ...(idNumber && { idNumber }), ...(address && { address }) },
      },
      ties: [
        {
          tieId: uuidv7(),
          communityId: input.communityId,
          kind: input.kind,
          declaredFor: { by: worker, consent: 'paper_form' },
        },
      ],
      today: today(ctx),
    });
    const result = await commands.registerResident(offlineFor(ctx, residentId), registration);
    return { residentId, ...written(result) };
  }),
};
