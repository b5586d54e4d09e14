// What community workers do for residents outside ties and erasures: search the residents of
// their community, and register a resident who came in person. Merged into the resident router
// under the same names.
import { z } from 'zod';
import { idSchema, lineText, tieKindSchema } from '@gongzhi/domain';
import { uuidv7 } from '@gongzhi/eventstore';
import { communityStaff } from '../access.ts';
import { now, today } from '../context.ts';
import { caughtUpTo, minPositionSchema, written } from '../positions.ts';
import { procedure } from '../trpc.ts';
import * as commands from './commands.ts';
import { searchCommunityResidents } from './queries.ts';
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

export const staffProcedures = {
  /**
   * Residents with a tie to the community they declared or agreed to (not one a worker declared
   * that awaits them), by part of the name, the last digits of the number, or the whole number.
   * Results show the number masked.
   */
  search: procedure(
    communityStaff(RESIDENT_STAFF, { 'zh-CN': '查找居民', en: 'search residents' }),
    z.object({
      communityId: idSchema,
      query: lineText({ max: 40 }),
      minPosition: minPositionSchema,
    }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    return { residents: await searchCommunityResidents(ctx, input) };
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
